import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { AppOauthApiScope } from "@cdktf/provider-okta/lib/app-oauth-api-scope";
import { Testing } from "cdktf";
import { ServiceApp, ServiceAppProps } from "../constructs/service-app";
import { FIXTURE_SERVICE_KEY as EXAMPLE_SERVICE_KEY } from "../test-support/fixture-org";
import { errorOf, onlyResource, synthJson, testStack } from "../test-support";

const base: ServiceAppProps = { label: "Reports", scopes: ["http://myapp.com/scp/silver"] };
const keyAuth = { method: "private_key_jwt", jwks: [EXAMPLE_SERVICE_KEY] } as const;

describe("ServiceApp", () => {
  test("is a service client with client_credentials only (seed 003 f)", () => {
    const stack = testStack();
    new ServiceApp(stack, "reports", base);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      type: "service",
      grant_types: ["client_credentials"],
      pkce_required: false,
      token_endpoint_auth_method: "client_secret_basic",
      omit_secret: true,
    });
    const app = onlyResource(synthJson(stack), "okta_app_oauth");
    expect(app).not.toHaveProperty("redirect_uris");
    expect(app).not.toHaveProperty("response_types");
  });

  test.each(["openid", "profile", "email", "offline_access"])("fails when it asks for %s, because there is no user", (scope) => {
    const message = errorOf(() => new ServiceApp(testStack(), "reports", { ...base, scopes: [scope] }));
    expect(message).toContain("test/reports");
    expect(message).toContain(`a service app cannot request "${scope}": the client credentials flow has no user`);
    expect(message).toContain("Fix: request only custom scopes of the authorization server.");
  });

  test("grants Okta management scopes with okta_app_oauth_api_scope, issued by the org URL", () => {
    const stack = testStack();
    new ServiceApp(stack, "reports", { ...base, oktaApiScopes: ["okta.users.read", "okta.groups.read"], authentication: keyAuth });
    const synthed = Testing.synth(stack);
    expect(synthed).toHaveResourceWithProperties(AppOauthApiScope, {
      scopes: ["okta.groups.read", "okta.users.read"],
      issuer: expect.stringMatching(/^\$\{data\.okta_org_metadata\.\w+\.domains\.organization\}$/),
    });
  });

  test("fails when management scopes are granted to a secret-authenticated app", () => {
    const message = errorOf(() => new ServiceApp(testStack(), "reports", { ...base, oktaApiScopes: ["okta.groups.read"] }));
    expect(message).toContain("an app granted Okta management scopes must authenticate with private_key_jwt");
  });

  test("fails when a management scope is listed as an authorization-server scope", () => {
    const message = errorOf(() => new ServiceApp(testStack(), "reports", { ...base, scopes: ["okta.groups.read"] }));
    expect(message).toContain("is an Okta management scope, not an authorization-server scope");
  });

  test("lists every problem in one error", () => {
    const message = errorOf(() => new ServiceApp(testStack(), "reports", { label: "", scopes: ["openid", "email"] }));
    expect(message).toContain("(3 problems)");
  });
});
