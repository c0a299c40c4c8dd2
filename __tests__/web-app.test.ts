import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { Testing } from "cdktf";
import { WebApp, WebAppProps } from "../constructs/web-app";
import { FIXTURE_SERVICE_KEY as EXAMPLE_SERVICE_KEY } from "../test-support/fixture-org";
import { errorOf, onlyResource, synthJson, testStack } from "../test-support";

const base: WebAppProps = {
  label: "Billing",
  redirectUris: ["https://billing.example.com/authorization-code/callback"],
  assignTo: "everyone",
};

describe("WebApp", () => {
  test("is a confidential web client with authorization code, PKCE and client_secret_basic (seed 003 b)", () => {
    const stack = testStack();
    new WebApp(stack, "billing", base);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      type: "web",
      grant_types: ["authorization_code"],
      response_types: ["code"],
      pkce_required: true,
      token_endpoint_auth_method: "client_secret_basic",
      omit_secret: true,
      wildcard_redirect: "DISABLED",
    });
  });

  test("does not set refresh token rotation when it has no refresh token grant", () => {
    const stack = testStack();
    new WebApp(stack, "billing", base);
    const app = onlyResource(synthJson(stack), "okta_app_oauth");
    expect(app).not.toHaveProperty("refresh_token_rotation");
    expect(app).not.toHaveProperty("refresh_token_leeway");
  });

  test("adds a rotating refresh token grant when asked", () => {
    const stack = testStack();
    new WebApp(stack, "billing", { ...base, refreshTokens: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      grant_types: ["authorization_code", "refresh_token"],
      refresh_token_rotation: "ROTATE",
      refresh_token_leeway: 30,
    });
  });

  test("authenticates with private_key_jwt and a public JWKS", () => {
    const stack = testStack();
    new WebApp(stack, "billing", { ...base, authentication: { method: "private_key_jwt", jwks: [EXAMPLE_SERVICE_KEY] } });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      token_endpoint_auth_method: "private_key_jwt",
      jwks: [{ kid: EXAMPLE_SERVICE_KEY.kid, kty: "RSA", e: "AQAB", n: EXAMPLE_SERVICE_KEY.n }],
    });
  });

  test("fails when private_key_jwt has no keys", () => {
    const message = errorOf(() => new WebApp(testStack(), "billing", { ...base, authentication: { method: "private_key_jwt" } }));
    expect(message).toContain("test/billing");
    expect(message).toContain("private_key_jwt needs the client's public keys");
    expect(message).toContain("Fix: set jwks (public keys only) or jwksUri.");
  });

  test("fails when a JWK carries private key material", () => {
    const leaked = { ...EXAMPLE_SERVICE_KEY, d: "private-exponent" } as typeof EXAMPLE_SERVICE_KEY;
    const message = errorOf(
      () => new WebApp(testStack(), "billing", { ...base, authentication: { method: "private_key_jwt", jwks: [leaked] } }),
    );
    expect(message).toContain("jwks contains private key material");
  });

  test("keeps the secret out of state by default and exposes it only when opted in", () => {
    const stack = testStack();
    const plain = new WebApp(stack, "plain", base);
    const managed = new WebApp(stack, "managed", { ...base, label: "Managed", manageClientSecret: true });
    expect(plain.clientSecret).toBeUndefined();
    expect(managed.clientSecret).toBeDefined();
    const apps = Object.values(synthJson(stack).resource?.okta_app_oauth ?? {});
    expect(Object.fromEntries(apps.map((a) => [a.label, a.omit_secret]))).toEqual({ Billing: true, Managed: false });
  });

  test("fails in prod when the implicit grant is allowed", () => {
    expect(errorOf(() => new WebApp(testStack("prod"), "legacy", { ...base, allowImplicitGrant: true }))).toContain(
      "the implicit grant is not allowed in prod",
    );
  });

  test("fails when a redirect URI uses a custom scheme, which only native apps may use", () => {
    const message = errorOf(() => new WebApp(testStack(), "billing", { ...base, redirectUris: ["com.example.app:/cb"] }));
    expect(message).toContain('uses the scheme "com.example.app:", which only native apps may use');
  });
});
