import { TerraformStack } from "cdktf";
import { AppOauthApiScope } from "@cdktf/provider-okta/lib/app-oauth-api-scope";
import { AuthServer } from "@cdktf/provider-okta/lib/auth-server";
import { AuthServerPolicy } from "@cdktf/provider-okta/lib/auth-server-policy";
import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { TrustedOrigin } from "@cdktf/provider-okta/lib/trusted-origin";
import { FIXTURE_SERVICE_KEY as EXAMPLE_SERVICE_KEY } from "../test-support/fixture-org";
import { Level, OKTA_OAUTH_PACK } from "../guardrails";
import { findingsOf, guardrailReport, rawApp, rawRule } from "../test-support/guardrails";
import { AppSignonPolicyRule } from "@cdktf/provider-okta/lib/app-signon-policy-rule";
import { ASSURANCE, Assurance } from "../constructs/assurance";
import { AuthenticationPolicy, markSensitive } from "../constructs/authentication-policy";
import { NetworkZone } from "../constructs/network-zone";

type Build = (stack: TerraformStack) => void;
type Expected = [dev: Level | null, staging: Level | null, prod: Level | null];

interface RuleCases {
  compliant: Build;
  violations: [name: string, build: Build, detail: string, levels: Expected, env?: Record<string, string>, count?: number][];
}

const spa = { type: "browser", grantTypes: ["authorization_code"], responseTypes: ["code"], pkceRequired: true, tokenEndpointAuthMethod: "none" };
const refreshingSpa = { ...spa, grantTypes: ["authorization_code", "refresh_token"], refreshTokenRotation: "ROTATE" };
const web = { type: "web", grantTypes: ["authorization_code"], pkceRequired: true, omitSecret: true, redirectUris: ["https://web.example.com/cb"] };
const keyAuth = { tokenEndpointAuthMethod: "private_key_jwt", jwks: [{ kid: EXAMPLE_SERVICE_KEY.kid, kty: "RSA", e: "AQAB", n: EXAMPLE_SERVICE_KEY.n }] };

/** A web app on a policy with one ALLOW rule; `sensitive` marks the app as the stack does for a sensitive tier. */
function appOnPolicy(s: TerraformStack, assurance: Assurance, options: { sensitive?: boolean; catchAll?: "DENY" | "ALLOW" } = {}): AuthenticationPolicy {
  const policy = new AuthenticationPolicy(s, "Policy", { name: "Apps", catchAll: options.catchAll });
  policy.addRule("Everyone", { name: "Everyone", priority: 1, access: "ALLOW", assurance });
  const app = rawApp(s, "app", web);
  policy.assignTo(app);
  if (options.sensitive) markSensitive(app, "marked sensitive in config");
  return policy;
}

