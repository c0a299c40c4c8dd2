import { AccessTierOptions } from "../constructs/access-tier";
import { ClaimOptions, ClaimToken } from "../constructs/claims";
import { DEFAULT_TOKEN_LIFETIMES, TokenLifetimes } from "../constructs/token-lifetimes";
import { OFFLINE_ACCESS, OIDC_USER_SCOPES } from "../constructs/vocabulary";
import { ApiConfig } from "../config/types";
import { ImportLog } from "./import-report";
import { OktaClaim, OktaPolicy, OktaPolicyRule, OktaScope, ServerSnapshot } from "./okta-objects";
import { appendAll } from "../constructs/append-all";

/** What the import learned of one custom authorization server. */
export interface MappedServer {
  /** "apiCenter" for the server named API Center (what our stacks create), else a key of `apis`. */
  readonly key: string;
  readonly id: string;
  readonly config: ApiConfig;
  /** Client ids of the user-facing apps in its user policy (they sign in here); a set, as each app is looked up in it. */
  readonly userClients: ReadonlySet<string>;
  /** Every client id of the user policy as Okta holds it, imported apps or not. */
  readonly policyClients: readonly string[];
  /** Tier group ids (the tiers create these groups). */
  readonly tierGroups: ReadonlyMap<string, string>;
  /** Per service client id: its tiers here and its policy's order among the service policies. */
  readonly serviceGrants: ReadonlyMap<string, { readonly tiers: readonly string[]; readonly priority: number; readonly policy: OktaPolicy; readonly rule: OktaPolicyRule }>;
  /** Construct path under the server → import id, for the resources the server's constructs create. */
  readonly adopt: ReadonlyMap<string, string>;
}

export const API_CENTER_NAME = "API Center";


/**
 * Maps a custom authorization server onto the tier shape of AuthorizationServer: one user
 * policy whose rules each give one group one custom scope (a tier), and one policy per
 * service client with a client_credentials rule. What does not fit is logged with why.
 */
