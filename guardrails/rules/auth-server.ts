import { POLICY, RULE, SERVER, list } from "../resources";
import { Hit, Rule, levels } from "../types";

const BASIC_SCOPES = ["openid", "profile", "email", "offline_access"];

function userGrants(r: { attrs: Readonly<Record<string, unknown>> }): string[] {
  return list(r.attrs.grant_type_whitelist).filter((g) => g !== "client_credentials");
}

export const OKTA_12: Rule = {
  id: "OKTA-12",
  title: "Access policies name their clients",
  why: "ALL_CLIENTS lets every app in the org, including ones added later by anyone, get tokens for this API.",
  fix: "List the client ids that use the server in client_whitelist (ApiCenterAuthServer.addClient does).",
  source: "RFC 9700 §2.3 (least privilege)",
  levels: levels("info", "warning", "error"),
  appliesTo: [POLICY],
  check: (r) => (list(r.attrs.client_whitelist).includes("ALL_CLIENTS") ? [{ detail: "client_whitelist contains ALL_CLIENTS" }] : []),
};

export const OKTA_13: Rule = {
  id: "OKTA-13",
  title: "Rules grant named scopes, not *",
  why: "A * scope grants every scope the server has and every scope added to it later.",
  fix: "List the scopes the rule grants.",
  source: "RFC 9700 §2.3",
  levels: levels("warning", "error", "error"),
  appliesTo: [RULE],
  check: (r) => (list(r.attrs.scope_whitelist).includes("*") ? [{ detail: "scope_whitelist contains *" }] : []),
};

export const OKTA_14: Rule = {
  id: "OKTA-14",
  title: "API scopes go to named groups, not to everyone",
  why: "A user-facing rule for EVERYONE (or for no group or user) hands the API's scopes to every user of the org, not to its subscribers.",
  fix: "Set group_whitelist to the tier's subscriber group (ApiCenterAuthServer does).",
  source: "RFC 9700 §2.3",
  levels: levels("info", "warning", "error"),
  appliesTo: [RULE],
  check: (r) => {
    if (userGrants(r).length === 0) return [];
    const extra = list(r.attrs.scope_whitelist).filter((s) => !BASIC_SCOPES.includes(s));
    if (extra.length === 0) return [];
    const groups = list(r.attrs.group_whitelist);
    const users = list(r.attrs.user_whitelist);
    if (groups.includes("EVERYONE")) return [{ detail: `grants ${extra.join(", ")} to EVERYONE` }];
    if (groups.length === 0 && users.length === 0) return [{ detail: `grants ${extra.join(", ")} without naming a group or user` }];
    return [];
  },
};

export const OKTA_15: Rule = {
  id: "OKTA-15",
  title: "Short-lived tokens: access ≤ 60 min, refresh window ≤ 7 days, finite refresh lifetime",
  why: "Long-lived or unlimited tokens turn one theft into lasting access.",
  fix: "In config tokenLifetimes (server or tier): accessTokenMinutes ≤ 60, refreshTokenWindowMinutes ≤ 10080, refreshTokenLifetimeMinutes a number, not \"unlimited\"; raw rules: access_token_lifetime_minutes, refresh_token_window_minutes, refresh_token_lifetime_minutes (not 0).",
  source: "RFC 9700 §4.14.2; Okta refresh token guide",
  levels: levels("info", "warning", "error"),
  appliesTo: [RULE],
  check: (r) => {
    const hits: Hit[] = [];
    const access = r.attrs.access_token_lifetime_minutes;
    if (typeof access === "number" && access > 60) hits.push({ detail: `access_token_lifetime_minutes is ${access}` });
    const scopes = list(r.attrs.scope_whitelist);
    const refreshAllowed = userGrants(r).length > 0 && (scopes.includes("offline_access") || scopes.includes("*"));
    if (refreshAllowed) {
      const lifetime = r.attrs.refresh_token_lifetime_minutes;
      if (lifetime === undefined || lifetime === 0) hits.push({ detail: `refresh tokens are allowed with an unlimited lifetime (refresh_token_lifetime_minutes ${lifetime ?? "unset"})` });
      const window = r.attrs.refresh_token_window_minutes;
      if (typeof window === "number" && window > 10080) hits.push({ detail: `refresh_token_window_minutes is ${window} (over 7 days)` });
    }
    return hits;
  },
};

export const OKTA_16: Rule = {
  id: "OKTA-16",
  title: "Each authorization server has its own audience",
  why: "A token minted for one server or environment is accepted by every API that checks the same audience.",
  fix: "Give each server and environment a distinct audience, e.g. api://api-center-<env>.",
  source: "RFC 9700 §2.3 (audience restriction)",
  levels: levels("info", "warning", "warning"),
  appliesTo: [SERVER],
  check: (r, ctx) => {
    const hits: Hit[] = [];
    for (const audience of list(r.attrs.audiences)) {
      const others = [...ctx.audiencesInApp].filter(([path, auds]) => path !== r.path && auds.includes(audience)).map(([path]) => path);
      if (others.length) hits.push({ detail: `audience ${audience} is also used by ${others.join(", ")}` });
    }
    return hits;
  },
};
