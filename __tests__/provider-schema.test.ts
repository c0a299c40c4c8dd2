import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { Group } from "@cdktf/provider-okta/lib/group";
import { selectEnvironments } from "../config";
import { setEnvironment } from "../constructs/environment";
import { NativeApp } from "../constructs/native-app";
import { ServiceApp } from "../constructs/service-app";
import { SpaApp } from "../constructs/spa-app";
import { OKTA_PROVIDER_VERSION, oktaProvider } from "../stacks/provider-version";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { OKTA_SCHEMA, checkAgainstSchema } from "../terraform/schema";
import { readSynthesized } from "../review/stack-json";
import { errorOf, onlyResource, synthJson, testStack } from "../test-support";
import { fixtureEnvironments } from "../test-support/fixture-org";

function rawStack(build: (stack: TerraformStack) => void): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-schema-")) });
  const stack = new TerraformStack(app, "raw");
  setEnvironment(stack, "dev");
  oktaProvider(stack, {});
  build(stack);
  return app;
}

describe("okta provider 6.12 schema facts (terraform/okta-6.12.0.schema.json)", () => {
  test.each([
    ["the org in config/", () => selectEnvironments()],
    ["the fixture org", () => fixtureEnvironments()],
  ])("every attribute and nested block that %s sets exists, writable, in provider 6.12.0", (_name, configs) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-schema-"));
    synthesizeAll(buildOrgApp(configs(), { outdir }).app);
    const stacks = readSynthesized(outdir);
    expect(stacks.size).toBe(6);
    for (const [id, s] of stacks) {
      expect({ id, problems: checkAgainstSchema(s.json) }).toEqual({ id, problems: [] });
      // Each stack runs the current provider line, not the bindings' 4.20.0.
      expect((s.json.terraform as { required_providers: { okta: { version: string } } }).required_providers.okta.version).toBe(OKTA_PROVIDER_VERSION);
    }
    expect(OKTA_PROVIDER_VERSION).toBe(">= 6.12.0, != 6.14.0, < 7.0.0");
  });

  test("covers every resource and data-source type the constructs use", () => {
    expect(Object.keys(OKTA_SCHEMA.resources)).toEqual(expect.arrayContaining(["okta_app_oauth", "okta_app_saml", "okta_app_bookmark", "okta_app_group_assignment", "okta_auth_server_policy_rule", "okta_trusted_origin"]));
    expect(OKTA_SCHEMA.resources.okta_app_oauth["."].skip_authentication_policy).toMatchObject({ kind: "optional", type: "Boolean" });
  });

  test("fails synth on an override with an unknown attribute, naming path, attribute and fix", () => {
    const app = rawStack((s) => new AppOauth(s, "app", { label: "A", type: "web", grantTypes: ["authorization_code"], redirectUris: ["https://a.example.com/cb"] }).addOverride("refresh_token_leeway_seconds", 30));
    const message = errorOf(() => synthesizeAll(app));
    expect(message).toContain("[raw/app] okta_app_oauth has no attribute \"refresh_token_leeway_seconds\" in okta provider 6.12.0");
    expect(message).toContain("attribute refresh_token_leeway_seconds). Fix: remove it or use one of:");
    expect(message).toContain("refresh_token_leeway");
    expect(fs.existsSync(path.join(app.outdir, "stacks", "raw"))).toBe(false);
  });

  test("fails synth on an unknown attribute inside a nested block, and on a read-only attribute", () => {
    const app = rawStack((s) => {
      const a = new AppOauth(s, "app", { label: "A", type: "service", grantTypes: ["client_credentials"], jwks: [{ kid: "k", kty: "RSA", e: "AQAB", n: "x" }] });
      a.addOverride("jwks.0.use", "sig");
      a.addOverride("client_secret", "nope");
    });
    const message = errorOf(() => synthesizeAll(app));
    expect(message).toContain('okta_app_oauth has no attribute "jwks.use"');
    expect(message).toContain("okta_app_oauth.client_secret is read-only (set by Okta)");
  });

  test("fails synth on a required attribute left out, naming each resource of each type that lacks it", () => {
    const app = rawStack((s) => {
      new AppOauth(s, "kept", { label: "K", type: "service", grantTypes: ["client_credentials"] });
      new AppOauth(s, "app", { label: "A", type: "service", grantTypes: ["client_credentials"] }).addOverride("label", undefined);
      new Group(s, "group", { name: "G" }).addOverride("name", undefined);
    });
    const message = errorOf(() => synthesizeAll(app));
    expect(message).toContain('[raw/app] okta_app_oauth requires "label"');
    expect(message).toContain('[raw/group] okta_group requires "name"');
    expect(message).not.toContain("[raw/kept]");
    expect(message.match(/ requires "/g)).toHaveLength(2);
  });

  test("sets skip_authentication_policy on service apps only (provider 6.12 would assign an access policy on every update)", () => {
    const withService = testStack();
    new ServiceApp(withService, "svc", { label: "Svc", scopes: ["s:x"] });
    new SpaApp(withService, "spa", { label: "Spa", redirectUris: ["https://spa.example.com/cb"], baseUris: ["https://spa.example.com"], assignTo: "everyone" });
    const apps = Object.values(synthJson(withService).resource?.okta_app_oauth ?? {});
    expect(apps.find((a) => a.type === "service")?.skip_authentication_policy).toBe(true);
    expect(apps.find((a) => a.type === "browser")).not.toHaveProperty("skip_authentication_policy");
  });

  test("shows a dashboard tile for an app with an initiate-login URI (login_mode SPEC needs hide_web false)", () => {
    const stack = testStack();
    new SpaApp(stack, "portal", { label: "Portal", redirectUris: ["https://portal.example.com/cb"], baseUris: ["https://portal.example.com"], loginUri: "https://portal.example.com/login", assignTo: "everyone" });
    expect(onlyResource(synthJson(stack), "okta_app_oauth")).toMatchObject({ login_mode: "SPEC", login_uri: "https://portal.example.com/login", hide_web: false });
  });

  test("lets a trusted native app manage its client secret, and refuses it on a public native app", () => {
    const stack = testStack();
    const app = new NativeApp(stack, "trusted", { label: "Trusted", redirectUris: ["com.example.t:/cb"], assignTo: "everyone", allowPasswordGrant: true, manageClientSecret: true });
    expect(onlyResource(synthJson(stack), "okta_app_oauth")).toMatchObject({ omit_secret: false, token_endpoint_auth_method: "client_secret_basic" });
    expect(app.clientSecret).toBeDefined();
    expect(errorOf(() => new NativeApp(testStack(), "public", { label: "Public", redirectUris: ["com.example.p:/cb"], assignTo: "everyone", manageClientSecret: true }))).toContain(
      "manageClientSecret needs a secret: only a trusted app (allowPasswordGrant) has one",
    );
  });
});
