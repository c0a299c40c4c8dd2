import { AppAutoLogin } from "@cdktf/provider-okta/lib/app-auto-login";
import { AppBookmark } from "@cdktf/provider-okta/lib/app-bookmark";
import { AppSwa } from "@cdktf/provider-okta/lib/app-swa";
import { Testing } from "cdktf";
import { BookmarkApp } from "../constructs/bookmark-app";
import { EnvironmentName } from "../constructs/environment";
import { OinApp } from "../constructs/oin-app";
import { OinCatalogEntry } from "../constructs/oin-catalog";
import { SwaApp, SwaAppProps } from "../constructs/swa-app";
import { errorOf, onlyResource, resourcesOf, synthJson, testStack } from "../test-support";

function oin(catalog: OinCatalogEntry, env: EnvironmentName = "prod") {
  const stack = testStack(env);
  const app = new OinApp(stack, "oin", { label: "Catalog App", catalog, assignTo: "everyone" });
  return { stack, app, json: synthJson(stack) };
}

describe("OinApp", () => {
  test("creates a preconfigured SAML app with typed PagerDuty settings", () => {
    const { json, app } = oin({ app: "pagerduty", settings: { subdomain: "acme" } });
    expect(onlyResource(json, "okta_app_saml")).toMatchObject({ preconfigured_app: "pagerduty", label: "Catalog App", app_settings_json: '{"subdomain":"acme"}' });
    expect(app.signOnMode).toBe("SAML_2_0");
    expect(app.metadataUrl).toBeDefined();
  });

  test("creates the AWS app with its documented settings, keys sorted so reordering is no diff", () => {
    const { json } = oin({
      app: "amazon_aws",
      settings: { sessionDuration: 3600, awsEnvironmentType: "aws.amazon", joinAllRoles: false, loginURL: "https://console.aws.amazon.com/ec2/home" },
    });
    expect(onlyResource(json, "okta_app_saml").app_settings_json).toBe(
      '{"awsEnvironmentType":"aws.amazon","joinAllRoles":false,"loginURL":"https://console.aws.amazon.com/ec2/home","sessionDuration":3600}',
    );
  });

  test("uses okta_app_auto_login for a form-based catalog app with settings", () => {
    const { stack } = oin({ app: "acme_portal", signOnMode: "AUTO_LOGIN", settings: { region: "eu" } });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppAutoLogin, { preconfigured_app: "acme_portal", app_settings_json: '{"region":"eu"}' });
  });

  test("refuses a browser plug-in catalog app, which the provider would create as AUTO_LOGIN", () => {
    const message = errorOf(() => oin({ app: "acme_legacy", signOnMode: "BROWSER_PLUGIN" }));
    expect(message).toContain("a BROWSER_PLUGIN catalog app cannot be created by the okta provider: with preconfigured_app it always creates AUTO_LOGIN");
    expect(message).toContain('use signOnMode "AUTO_LOGIN"');
  });

  test("escapes Okta's ${...} placeholders in settings so Terraform passes them through", () => {
    const { json } = oin({ app: "amazon_aws", settings: { awsEnvironmentType: "aws.amazon", roleValuePattern: "arn:aws:iam::${accountid}:saml-provider/OKTA,arn:aws:iam::${accountid}:role/${role}" } });
    const settings = String(Object.values(resourcesOf(json, "okta_app_saml"))[0].app_settings_json);
    expect(settings).toContain("arn:aws:iam::$${accountid}:saml-provider/OKTA");
    expect(settings).not.toMatch(/[^$]\$\{/);
  });

  test("assigns groups the same way as the OIDC apps", () => {
    const { json } = oin({ app: "pagerduty", settings: { subdomain: "acme" } });
    expect(Object.values(resourcesOf(json, "okta_app_group_assignment"))).toEqual([
      expect.objectContaining({ app_id: expect.stringMatching(/okta_app_saml\.oin_App/), group_id: expect.stringMatching(/data\.okta_everyone_group/) }),
    ]);
  });

  test.each([899, 43201, 1.5])("fails when the AWS session duration is %s", (sessionDuration) => {
    const message = errorOf(() => oin({ app: "amazon_aws", settings: { awsEnvironmentType: "aws.amazon", sessionDuration } }));
    expect(message).toContain("Invalid Okta configuration at test/oin");
    expect(message).toContain(`amazon_aws sessionDuration must be 900–43200 seconds (AWS's limits): got ${sessionDuration}`);
  });

  test("fails when AWS group mapping lacks its filter and role pattern", () => {
    const message = errorOf(() => oin({ app: "amazon_aws", settings: { awsEnvironmentType: "aws.amazon", useGroupMapping: true } }));
    expect(message).toContain("amazon_aws useGroupMapping needs groupFilter and roleValuePattern");
  });

  test("fails when the PagerDuty subdomain is a URL", () => {
    const message = errorOf(() => oin({ app: "pagerduty", settings: { subdomain: "https://acme.pagerduty.com" } }));
    expect(message).toContain('pagerduty subdomain must be the bare subdomain: got "https://acme.pagerduty.com". Fix: write "acme"');
  });

  test("fails when an unknown catalog app has no sign-on mode", () => {
    const message = errorOf(() => oin({ app: "acme_portal", settings: {} } as unknown as OinCatalogEntry));
    expect(message).toContain("catalog app needs its sign-on mode: got nothing");
  });

  test("fails when the catalog key is not an OIN key", () => {
    const message = errorOf(() => oin({ app: "Acme Portal", signOnMode: "AUTO_LOGIN" }));
    expect(message).toContain('catalog app key is not an OIN app key: got "Acme Portal"');
  });
});

