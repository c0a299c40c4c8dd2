import { APP, RULE, isPublicClient, list } from "../resources";
import { Rule, levels } from "../types";


function grantsOf(resource: { type: string; attrs: Readonly<Record<string, unknown>> }): string[] {
  return list(resource.type === APP ? resource.attrs.grant_types : resource.attrs.grant_type_whitelist);
}

export const OKTA_01: Rule = {
  id: "OKTA-01",
  title: "No implicit grant or token response type",
  why: "The implicit grant returns tokens in the redirect URL, where they leak through history, referrers and logs, and cannot be sender-constrained.",
  fix: "Drop allowImplicitGrant from the app's config (authorization code with PKCE instead); raw resources: remove implicit from grant_types and token from response_types.",
  source: "RFC 9700 §2.1.2",
  levels: levels("warning", "error", "error"),
  unsuppressible: { in: ["prod"], why: "tokens in URLs must never reach production users" },
  appliesTo: [APP, RULE],
  check: (r) => {
    const hits = [];
    if (grantsOf(r).includes("implicit")) hits.push({ detail: `grant types include implicit (${r.type === APP ? "grant_types" : "grant_type_whitelist"})` });
    if (r.type === APP && list(r.attrs.response_types).includes("token")) hits.push({ detail: 'response_types include "token"' });
    return hits;
  },
};

export const OKTA_02: Rule = {
  id: "OKTA-02",
  title: "No resource owner password grant",
  why: "The password grant hands the user's credentials to the client, bypasses MFA and phishing-resistant sign-in, and trains users to type passwords into apps.",
  fix: "Drop allowPasswordGrant from the app's config: use authorization code with PKCE (or embeddedWidget: true for Interaction Code); raw resources: remove password from the grants.",
  source: "RFC 9700 §2.4",
  levels: levels("error", "error", "error"),
  unsuppressible: { in: ["prod"], why: "credentials must never pass through a client in production" },
  appliesTo: [APP, RULE],
  check: (r) => (grantsOf(r).includes("password") ? [{ detail: "grant types include password" }] : []),
};

export const OKTA_03: Rule = {
  id: "OKTA-03",
  title: "Public clients must require PKCE",
  why: "A public client has no secret; without PKCE a stolen or injected authorization code can be redeemed by anyone.",
  fix: "Use kind \"spa\" or \"native\" in config, which always require PKCE; raw resources: set pkce_required = true.",
  source: "RFC 9700 §2.1.1 (MUST)",
  levels: levels("error", "error", "error"),
  unsuppressible: { in: ["prod"], why: "a public client without PKCE has no protection for its codes" },
  appliesTo: [APP],
  check: (r) =>
    isPublicClient(r) && grantsOf(r).includes("authorization_code") && r.attrs.pkce_required !== true
      ? [{ detail: `${r.attrs.type} app with authorization_code has pkce_required = ${JSON.stringify(r.attrs.pkce_required ?? null)}` }]
      : [],
};

export const OKTA_04: Rule = {
  id: "OKTA-04",
  title: "Confidential web apps should require PKCE",
  why: "PKCE also protects confidential clients against authorization code injection.",
  fix: "Drop pkceRequired: false from the web app's config (true is the default); raw resources: set pkce_required = true.",
  source: "RFC 9700 §2.1.1 (RECOMMENDED)",
  levels: levels("info", "warning", "warning"),
  appliesTo: [APP],
  check: (r) =>
    r.attrs.type === "web" && !isPublicClient(r) && grantsOf(r).includes("authorization_code") && r.attrs.pkce_required !== true
      ? [{ detail: `web app with authorization_code has pkce_required = ${JSON.stringify(r.attrs.pkce_required ?? null)}` }]
      : [],
};

export const OKTA_08: Rule = {
  id: "OKTA-08",
  title: "Public clients must rotate refresh tokens",
  why: "A refresh token of a public client is not bound to a secret; rotation makes a stolen token detectable and short-lived.",
  fix: 'Use kind "spa" or "native" in config, which always rotate; raw resources: set refresh_token_rotation = "ROTATE" (the provider defaults to STATIC).',
  source: "RFC 9700 §2.2.2, §4.14.2; Okta refresh token rotation guide",
  levels: levels("error", "error", "error"),
  unsuppressible: { in: ["prod"], why: "a stolen public-client refresh token would otherwise work until it expires" },
  appliesTo: [APP],
  check: (r) =>
    isPublicClient(r) && grantsOf(r).includes("refresh_token") && r.attrs.refresh_token_rotation !== "ROTATE"
      ? [{ detail: `refresh_token_rotation is ${JSON.stringify(r.attrs.refresh_token_rotation ?? "unset (provider default STATIC)")}` }]
      : [],
};

export const OKTA_09: Rule = {
  id: "OKTA-09",
  title: "Refresh token grace period within 0–30 s",
  why: "During the grace period the old refresh token still works; Okta accepts 0–60 s and defaults to 30 s.",
  fix: "Set refreshTokenLeewaySeconds between 0 and 30 in the app's config (Okta rejects more than 60); raw resources: refresh_token_leeway.",
  source: "Okta refresh token rotation guide",
  levels: levels("info", "warning", "warning"),
  appliesTo: [APP],
  check: (r) => {
    const leeway = r.attrs.refresh_token_leeway;
    if (!grantsOf(r).includes("refresh_token") || typeof leeway !== "number") return [];
    if (leeway < 0 || leeway > 60) return [{ detail: `refresh_token_leeway is ${leeway}, outside Okta's 0–60`, level: "error" }];
    return leeway > 30 ? [{ detail: `refresh_token_leeway is ${leeway}, above 30` }] : [];
  },
};
