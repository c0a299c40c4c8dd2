import { AppGroupAssignment } from "@cdktf/provider-okta/lib/app-group-assignment";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { TerraformOutput, Testing } from "cdktf";
import { OktaGroup } from "../constructs/okta-group";
import { SpaApp, SpaAppProps } from "../constructs/spa-app";
import { errorOf, onlyResource, resourcesOf, synthJson, testStack } from "../test-support";

const base: SpaAppProps = {
  label: "Portal",
  redirectUris: ["https://portal.example.com/login/callback"],
  postLogoutRedirectUris: ["https://portal.example.com/"],
  baseUris: ["https://portal.example.com"],
  assignTo: "everyone",
};

describe("SpaApp", () => {
  test("is a public browser client with authorization code, PKCE and rotating refresh tokens (seed 000)", () => {
    const stack = testStack();
    new SpaApp(stack, "portal", base);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      type: "browser",
      label: "Portal",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      pkce_required: true,
      token_endpoint_auth_method: "none",
      refresh_token_rotation: "ROTATE",
      refresh_token_leeway: 30,
      redirect_uris: ["https://portal.example.com/login/callback"],
      post_logout_redirect_uris: ["https://portal.example.com/"],
      wildcard_redirect: "DISABLED",
      login_mode: "DISABLED",
      omit_secret: true,
    });
  });

  test("sets the initiate login URI with login_mode SPEC", () => {
    const stack = testStack();
    new SpaApp(stack, "portal", { ...base, loginUri: "https://portal.example.com/login" });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, { login_mode: "SPEC", login_uri: "https://portal.example.com/login" });
  });

  test("trusts each base URI for CORS and REDIRECT", () => {
    const stack = testStack();
    new SpaApp(stack, "portal", { ...base, baseUris: ["https://portal.example.com", "https://www.example.com"] });
    const origins = Object.values(resourcesOf(synthJson(stack), "okta_trusted_origin"));
    expect(origins.map((o) => [o.origin, o.scopes])).toEqual([
      ["https://portal.example.com", ["CORS", "REDIRECT"]],
      ["https://www.example.com", ["CORS", "REDIRECT"]],
    ]);
  });

  test("gives origins that differ only in a dot or a dash (one slug) a resource each, the first keeping the plain id", () => {
    const stack = testStack();
    new SpaApp(stack, "ab", { ...base, baseUris: ["https://a.b.example.com"] });
    new SpaApp(stack, "a-b", { ...base, label: "Portal B", baseUris: ["https://a-b.example.com"] });
    const origins = resourcesOf(synthJson(stack), "okta_trusted_origin");
    // The look-alike's id: a hash of its own text, so it does not depend on what else is trusted.
    expect(new Map(Object.entries(origins).map(([k, o]) => [o.origin, k.replace(/_[0-9A-F]{8}$/, "")]))).toEqual(new Map([
      ["https://a.b.example.com", "TrustedOrigins_https-a-b-example-com"],
      ["https://a-b.example.com", "TrustedOrigins_https-a-b-example-com-d5caa954"],
    ]));
  });

  test("shares one trusted origin between two SPAs served from the same origin", () => {
    const stack = testStack();
    new SpaApp(stack, "a", base);
    new SpaApp(stack, "b", { ...base, label: "Portal B" });
    expect(Object.keys(resourcesOf(synthJson(stack), "okta_trusted_origin"))).toHaveLength(1);
  });

  test("assigns the app to the Everyone group through a data source", () => {
    const stack = testStack();
    new SpaApp(stack, "portal", base);
    const json = synthJson(stack);
    expect(Object.keys(json.data?.okta_everyone_group ?? {})).toHaveLength(1);
    const assignment = onlyResource(json, "okta_app_group_assignment");
    expect(assignment.group_id).toMatch(/^\$\{data\.okta_everyone_group\.\w+\.id\}$/);
  });

  test("creates one assignment per listed group, by group object", () => {
    const stack = testStack();
    const silver = new OktaGroup(stack, "silver", { name: "silverSubscribers" });
    const gold = new OktaGroup(stack, "gold", { name: "goldSubscribers" });
    new SpaApp(stack, "portal", { ...base, assignTo: [silver, gold] });
    const synthed = Testing.synth(stack);
    expect(synthed).not.toHaveResource({ tfResourceType: "okta_app_group_assignments" } as never);
    const assignments = Object.values(resourcesOf(JSON.parse(synthed), "okta_app_group_assignment"));
    expect(assignments.map((a) => a.group_id).sort()).toEqual([
      expect.stringMatching(/^\$\{okta_group\.gold_Group_\w+\.id\}$/),
      expect.stringMatching(/^\$\{okta_group\.silver_Group_\w+\.id\}$/),
    ]);
    expect(synthed).toHaveResource(AppGroupAssignment);
  });

  test("adds the Interaction Code grant for the embedded widget (seed 001)", () => {
    const stack = testStack();
    new SpaApp(stack, "widget", { ...base, embeddedWidget: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      grant_types: ["authorization_code", "refresh_token", "interaction_code"],
    });
  });

  test("declares the implicit grant only when explicitly allowed, outside prod", () => {
    const stack = testStack("staging");
    new SpaApp(stack, "legacy", { ...base, allowImplicitGrant: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      grant_types: ["authorization_code", "refresh_token", "implicit"],
      response_types: ["code", "token", "id_token"],
    });
  });

  test("fails in prod when the implicit grant is allowed", () => {
    const message = errorOf(() => new SpaApp(testStack("prod"), "legacy", { ...base, allowImplicitGrant: true }));
    expect(message).toContain("test/legacy");
    expect(message).toContain("the implicit grant is not allowed in prod");
    expect(message).toContain("RFC 9700 §2.1.2");
  });

  test("accepts a grace period of 0 and of 60 seconds", () => {
    const stack = testStack();
    new SpaApp(stack, "zero", { ...base, label: "Zero", refreshTokenLeewaySeconds: 0 });
    new SpaApp(stack, "sixty", { ...base, label: "Sixty", refreshTokenLeewaySeconds: 60 });
    const apps = Object.values(resourcesOf(synthJson(stack), "okta_app_oauth"));
    expect(Object.fromEntries(apps.map((a) => [a.label, a.refresh_token_leeway]))).toEqual({ Zero: 0, Sixty: 60 });
  });

  test("exposes its client id and app id for other constructs", () => {
    const stack = testStack();
    const app = new SpaApp(stack, "portal", base);
    new TerraformOutput(stack, "client_id", { value: app.clientId });
    const json = synthJson(stack);
    expect(json.output?.client_id.value).toMatch(/^\$\{okta_app_oauth\.portal_App_\w+\.client_id\}$/);
    expect(onlyResource(json, "okta_app_group_assignment").app_id).toMatch(/^\$\{okta_app_oauth\.portal_App_\w+\.id\}$/);
    expect(app.clientSecret).toBeUndefined();
  });
});
