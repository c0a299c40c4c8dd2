import { APP, API_SCOPE, SECRET_METHODS, authMethod, list } from "../resources";
import { Hit, Rule, levels } from "../types";


export const OKTA_10: Rule = {
  id: "OKTA-10",
  title: "Prefer private_key_jwt over client secrets",
  why: "A shared secret can be copied from any system that holds it; an asymmetric key never leaves the client. Okta management scopes on a secret-authenticated app are an org takeover waiting to happen.",
  fix: 'Authenticate with private_key_jwt (authentication: { method: "private_key_jwt", jwks }).',
  source: "RFC 9700 §2.5; Okta service app guide",
  levels: levels("info", "warning", "warning"),
  appliesTo: [APP],
  check: (r, ctx) => {
    if ((r.attrs.type !== "web" && r.attrs.type !== "service") || !SECRET_METHODS.includes(authMethod(r))) return [];
    const ref = `\${${APP}.${r.id}.id}`;
    const management = ctx.resources.some((g) => g.type === API_SCOPE && g.attrs.app_id === ref && list(g.attrs.scopes).some((s) => s.startsWith("okta.")));
    return [{ detail: `${r.attrs.type} app authenticates with ${authMethod(r)}${management ? " and holds okta.* management scopes" : ""}`, level: management ? "error" : undefined }];
  },
};

export const OKTA_11: Rule = {
  id: "OKTA-11",
  title: "Client secrets stay out of Terraform state",
  why: "Without omit_secret the client secret is stored in plain text in Terraform state, readable by anyone who can read the state.",
  fix: "Drop manageClientSecret: true from the app's config unless Terraform must hand the secret on (then it is a sensitive output); raw resources: set omit_secret = true.",
  source: "okta provider docs (okta_app_oauth client_secret is stored in state)",
  levels: levels("warning", "warning", "warning"),
  appliesTo: [APP],
  check: (r) =>
    r.attrs.type !== "browser" && SECRET_METHODS.includes(authMethod(r)) && r.attrs.omit_secret !== true
      ? [{ detail: `app authenticates with ${authMethod(r)} and omit_secret is ${JSON.stringify(r.attrs.omit_secret ?? "unset")}` }]
      : [],
};

export const OKTA_18: Rule = {
  id: "OKTA-18",
  title: "Automation uses OAuth with a private key and only allowed okta.* scopes",
  why: "An API token (SSWS) acts with its admin's full rights and lives until 30 days unused; an OAuth service app holds only the scopes it is granted.",
  fix: "Authenticate the provider with OKTA_API_CLIENT_ID / OKTA_API_PRIVATE_KEY / OKTA_API_SCOPES instead of OKTA_API_TOKEN, and grant only the okta.* scopes on the allow-list.",
  source: "Okta service app guide; seed 004",
  levels: levels("warning", "warning", "error"),
  appliesTo: ["provider.okta", API_SCOPE],
  check: (r, ctx) => {
    const hits: Hit[] = [];
    if (r.type === "provider.okta") {
      if (r.attrs.api_token !== undefined) hits.push({ detail: "provider block sets api_token" });
      // A warning, never an error: the variable says nothing about which stack will be applied.
      // A Super Admin's bootstrap deploy uses a token by design (docs/identities-and-ci.md, bootstrap runbook) and
      // synthesizes the main stacks too; the deploy workflow refuses a token outright.
      else if (ctx.env.OKTA_API_TOKEN) hits.push({ detail: "OKTA_API_TOKEN is set in the environment, so a deploy from this shell would authenticate with an API token (expected only for okta-bootstrap-<env>)", level: "warning" });
    }
    const scopes = list(r.attrs.scopes).filter((s) => s.startsWith("okta.") && !ctx.allowedOktaApiScopes.includes(s));
    if (scopes.length) hits.push({ detail: `okta.* scopes beyond the allow-list: ${scopes.join(", ")}` });
    return hits;
  },
};