export function mapServer(s: ServerSnapshot, key: string, clientKinds: ReadonlyMap<string, string>, groupNames: ReadonlyMap<string, string>, log: ImportLog): MappedServer | undefined {
  const { server } = s;
  const name = server.name ?? server.id;
  const problems: string[] = [];
  if (server.status && server.status !== "ACTIVE") problems.push(`it is ${server.status} (a deploy would activate it)`);
  if ((server.audiences ?? []).length !== 1) problems.push(`it has ${(server.audiences ?? []).length} audiences; the constructs give a server exactly one`);
  else if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(server.audiences![0])) problems.push(`its audience ${JSON.stringify(server.audiences![0])} is not an absolute URI, which the constructs require (RFC 9068 §3). Fix: give it a URI audience such as api://${kebab(name, "api")} (resource servers must then accept it), then import again`);
  if (problems.length) {
    log.add("authorization server", name, server.id, "not imported", problems.join("; "));
    for (const sc of s.scopes.filter((x) => !x.system)) log.add("scope", `${name} / ${sc.name}`, sc.id, "not imported", "its authorization server was not imported");
    for (const c of s.claims.filter((x) => !x.system)) log.add("claim", `${name} / ${c.name}`, c.id, "not imported", "its authorization server was not imported");
    for (const { policy, rules } of s.policies) {
      log.add("policy", `${name} / ${policy.name}`, policy.id, "not imported", "its authorization server was not imported");
      rules.forEach((r) => log.add("rule", `${name} / ${policy.name} / ${r.name}`, r.id, "not imported", "its authorization server was not imported"));
    }
    return undefined;
  }
  const changes: string[] = [];
  if (server.issuerMode && server.issuerMode !== "ORG_URL") changes.push(`issuer mode ${server.issuerMode} becomes ORG_URL (issuer ${"https://<org>/oauth2/" + server.id}); clients that pin the issuer need the new one`);
  const adopt = new Map<string, string>([["AuthServer", server.id]]);
  const scopesByName = new Map(s.scopes.filter((sc) => !sc.system).map((sc) => [sc.name ?? sc.id, sc]));
  const ordered = [...s.policies].sort((a, b) => (a.policy.priority ?? 0) - (b.policy.priority ?? 0));

  // Service policies: one client, client_credentials only.
  const isService = (p: OktaPolicy, rules: readonly OktaPolicyRule[]) => {
    const clients = p.conditions?.clients?.include ?? [];
    return clients.length === 1 && clientKinds.get(clients[0]) === "service" && rules.length > 0 && rules.every((r) => sameSet(r.conditions?.grantTypes?.include ?? [], ["client_credentials"]));
  };
  const userPolicies = ordered.filter((p) => !isService(p.policy, p.rules));
  const servicePolicies = ordered.filter((p) => isService(p.policy, p.rules));

  const tiers: Record<string, AccessTierOptions> = {};
  const tierGroups = new Map<string, string>();
  const tierScopes = new Set<string>();
  const userClients = new Set<string>();
  const policyClients: string[] = [];
  const oidc = new Set<string>();
  const lifetimes: TokenLifetimes[] = [];
  let userPolicyMapped = false;
  for (const { policy, rules } of userPolicies) {
    const clients = policy.conditions?.clients?.include ?? [];
    const pname = policy.name ?? policy.id;
    if (clients.includes("ALL_CLIENTS")) {
      log.add("policy", `${name} / ${pname}`, policy.id, "not imported", "it applies to ALL_CLIENTS; policies here list their clients (RFC 9700 §2.3 least privilege). Fix: in Okta, assign the policy to the apps that call this API, then import again");
      rules.forEach((r) => log.add("rule", `${name} / ${pname} / ${r.name}`, r.id, "not imported", "its policy was not imported"));
      continue;
    }
    if (!clients.some((c) => clientKinds.has(c))) {
      log.add("policy", `${name} / ${pname}`, policy.id, "not imported", `none of its clients (${clients.join(", ") || "none"}) is an imported app`);
      rules.forEach((r) => log.add("rule", `${name} / ${pname} / ${r.name}`, r.id, "not imported", "its policy was not imported"));
      continue;
    }
    if (userPolicyMapped) {
      log.add("policy", `${name} / ${pname}`, policy.id, "not imported", "a second user policy: the constructs give a server one user policy (Okta evaluates only the first policy naming a client). Fix: merge its rules into the first policy");
      rules.forEach((r) => log.add("rule", `${name} / ${pname} / ${r.name}`, r.id, "not imported", "its policy was not imported"));
      continue;
    }
    userPolicyMapped = true;
    adopt.set("UserAccess/Policy", `${server.id}/${policy.id}`);
    const policyChanges: string[] = [];
    if (policy.name !== "User access") policyChanges.push(`renamed "${policy.name}" → "User access"`);
    if ((policy.priority ?? 1) !== 1) policyChanges.push(`priority ${policy.priority} → 1`);
    log.imported("policy", `${name} / ${pname}`, policy.id, policyChanges);
    for (const c of clients) if (clientKinds.has(c) && clientKinds.get(c) !== "service") userClients.add(c);
    appendAll(policyClients, clients);
    const sorted = [...rules].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    for (const rule of sorted) {
      const rname = `${name} / ${pname} / ${rule.name ?? rule.id}`;
      const groups = rule.conditions?.people?.groups?.include ?? [];
      const users = rule.conditions?.people?.users?.include ?? [];
      const scopes = rule.conditions?.scopes?.include ?? [];
      const custom = scopes.filter((sc) => !OIDC_USER_SCOPES.includes(sc) && sc !== OFFLINE_ACCESS);
      const why: string[] = [];
      if (rule.status && rule.status !== "ACTIVE") why.push(`it is ${rule.status}`);
      if (users.length) why.push("it names users; tiers grant scopes to a group");
      if (groups.length !== 1 || !groupNames.has(groups[0])) why.push(`it admits ${groups.length === 1 ? "a group that is not imported (EVERYONE or a directory group)" : `${groups.length} groups`}; a tier admits one group`);
      if (custom.length !== 1 || !scopesByName.has(custom[0])) why.push(`it grants ${custom.length} custom scopes (${custom.join(" ") || "none"}); a tier grants one`);
      if (rule.actions?.token?.inlineHook?.id) why.push("it calls a token inline hook, which the constructs do not manage");
      if (why.length) {
        log.add("rule", rname, rule.id, "not imported", `${why.join("; ")}. Fix: split it into one rule per group and scope in Okta, or manage it outside this toolkit`);
        continue;
      }
      const scope = scopesByName.get(custom[0])!;
      const tierName = tierNameOf(scope, Object.keys(tiers));
      scopes.filter((sc) => OIDC_USER_SCOPES.includes(sc)).forEach((sc) => oidc.add(sc));
      const token = rule.actions?.token ?? {};
      const lt: TokenLifetimes = {
        accessTokenMinutes: token.accessTokenLifetimeMinutes ?? DEFAULT_TOKEN_LIFETIMES.accessTokenMinutes,
        refreshTokenWindowMinutes: token.refreshTokenWindowMinutes ?? DEFAULT_TOKEN_LIFETIMES.refreshTokenWindowMinutes,
        refreshTokenLifetimeMinutes: token.refreshTokenLifetimeMinutes === 0 ? "unlimited" : (token.refreshTokenLifetimeMinutes ?? DEFAULT_TOKEN_LIFETIMES.refreshTokenLifetimeMinutes),
      };
      lifetimes.push(lt);
      tiers[tierName] = { scope: scope.name!, groupName: groupNames.get(groups[0])!, resource: resourceOf(scope), priority: Object.keys(tiers).length + 1, ...(sameLifetimes(lt, DEFAULT_LIFETIMES) ? {} : { tokenLifetimes: lt }) };
      tierGroups.set(groups[0], tierName);
      tierScopes.add(scope.name!);
      adopt.set(`UserAccess/Rule-${tierName}`, `${server.id}/${policy.id}/${rule.id}`);
      adopt.set(`Tier-${tierName}/Scope`, `${server.id}/${scope.id}`);
      adopt.set(`Tier-${tierName}/Subscribers/Group`, groups[0]);
      const ruleChanges = [`rule name becomes "${tierName} tier"`].filter(() => rule.name !== `${tierName} tier`);
      if (rule.priority !== tiers[tierName].priority) ruleChanges.push(`priority ${rule.priority} → ${tiers[tierName].priority}`);
      log.imported("rule", rname, rule.id, ruleChanges);
      log.imported("scope", `${name} / ${scope.name}`, scope.id, scopeChanges(scope, tierName));
    }
  }
  for (const sc of scopesByName.values()) {
    if (!tierScopes.has(sc.name ?? "")) log.add("scope", `${name} / ${sc.name}`, sc.id, "not imported", "no imported rule grants it (a scope here is a tier: one scope, one group). Fix: add a rule granting it to one group, or delete it");
  }

  const serviceGrants = new Map<string, { tiers: string[]; priority: number; policy: OktaPolicy; rule: OktaPolicyRule }>();
  for (const { policy, rules } of servicePolicies) {
    const client = policy.conditions!.clients!.include![0];
    const scopes = [...new Set(rules.flatMap((r) => r.conditions?.scopes?.include ?? []))];
    const tierOf = new Map(Object.entries(tiers).map(([t, o]) => [o.scope, t]));
    const unknown = scopes.filter((sc) => !tierOf.has(sc));
    const pname = `${name} / ${policy.name ?? policy.id}`;
    if (unknown.length || rules.length !== 1 || !scopes.length) {
      const why = unknown.length ? `it grants scopes no tier has (${unknown.join(" ")})` : rules.length !== 1 ? `it has ${rules.length} rules; a service policy has one` : "it grants no scope";
      log.add("policy", pname, policy.id, "not imported", `${why}. Fix: grant a service only tier scopes, with one client_credentials rule`);
      rules.forEach((r) => log.add("rule", `${pname} / ${r.name}`, r.id, "not imported", "its policy was not imported"));
      continue;
    }
    serviceGrants.set(client, { tiers: scopes.map((sc) => tierOf.get(sc)!).sort(), priority: serviceGrants.size + 1, policy, rule: rules[0] });
    log.imported("policy", pname, policy.id);
    log.imported("rule", `${pname} / ${rules[0].name}`, rules[0].id);
  }

  const claims = s.claims.filter((c) => !c.system).flatMap((c) => {
    const mapped = claimOf(c);
    if (typeof mapped === "string") {
      log.add("claim", `${name} / ${c.name}`, c.id, "not imported", mapped);
      return [];
    }
    adopt.set(`Claim-${mapped.name}-${mapped.tokens ?? "access"}`, `${server.id}/${c.id}`);
    log.imported("claim", `${name} / ${c.name}`, c.id);
    return [mapped];
  });

  const oidcScopes = oidc.size ? OIDC_USER_SCOPES.filter((sc) => oidc.has(sc)) : undefined;
  if (oidcScopes && !oidcScopes.includes("openid")) {
    oidcScopes.unshift("openid");
    changes.push("tier rules also allow openid (every OpenID Connect sign-in requests it)");
  }
  log.imported("authorization server", name, server.id, changes);
  const config: ApiConfig = {
    name,
    audience: server.audiences![0],
    ...(server.description && server.description !== `${name} authorization server` ? { description: server.description } : {}),
    tiers,
    ...(claims.length ? { claims } : {}),
    ...(oidcScopes && !sameSet(oidcScopes, ["openid", "profile", "email"]) ? { oidcScopes } : {}),
  };
  return { key, id: server.id, config, userClients, policyClients, tierGroups, serviceGrants, adopt };
}

