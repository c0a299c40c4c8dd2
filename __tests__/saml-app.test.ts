import { AppSaml } from "@cdktf/provider-okta/lib/app-saml";
import { AppGroupAssignment } from "@cdktf/provider-okta/lib/app-group-assignment";
import { TerraformOutput, Testing } from "cdktf";
import { OktaGroup } from "../constructs/okta-group";
import { X509Certificate } from "crypto";
import { SamlApp, SamlAppProps, escapeTemplate } from "../constructs/saml-app";
import { SP_CERTIFICATE_BASE64, SP_CERTIFICATE_PEM } from "../test-support/certificates";
import { EnvironmentName } from "../constructs/environment";
import { errorOf, onlyResource, resourcesOf, synthJson, testStack } from "../test-support";

const base: Omit<SamlAppProps, "assignTo"> = {
  label: "Expenses",
  ssoUrl: "https://expenses.example.com/saml/acs",
  audience: "https://expenses.example.com/saml/metadata",
};

function build(props: Partial<SamlAppProps> = {}, env: EnvironmentName = "prod") {
  const stack = testStack(env);
  const group = new OktaGroup(stack, "Finance", { name: "financeTeam" });
  const app = new SamlApp(stack, "expenses", { ...base, assignTo: [group], ...props });
  return { stack, app };
}

function failure(props: Partial<SamlAppProps>, env: EnvironmentName = "prod"): string {
  return errorOf(() => build(props, env));
}