const swaBase: Omit<SwaAppProps, "assignTo"> = {
  label: "Legacy HR",
  url: "https://hr.example.com/login",
  usernameField: "#user",
  passwordField: "#pass",
  buttonField: "#submit",
};

describe("SwaApp", () => {
  test("creates okta_app_swa with the sign-in form's selectors and no shared credential", () => {
    const stack = testStack("prod");
    new SwaApp(stack, "hr", { ...swaBase, assignTo: "everyone" });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppSwa, {
      label: "Legacy HR",
      url: "https://hr.example.com/login",
      username_field: "#user",
      password_field: "#pass",
      button_field: "#submit",
    });
    const swa = onlyResource(synthJson(stack), "okta_app_swa");
    expect(swa).not.toHaveProperty("shared_password");
    expect(swa).not.toHaveProperty("preconfigured_app");
  });

  test("fails when a selector is missing and the URL is http in prod", () => {
    const message = errorOf(() => new SwaApp(testStack("prod"), "hr", { ...swaBase, url: "http://hr.example.com/login", buttonField: "", assignTo: "everyone" }));
    expect(message).toContain("(2 problems)");
    expect(message).toContain('buttonField is required: got "". Fix: give the CSS selector');
    expect(message).toContain('url uses http in prod: got "http://hr.example.com/login"');
  });

  test("fails when urlRegex is not a valid regular expression", () => {
    const message = errorOf(() => new SwaApp(testStack("dev"), "hr", { ...swaBase, urlRegex: "https://hr\\.example\\.com/(", assignTo: "everyone" }));
    expect(message).toContain("urlRegex is invalid");
  });
});

describe("BookmarkApp", () => {
  test("creates okta_app_bookmark assigned to its groups", () => {
    const stack = testStack("staging");
    new BookmarkApp(stack, "status", { label: "Status Page", url: "https://status.example.com", assignTo: "everyone" });
    const synthed = Testing.synth(stack);
    expect(synthed).toHaveResourceWithProperties(AppBookmark, { label: "Status Page", url: "https://status.example.com" });
    expect(Object.keys(resourcesOf(synthJson(stack), "okta_app_group_assignment"))).toHaveLength(1);
  });

  test.each(["not a url", "ftp://status.example.com", "https://*.example.com"])("fails when the URL is %s", (url) => {
    const message = errorOf(() => new BookmarkApp(testStack("dev"), "status", { label: "Status", url, assignTo: "everyone" }));
    expect(message).toContain("test/status");
    expect(message).toMatch(/url (is not an absolute http\(s\) URL|contains a wildcard)/);
  });

  test("fails when assignTo is missing", () => {
    const message = errorOf(() => new BookmarkApp(testStack("dev"), "status", { label: "Status", url: "https://s.example.com" } as never));
    expect(message).toContain('assignTo is required: got nothing. Fix: set assignTo: "everyone" or a list of groups');
  });
});