/** Lower-case words joined by dashes, as app ids and suggested audiences are written. */
export function kebab(text: string, fallback: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || fallback;
}

const DEFAULT_LIFETIMES: TokenLifetimes = DEFAULT_TOKEN_LIFETIMES;

function sameLifetimes(a: TokenLifetimes, b: TokenLifetimes): boolean {
  return a.accessTokenMinutes === b.accessTokenMinutes && a.refreshTokenWindowMinutes === b.refreshTokenWindowMinutes && a.refreshTokenLifetimeMinutes === b.refreshTokenLifetimeMinutes;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** A tier's name: the scope's display name "gold tier" (as AccessTier writes it), else a slug of the scope. */
function tierNameOf(scope: OktaScope, taken: readonly string[]): string {
  const fromDisplay = /^([a-z][a-z0-9-]*) tier$/.exec(scope.displayName ?? "")?.[1];
  const base =
    fromDisplay ??
    ((scope.name ?? "tier")
      .split(/[/:#]/)
      .filter(Boolean)
      .pop() ?? "tier")
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^[^a-z]+|-+$/g, "");
  let name = base || "tier";
  for (let i = 2; taken.includes(name); i++) name = `${base}-${i}`;
  return name;
}

/** What the scope guards: AccessTier's description "Access to /moons (gold tier)", else the description or the scope. */
function resourceOf(scope: OktaScope): string {
  return /^Access to (\S+) \(/.exec(scope.description ?? "")?.[1] ?? (scope.description || scope.name || scope.id);
}

function scopeChanges(scope: OktaScope, tier: string): string[] {
  const out: string[] = [];
  if (scope.consent && scope.consent !== "IMPLICIT") out.push(`consent ${scope.consent} → IMPLICIT (first-party API)`);
  if (scope.metadataPublish && scope.metadataPublish !== "NO_CLIENTS") out.push(`metadata publish ${scope.metadataPublish} → NO_CLIENTS`);
  if (scope.displayName !== `${tier} tier`) out.push(`display name becomes "${tier} tier"`);
  return out;
}

/** A claim as ClaimOptions, or why it cannot be one. */
function claimOf(c: OktaClaim): ClaimOptions | string {
  const tokens: ClaimToken = c.claimType === "IDENTITY" ? "id" : "access";
  if (c.status && c.status !== "ACTIVE") return `it is ${c.status}`;
  const name = c.name ?? "";
  // One to one: token type, scopes condition and "always include" as Okta holds them.
  const scopes = c.conditions?.scopes ?? [];
  const common = { name, ...(tokens === "id" ? { tokens } : {}), ...(scopes.length ? { scopes } : {}), ...(c.alwaysIncludeInToken === false ? { alwaysIncludeInToken: false } : {}) } as const;
  if (c.valueType === "GROUPS") {
    const value = c.value ?? "";
    const filter =
      c.group_filter_type === "REGEX" ? { regex: value } : c.group_filter_type === "STARTS_WITH" ? { startsWith: value } : c.group_filter_type === "EQUALS" ? { equals: value } : c.group_filter_type === "CONTAINS" ? { contains: value } : undefined;
    if (!filter) return `its group filter ${c.group_filter_type ?? "(none)"} is not one of REGEX, STARTS_WITH, EQUALS, CONTAINS`;
    return { ...common, kind: "groups", filter };
  }
  if (c.valueType === "EXPRESSION" && /^(user|appuser)\.[A-Za-z_][A-Za-z0-9_]*$/.test(c.value ?? "")) return { ...common, kind: "attribute", value: c.value! };
  return `its value ${JSON.stringify(c.value)} (${c.valueType}) is not one profile attribute or a groups filter. Fix: manage it outside this toolkit, or simplify it to user.<attribute>`;
}