describe("SamlApp", () => {
  test("signs response and assertion with SHA-256 by default and fills recipient and destination from the ACS URL", () => {
    const { stack } = build();
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppSaml, {
      label: "Expenses",
      sso_url: base.ssoUrl,
      recipient: base.ssoUrl,
      destination: base.ssoUrl,
      audience: base.audience,
      response_signed: true,
      assertion_signed: true,
      signature_algorithm: "RSA_SHA256",
      digest_algorithm: "SHA256",
      subject_name_id_format: "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
      subject_name_id_template: "$${user.userName}",
    });
  });

  test("escapes Okta's ${...} templates so Terraform passes them through literally", () => {
    expect(escapeTemplate("${user.email}")).toBe("$${user.email}");
    // Config strings are the literal values Okta receives: an already "escaped" string is
    // escaped again, so Terraform hands Okta exactly what config says.
    expect(escapeTemplate("$${user.email}")).toBe("$$${user.email}");
    expect(escapeTemplate("%{if x}")).toBe("%%{if x}");
    expect(escapeTemplate("${user.firstName} ${user.lastName}")).toBe("$${user.firstName} $${user.lastName}");
    const { stack } = build({ nameIdFormat: "emailAddress", nameIdTemplate: "${user.email}" });
    expect(onlyResource(synthJson(stack), "okta_app_saml")).toMatchObject({
      subject_name_id_format: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
      subject_name_id_template: "$${user.email}",
    });
  });

  test("sends attribute statements and a group attribute with its filter", () => {
    const { stack } = build({
      attributes: [{ name: "email", values: ["user.email"], nameFormat: "basic" }],
      groupAttribute: { name: "groups", filter: { startsWith: "finance" } },
    });
    expect(onlyResource(synthJson(stack), "okta_app_saml").attribute_statements).toEqual([
      { type: "EXPRESSION", name: "email", namespace: "urn:oasis:names:tc:SAML:2.0:attrname-format:basic", values: ["user.email"] },
      { type: "GROUP", name: "groups", namespace: "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified", filter_type: "STARTS_WITH", filter_value: "finance" },
    ]);
  });

  test("configures single logout with the SP's certificate, sent as base64 DER without the PEM armor", () => {
    const { stack } = build({ singleLogout: { url: "https://expenses.example.com/saml/slo", issuer: "https://expenses.example.com", certificate: SP_CERTIFICATE_PEM } });
    const saml = onlyResource(synthJson(stack), "okta_app_saml");
    expect(saml).toMatchObject({
      single_logout_url: "https://expenses.example.com/saml/slo",
      single_logout_issuer: "https://expenses.example.com",
      single_logout_certificate: SP_CERTIFICATE_BASE64,
    });
    // What Okta receives as x5c[0] must parse as the same certificate.
    expect(new X509Certificate(Buffer.from(String(saml.single_logout_certificate), "base64")).subject).toBe("CN=expenses.example.com");
  });

  test("fails when the single logout certificate is armored but not a certificate", () => {
    const message = failure({ singleLogout: { url: "https://expenses.example.com/slo", issuer: "x", certificate: "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----" } });
    expect(message).toContain("singleLogout.certificate is not a PEM X.509 certificate");
  });

  test("assigns one group per okta_app_group_assignment and exposes the metadata URL and app id", () => {
    const { stack, app } = build();
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppGroupAssignment, {
      app_id: expect.stringMatching(/okta_app_saml\.expenses_App_\w+\.id/),
      group_id: expect.stringMatching(/okta_group\.Finance_Group_\w+\.id/),
    });
    expect(Object.keys(resourcesOf(synthJson(stack), "okta_app_group_assignment"))).toHaveLength(1);
    new TerraformOutput(stack, "metadata", { value: app.metadataUrl });
    new TerraformOutput(stack, "id", { value: app.appId });
    const outputs = synthJson(stack).output ?? {};
    expect(outputs.metadata.value).toMatch(/^\$\{okta_app_saml\.expenses_App_\w+\.metadata_url\}$/);
    expect(outputs.id.value).toMatch(/^\$\{okta_app_saml\.expenses_App_\w+\.id\}$/);
  });

  test.each(["staging", "prod"] as const)("fails when the ACS URL uses http in %s", (env) => {
    const message = failure({ ssoUrl: "http://expenses.example.com/saml/acs" }, env);
    expect(message).toContain("Invalid Okta configuration at test/expenses");
    expect(message).toContain(`ssoUrl uses http in ${env}: got "http://expenses.example.com/saml/acs". Fix: use https; plain http is accepted in dev only.`);
  });

  test("sends several ACS endpoints in index order, the single sign-on URL among them", () => {
    const acsEndpoints = ["https://expenses.example.com/saml/acs", "https://eu.expenses.example.com/saml/acs"];
    const app = onlyResource(synthJson(build({ acsEndpoints }).stack), "okta_app_saml");
    // A list, position = index (resource_okta_app_saml.go), not a set.
    expect(app.acs_endpoints).toEqual(acsEndpoints);
    expect(app.sso_url).toBe(acsEndpoints[0]);
  });

  test("refuses ACS endpoints without the single sign-on URL, twice the same one, or over http in prod", () => {
    const message = failure({ acsEndpoints: ["https://eu.expenses.example.com/saml/acs", "https://eu.expenses.example.com/saml/acs", "http://us.expenses.example.com/saml/acs"] });
    expect(message).toContain("acsEndpoints must include the ssoUrl (the default endpoint)");
    expect(message).toContain('acsEndpoints lists a URL twice (each index is one endpoint): got ["https://eu.expenses.example.com/saml/acs"]');
    expect(message).toContain('acsEndpoints[2] uses http in prod: got "http://us.expenses.example.com/saml/acs"');
  });

  test("accepts an http ACS URL in dev", () => {
    const { stack } = build({ ssoUrl: "http://localhost:4000/saml/acs" }, "dev");
    expect(onlyResource(synthJson(stack), "okta_app_saml").sso_url).toBe("http://localhost:4000/saml/acs");
  });

  test("fails when the single logout URL uses http outside dev", () => {
    const message = failure({ singleLogout: { url: "http://expenses.example.com/slo", issuer: "x", certificate: "-----BEGIN CERTIFICATE-----" } });
    expect(message).toContain('singleLogout.url uses http in prod: got "http://expenses.example.com/slo"');
  });

  test.each(["expenses", "/saml/metadata", "https://*.example.com"])("fails when the audience %s is not an absolute URI", (audience) => {
    const message = failure({ audience });
    expect(message).toContain(`audience must be an absolute URI (the SP entity id): got ${JSON.stringify(audience)}`);
  });

  test("accepts a URN audience", () => {
    const { stack } = build({ audience: "urn:amazon:webservices" });
    expect(onlyResource(synthJson(stack), "okta_app_saml").audience).toBe("urn:amazon:webservices");
  });

  test("fails when the signature algorithm is SHA-1", () => {
    expect(failure({ signatureAlgorithm: "RSA_SHA1" })).toContain('signatureAlgorithm RSA_SHA1 is refused: SHA-1 signatures can be forged: got "RSA_SHA1". Fix: use "RSA_SHA256"');
  });

  test("fails when the digest algorithm is SHA-1", () => {
    expect(failure({ digestAlgorithm: "SHA1" })).toContain('digestAlgorithm SHA1 is refused: SHA-1 digests collide: got "SHA1"');
  });

  test("fails when neither response nor assertion is signed", () => {
    expect(failure({ responseSigned: false, assertionSigned: false })).toContain("neither the response nor the assertion is signed");
  });

  test("fails when the group filter is an invalid regex", () => {
    const message = failure({ groupAttribute: { name: "groups", filter: { regex: "^(finance" } } });
    expect(message).toContain("the group attribute regex is invalid");
    expect(message).toContain('got "^(finance". Fix: write a valid regular expression');
  });

  test("fails when the single logout certificate is a private key, without printing it", () => {
    const key = "-----BEGIN PRIVATE KEY-----\nsecretmaterial\n-----END PRIVATE KEY-----";
    const message = failure({ singleLogout: { url: "https://e.example.com/slo", issuer: "x", certificate: key } });
    expect(message).toContain("singleLogout.certificate contains a private key");
    expect(message).not.toContain("secretmaterial");
  });

  test("fails when two attribute statements share a name", () => {
    const message = failure({ attributes: [{ name: "groups", values: ["user.email"] }], groupAttribute: { name: "groups", filter: { equals: "a" } } });
    expect(message).toContain('attribute statement name is used twice: got "groups"');
  });

  test("fails when the label is already used in the stack", () => {
    const stack = testStack("prod");
    new SamlApp(stack, "one", { ...base, assignTo: "everyone" });
    const message = errorOf(() => new SamlApp(stack, "two", { ...base, label: "expenses", assignTo: "everyone" }));
    expect(message).toContain("label is already used by test/one in this stack");
  });

  test("lists every problem in one error and writes nothing", () => {
    const stack = testStack("prod");
    const message = errorOf(() => new SamlApp(stack, "bad", { ...base, ssoUrl: "http://x.example.com/acs", audience: "x", signatureAlgorithm: "RSA_SHA1", assignTo: undefined as never }));
    expect(message).toContain("(4 problems)");
    expect(message).toContain("assignTo is required");
    expect(resourcesOf(synthJson(stack), "okta_app_saml")).toEqual({});
  });
});
