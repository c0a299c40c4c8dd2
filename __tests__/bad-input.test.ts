import { fixtureConfig } from "../test-support/fixture-org";
import { Testing } from "cdktf";
import { configFor, OrgConfig, selectEnvironments } from "../config";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { ServiceApp } from "../constructs/service-app";
import { editedConfig, errorOf } from "../test-support";

type Draft = { -readonly [K in keyof OrgConfig]: OrgConfig[K] };

/** Builds an environment's stack from its config with one edit; returns the error message. */
function failureOf(env: string, edit: (config: Draft & { apps: Record<string, unknown>[] }) => void): string {
  const config = editedConfig(fixtureConfig(env), (draft) => edit(draft as never));
  return errorOf(() => new OktaOrgStack(Testing.app(), config));
}

function app(config: { apps: Record<string, unknown>[] }, id: string): Record<string, unknown> {
  const found = config.apps.find((a) => a.id === id);
  if (!found) throw new Error(`no app ${id} in the example config`);
  return found;
}

describe("bad input is refused at synth with path, value and fix", () => {
  test("fails when a redirect URI is not absolute", () => {
    const message = failureOf("staging", (c) => (app(c, "portal").redirectUris = ["/login/callback"]));
    expect(message).toContain("  - okta-staging/portal redirectUris[0] is not an absolute URI");
    expect(message).toContain('redirectUris[0] is not an absolute URI: got "/login/callback". Fix: write the full URI including its scheme');
  });

  test("fails when a redirect URI has a wildcard", () => {
    const message = failureOf("prod", (c) => (app(c, "billing").redirectUris = ["https://*.example.com/cb"]));
    expect(message).toContain("okta-prod/billing");
    expect(message).toContain('redirectUris[0] contains a wildcard: got "https://*.example.com/cb". Fix: list every redirect URI exactly (RFC 9700 §2.1');
  });

  test("fails when a redirect URI has a fragment", () => {
    const message = failureOf("dev", (c) => (app(c, "portal").postLogoutRedirectUris = ["http://localhost:8080/#/home"]));
    expect(message).toContain('postLogoutRedirectUris[0] contains a fragment: got "http://localhost:8080/#/home". Fix: remove the #fragment');
  });

  test.each(["staging", "prod"])("fails when a redirect URI uses http outside loopback in %s", (env) => {
    const message = failureOf(env, (c) => (app(c, "portal").redirectUris = ["http://portal.example.com/login/callback"]));
    expect(message).toContain(`okta-${env}/portal`);
    expect(message).toContain("redirectUris[0] uses http on a host that is not loopback");
    expect(message).toContain("Fix: use https");
  });

  test("fails when a trusted origin is not a bare origin or uses a wildcard", () => {
    const message = failureOf("prod", (c) => (app(c, "portal").baseUris = ["https://portal.example.com/app", "https://*.example.com"]));
    expect(message).toContain('baseUris[0] is not a bare origin: got "https://portal.example.com/app". Fix: drop the path, query or trailing slash: use https://portal.example.com.');
    expect(message).toContain('baseUris[1] contains a wildcard: got "https://*.example.com"');
    expect(message).toContain("(2 problems)");
  });

  test.each([-1, 61, 2.5])("fails when the refresh token leeway is %s", (leeway) => {
    const message = failureOf("dev", (c) => (app(c, "portal").refreshTokenLeewaySeconds = leeway));
    expect(message).toContain("okta-dev/portal");
    expect(message).toContain(`refreshTokenLeewaySeconds must be a whole number from 0 to 60 (Okta's grace period for rotation): got ${leeway}. Fix: set refreshTokenLeewaySeconds between 0 and 60.`);
  });

  test.each([
    [{ accessTokenMinutes: 4 }, "tokenLifetimes.accessTokenMinutes must be a whole number from 5 to 1440"],
    [{ accessTokenMinutes: 1441 }, "tokenLifetimes.accessTokenMinutes must be a whole number from 5 to 1440"],
    [{ refreshTokenWindowMinutes: 2_628_001 }, "tokenLifetimes.refreshTokenWindowMinutes must be a whole number from 5 to 2628000"],
    [{ refreshTokenLifetimeMinutes: 30 }, "tokenLifetimes.refreshTokenLifetimeMinutes must be at least the access token lifetime (60): got 30"],
    [{ refreshTokenWindowMinutes: 200_000 }, "tokenLifetimes.refreshTokenWindowMinutes must not exceed the refresh lifetime (129600): got 200000"],
  ])("fails when token lifetimes are outside Okta's limits: %j", (lifetimes, expected) => {
    const message = failureOf("dev", (c) => (c.apiCenter = { ...c.apiCenter!, tokenLifetimes: lifetimes }));
    expect(message).toContain("okta-dev/ApiCenter");
    expect(message).toContain(expected);
  });

  test("fails when a service app asks for OIDC scopes", () => {
    // Config names a service's tiers, not raw scopes; a team extending the stack in code can
    // still ask for scopes directly, and gets the same refusal with the stack path.
    const stack = new OktaOrgStack(Testing.app(), fixtureConfig("dev"));
    const message = errorOf(() => new ServiceApp(stack, "nightly-export", { label: "Nightly Export", scopes: ["openid", "profile"] }));
    expect(message).toContain("Invalid Okta configuration at okta-dev/nightly-export (2 problems)");
    expect(message).toContain('a service app cannot request "openid": the client credentials flow has no user');
    expect(message).toContain('a service app cannot request "profile"');
  });

  test("fails when a rule names a tier that does not exist", () => {
    const message = failureOf("dev", (c) => (app(c, "reports-service").tiers = ["platinum"]));
    expect(message).toContain("okta-dev/reports-service");
    expect(message).toContain('unknown tier of okta-dev/ApiCenter: got "platinum". Fix: use one of: silver, gold, or add the tier.');
  });

  test("fails when two apps in one stack share a label", () => {
    const message = failureOf("prod", (c) => (app(c, "billing").label = "customer portal"));
    expect(message).toContain("okta-prod/billing");
    expect(message).toContain('label is already used by okta-prod/portal in this stack: got "customer portal". Fix: give each app in an org a distinct label.');
  });

  test("fails when an app is assigned to a group that does not exist", () => {
    const message = failureOf("dev", (c) => (app(c, "billing").assignTo = ["platinumSubscribers"]));
    expect(message).toContain('assignTo names group "platinumSubscribers", which is not declared (removed or misspelled?)');
    expect(message).toContain("declared groups: silverSubscribers, goldSubscribers");
  });

  test("fails on an unknown environment name", () => {
    expect(errorOf(() => configFor("qa"))).toBe('Unknown environment "qa". Fix: use one of dev, staging, prod.');
    expect(errorOf(() => selectEnvironments("dev,qa"))).toContain('Unknown environment "qa"');
    expect(errorOf(() => new OktaOrgStack(Testing.app(), { ...fixtureConfig("dev"), environment: "qa" as never }))).toContain(
      'unknown environment "qa". Fix: use one of dev, staging, prod.',
    );
  });

  test("fails when the provider's rate-limit share is out of range", () => {
    const message = failureOf("prod", (c) => (c.provider = { maxApiCapacity: 0 }));
    expect(message).toContain("okta-prod/okta");
    expect(message).toContain("provider.maxApiCapacity must be a whole number from 1 to 100");
  });
});