const CASES: Record<string, RuleCases> = {
  "OKTA-01": {
    compliant: (s) => rawApp(s, "app", spa),
    violations: [
      ["the implicit grant on an app", (s) => rawApp(s, "app", { ...spa, grantTypes: ["authorization_code", "implicit"], responseTypes: ["code", "id_token"] }), "grant types include implicit (grant_types)", ["warning", "error", "error"]],
      ["the token response type", (s) => rawApp(s, "app", { ...spa, responseTypes: ["code", "token"] }), 'response_types include "token"', ["warning", "error", "error"]],
      ["the implicit grant on a policy rule", (s) => rawRule(s, "rule", { grantTypeWhitelist: ["implicit"], groupWhitelist: ["g1"] }), "grant types include implicit (grant_type_whitelist)", ["warning", "error", "error"]],
    ],
  },
  "OKTA-02": {
    compliant: (s) => rawApp(s, "app", { ...spa, type: "native" }),
    violations: [
      ["the password grant on an app", (s) => rawApp(s, "app", { ...spa, type: "native", grantTypes: ["authorization_code", "password"] }), "grant types include password", ["error", "error", "error"]],
      ["the password grant on a rule", (s) => rawRule(s, "rule", { grantTypeWhitelist: ["password"], groupWhitelist: ["g1"] }), "grant types include password", ["error", "error", "error"]],
    ],
  },
  "OKTA-03": {
    compliant: (s) => rawApp(s, "app", spa),
    violations: [
      ["a browser app without pkce_required", (s) => rawApp(s, "app", { ...spa, pkceRequired: undefined }), "browser app with authorization_code has pkce_required = null", ["error", "error", "error"]],
      ["a native app with pkce_required false", (s) => rawApp(s, "app", { ...spa, type: "native", pkceRequired: false }), "native app with authorization_code has pkce_required = false", ["error", "error", "error"]],
      ["an app authenticating with none without PKCE", (s) => rawApp(s, "app", { ...web, tokenEndpointAuthMethod: "none", pkceRequired: undefined }), "web app with authorization_code has pkce_required = null", ["error", "error", "error"]],
    ],
  },
  "OKTA-04": {
    compliant: (s) => rawApp(s, "app", web),
    violations: [["a web app without PKCE", (s) => rawApp(s, "app", { ...web, pkceRequired: false }), "web app with authorization_code has pkce_required = false", ["info", "warning", "warning"]]],
  },
  "OKTA-05": {
    compliant: (s) => rawApp(s, "app", { ...web, wildcardRedirect: "DISABLED" }),
    violations: [
      ["wildcard_redirect SUBDOMAIN", (s) => rawApp(s, "app", { ...web, wildcardRedirect: "SUBDOMAIN" }), 'wildcard_redirect is "SUBDOMAIN"', ["warning", "error", "error"]],
      ["a * in a redirect URI", (s) => rawApp(s, "app", { ...web, redirectUris: ["https://*.example.com/cb"] }), "redirect_uris contains a wildcard: https://*.example.com/cb", ["warning", "error", "error"]],
      ["a * in a post-logout URI", (s) => rawApp(s, "app", { ...web, postLogoutRedirectUris: ["https://example.com/*"] }), "post_logout_redirect_uris contains a wildcard", ["warning", "error", "error"]],
    ],
  },
  "OKTA-06": {
    compliant: (s) => rawApp(s, "app", { ...web, redirectUris: ["http://localhost:3000/cb", "https://web.example.com/cb"] }),
    violations: [
      ["an http redirect URI", (s) => rawApp(s, "app", { ...web, redirectUris: ["http://web.example.com/cb"] }), "redirect_uris uses http on a non-loopback host: http://web.example.com/cb", ["error", "error", "error"]],
      ["an http login URI", (s) => rawApp(s, "app", { ...web, loginUri: "http://web.example.com/login", loginMode: "SPEC" }), "login_uri uses http on a non-loopback host", ["error", "error", "error"]],
    ],
  },
  "OKTA-07": {
    compliant: (s) => rawApp(s, "app", web),
    violations: [
      ["a localhost redirect outside dev", (s) => rawApp(s, "app", { ...web, redirectUris: ["http://localhost:3000/cb"] }), "redirect_uris points at loopback in", [null, "warning", "error"]],
      ["a loopback trusted origin outside dev", (s) => new TrustedOrigin(s, "origin", { name: "o", origin: "http://127.0.0.1:8080", scopes: ["REDIRECT"] }), "origin points at loopback in", [null, "warning", "error"]],
      ["localhost on a native app", (s) => rawApp(s, "app", { ...spa, type: "native", redirectUris: ["http://localhost:7890/cb"] }), "native app redirect_uris uses localhost: http://localhost:7890/cb", ["info", "warning", "error"]],
    ],
  },
  "OKTA-08": {
    compliant: (s) => rawApp(s, "app", refreshingSpa),
    violations: [
      ["a public client without rotation", (s) => rawApp(s, "app", { ...refreshingSpa, refreshTokenRotation: undefined }), 'refresh_token_rotation is "unset (provider default STATIC)"', ["error", "error", "error"]],
      ["a public client with STATIC rotation", (s) => rawApp(s, "app", { ...refreshingSpa, type: "native", refreshTokenRotation: "STATIC" }), 'refresh_token_rotation is "STATIC"', ["error", "error", "error"]],
    ],
  },
  "OKTA-09": {
    compliant: (s) => rawApp(s, "app", { ...refreshingSpa, refreshTokenLeeway: 30 }),
    violations: [
      ["a leeway above 30", (s) => rawApp(s, "app", { ...refreshingSpa, refreshTokenLeeway: 45 }), "refresh_token_leeway is 45, above 30", ["info", "warning", "warning"]],
      ["a leeway outside 0–60", (s) => rawApp(s, "app", { ...refreshingSpa, refreshTokenLeeway: 90 }), "refresh_token_leeway is 90, outside Okta's 0–60", ["error", "error", "error"]],
    ],
  },
  "OKTA-10": {
    compliant: (s) => rawApp(s, "app", { ...web, ...keyAuth }),
    violations: [
      ["a web app with a client secret", (s) => rawApp(s, "app", { ...web, tokenEndpointAuthMethod: "client_secret_basic" }), "web app authenticates with client_secret_basic", ["info", "warning", "warning"]],
      ["an app whose auth method is unset (the provider sends client_secret_basic)", (s) => rawApp(s, "app", { ...web, type: "service", grantTypes: ["client_credentials"] }), "service app authenticates with client_secret_basic", ["info", "warning", "warning"]],
      [
        "a secret-authenticated app holding okta.* scopes",
        (s) => {
          const app = rawApp(s, "app", { ...web, type: "service", grantTypes: ["client_credentials"], tokenEndpointAuthMethod: "client_secret_post" });
          new AppOauthApiScope(s, "grant", { appId: app.id, issuer: "https://acme.okta.com", scopes: ["okta.groups.read"] });
        },
        "service app authenticates with client_secret_post and holds okta.* management scopes",
        ["error", "error", "error"],
      ],
    ],
  },
  "OKTA-11": {
    compliant: (s) => rawApp(s, "app", { ...web, tokenEndpointAuthMethod: "client_secret_basic", omitSecret: true }),
    violations: [
      ["a secret kept in state", (s) => rawApp(s, "app", { ...web, tokenEndpointAuthMethod: "client_secret_basic", omitSecret: undefined }), 'omit_secret is "unset"', ["warning", "warning", "warning"]],
      ["omit_secret false", (s) => rawApp(s, "app", { ...web, tokenEndpointAuthMethod: "client_secret_basic", omitSecret: false }), "omit_secret is false", ["warning", "warning", "warning"]],
    ],
  },
  "OKTA-12": {
    compliant: (s) => new AuthServerPolicy(s, "policy", { authServerId: "aus1", name: "p", description: "d", priority: 1, clientWhitelist: ["0oa1"] }),
    violations: [
      ["ALL_CLIENTS", (s) => new AuthServerPolicy(s, "policy", { authServerId: "aus1", name: "p", description: "d", priority: 1, clientWhitelist: ["ALL_CLIENTS"] }), "client_whitelist contains ALL_CLIENTS", ["info", "warning", "error"]],
    ],
  },
  "OKTA-13": {
    compliant: (s) => rawRule(s, "rule", { scopeWhitelist: ["openid"], groupWhitelist: ["g1"] }),
    violations: [["a * scope", (s) => rawRule(s, "rule", { scopeWhitelist: ["*"], groupWhitelist: ["g1"] }), "scope_whitelist contains *", ["warning", "error", "error"]]],
  },
  "OKTA-14": {
    compliant: (s) => {
      rawRule(s, "rule", { scopeWhitelist: ["openid", "api:read"], groupWhitelist: ["g1"] });
      rawRule(s, "machines", { grantTypeWhitelist: ["client_credentials"], scopeWhitelist: ["api:read"], groupWhitelist: ["EVERYONE"] });
      rawRule(s, "basic", { scopeWhitelist: ["openid", "profile", "email", "offline_access"], groupWhitelist: ["EVERYONE"] });
    },
    violations: [
      ["API scopes for EVERYONE", (s) => rawRule(s, "rule", { scopeWhitelist: ["openid", "api:read"], groupWhitelist: ["EVERYONE"] }), "grants api:read to EVERYONE", ["info", "warning", "error"]],
      ["API scopes for no group or user", (s) => rawRule(s, "rule", { scopeWhitelist: ["api:read"] }), "grants api:read without naming a group or user", ["info", "warning", "error"]],
    ],
  },
  "OKTA-15": {
    compliant: (s) =>
      rawRule(s, "rule", { scopeWhitelist: ["openid", "offline_access"], groupWhitelist: ["g1"], accessTokenLifetimeMinutes: 60, refreshTokenWindowMinutes: 10080, refreshTokenLifetimeMinutes: 129600 }),
    violations: [
      ["a 2-hour access token", (s) => rawRule(s, "rule", { groupWhitelist: ["g1"], accessTokenLifetimeMinutes: 120 }), "access_token_lifetime_minutes is 120", ["info", "warning", "error"]],
      ["unlimited refresh tokens", (s) => rawRule(s, "rule", { scopeWhitelist: ["openid", "offline_access"], groupWhitelist: ["g1"], refreshTokenLifetimeMinutes: 0 }), "refresh tokens are allowed with an unlimited lifetime", ["info", "warning", "error"]],
      [
        "a 14-day refresh window",
        (s) => rawRule(s, "rule", { scopeWhitelist: ["offline_access"], groupWhitelist: ["g1"], refreshTokenWindowMinutes: 20160, refreshTokenLifetimeMinutes: 40000 }),
        "refresh_token_window_minutes is 20160 (over 7 days)",
        ["info", "warning", "error"],
      ],
    ],
  },
  "OKTA-16": {
    compliant: (s) => {
      new AuthServer(s, "a", { name: "a", audiences: ["api://a"] });
      new AuthServer(s, "b", { name: "b", audiences: ["api://b"] });
    },
    violations: [
      [
        "two servers with one audience",
        (s) => {
          new AuthServer(s, "a", { name: "a", audiences: ["api://shared"] });
          new AuthServer(s, "b", { name: "b", audiences: ["api://shared"] });
        },
        "audience api://shared is also used by test/",
        ["info", "warning", "warning"],
        {},
        2,
      ],
    ],
  },
  "OKTA-17": {
    compliant: (s) => {
      rawApp(s, "app", { ...spa, redirectUris: ["https://app.example.com/cb"] });
      new TrustedOrigin(s, "origin", { name: "o", origin: "https://app.example.com", scopes: ["CORS", "REDIRECT"] });
    },
    violations: [
      ["a wildcard origin", (s) => new TrustedOrigin(s, "origin", { name: "o", origin: "https://*.example.com", scopes: ["REDIRECT"] }), "origin contains a wildcard", ["warning", "error", "error"]],
      ["an http origin", (s) => new TrustedOrigin(s, "origin", { name: "o", origin: "http://app.example.com", scopes: ["REDIRECT"] }), "origin uses http on a non-loopback host", ["warning", "error", "error"]],
      ["CORS for an origin no browser app uses", (s) => new TrustedOrigin(s, "origin", { name: "o", origin: "https://other.example.com", scopes: ["CORS"] }), "CORS is granted to https://other.example.com, which no browser app of this stack uses", ["warning", "error", "error"]],
    ],
  },
  "OKTA-18": {
    compliant: (s) => new AppOauthApiScope(s, "grant", { appId: "0oa1", issuer: "https://acme.okta.com", scopes: ["okta.groups.read"] }),
    violations: [
      ["an api_token in the provider block", (s) => ((s.node.findChild("okta") as OktaProvider).apiToken = "placeholder"), "provider block sets api_token", ["warning", "warning", "error"]],
      // A warning everywhere: the bootstrap runbook deploys okta-bootstrap-<env> with a token, and that
      // run synthesizes the main stacks too; deploy-environment.yml refuses a token outright.
      ["OKTA_API_TOKEN in the environment", () => undefined, "OKTA_API_TOKEN is set in the environment", ["warning", "warning", "warning"], { OKTA_API_TOKEN: "x" }],
      ["an okta.* scope beyond the allow-list", (s) => new AppOauthApiScope(s, "grant", { appId: "0oa1", issuer: "https://acme.okta.com", scopes: ["okta.users.manage"] }), "okta.* scopes beyond the allow-list: okta.users.manage", ["warning", "warning", "error"]],
    ],
  },
  "OKTA-19": {
    compliant: (s) => appOnPolicy(s, ASSURANCE.passwordAndPossession),
    violations: [
      ["an app left off the stack's policies", (s) => { appOnPolicy(s, ASSURANCE.passwordAndPossession); rawApp(s, "other", web); }, "the app names no authentication policy though this stack declares some", ["warning", "error", "error"]],
      // An org just imported declares none yet: a warning everywhere, so adoption can go step by step.
      ["an app in a stack that declares no policy", (s) => rawApp(s, "app", web), "this stack declares none yet", ["warning", "warning", "warning"]],
      ["a native app left off", (s) => { appOnPolicy(s, ASSURANCE.passwordAndPossession); rawApp(s, "native", { ...spa, type: "native" }); }, "names no authentication policy", ["warning", "error", "error"]],
    ],
  },
  "OKTA-20": {
    compliant: (s) => appOnPolicy(s, ASSURANCE.passwordAndPossession),
    violations: [["a rule that allows the password alone", (s) => appOnPolicy(s, ASSURANCE.passwordOnly), 'rule "Everyone" allows a single factor', ["info", "warning", "error"]]],
  },
  "OKTA-21": {
    compliant: (s) => appOnPolicy(s, ASSURANCE.passwordAndPossession),
    violations: [["a catch-all that allows", (s) => appOnPolicy(s, ASSURANCE.passwordAndPossession, { catchAll: "ALLOW" }), 'policy "Apps" lets everyone no rule matches in', ["info", "warning", "error"]]],
  },
  "OKTA-22": {
    compliant: (s) => appOnPolicy(s, { ...ASSURANCE.phishingResistant, reauthenticateIn: "PT1H" }, { sensitive: true }),
    violations: [
      ["a sensitive app on plain two factors", (s) => appOnPolicy(s, ASSURANCE.passwordAndPossession, { sensitive: true }), 'lets users in without a phishing-resistant factor ("Everyone")', ["info", "info", "error"]],
      ["a sensitive app whose second way in is weaker", (s) => appOnPolicy(s, ASSURANCE.phishingResistant, { sensitive: true }).addRule("Contractors", { name: "Contractors", priority: 2, access: "ALLOW", assurance: ASSURANCE.anyTwoFactors }), '("Contractors")', ["info", "info", "error"]],
    ],
  },
  "OKTA-23": {
    compliant: (s) => appOnPolicy(s, { ...ASSURANCE.phishingResistant, reauthenticateIn: "PT12H" }, { sensitive: true }),
    violations: [
      ["a sensitive app asked once per session", (s) => appOnPolicy(s, { ...ASSURANCE.phishingResistant, reauthenticateIn: "PT43800H" }, { sensitive: true }), 're-authenticates after PT43800H ("Everyone")', ["info", "info", "error"]],
      ["a sensitive app asked every two days", (s) => appOnPolicy(s, { ...ASSURANCE.phishingResistant, reauthenticateIn: "P2D" }, { sensitive: true }), "re-authenticates after P2D", ["info", "info", "error"]],
    ],
  },
  "OKTA-24": {
    compliant: (s) => {
      const zone = new NetworkZone(s, "Office", { name: "Office", type: "IP", gateways: ["203.0.113.0/24"] });
      appOnPolicy(s, ASSURANCE.passwordAndPossession).addRule("FromOffice", { name: "From the office", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession, zones: { in: [zone] } });
    },
    violations: [
      ["a rule naming a zone id this stack does not declare", (s) => {
        const policy = appOnPolicy(s, ASSURANCE.passwordAndPossession);
        new AppSignonPolicyRule(s, "raw", { policyId: policy.policyId, name: "Blocked", priority: 2, access: "DENY", networkConnection: "ZONE", networkIncludes: ["nzo1abcdEFGH"] });
      }, 'rule "Blocked" names zone "nzo1abcdEFGH", which is not a network zone of this stack', ["error", "error", "error"]],
    ],
  },
};

const ENVS = ["dev", "staging", "prod"] as const;

test("every rule of the pack has cases here, and every case names a rule of the pack", () => {
  expect(Object.keys(CASES).sort()).toEqual(OKTA_OAUTH_PACK.map((r) => r.id).sort());
});

describe.each(Object.entries(CASES))("%s", (ruleId, cases) => {
  test.each(ENVS)("finds nothing in a compliant configuration (%s)", (env) => {
    expect(findingsOf(guardrailReport(env, cases.compliant), ruleId)).toEqual([]);
  });

  describe.each(cases.violations)("when %s", (_name, build, detail, expected, env, count = 1) => {
    test.each(ENVS.map((e, i) => [e, expected[i]] as const))("reports it in %s at level %s, with the message", (environment, level) => {
      const findings = findingsOf(guardrailReport(environment, build, env), ruleId);
      if (level === null) {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toEqual(Array(count).fill(expect.objectContaining({ rule: ruleId, level, detail: expect.stringContaining(detail) })));
      expect(findings[0].fix.length).toBeGreaterThan(10);
      expect(findings[0].source).not.toBe("");
    });
  });
});
