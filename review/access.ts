import { list as strings } from "../guardrails/resources";
import { Block, Reference, addressOf, blocksOf, blocksOfType, dataBlocksOf, ownerOf, parseReference } from "./stack-json";
import { ClaimGroupFilter, claimFilterMatches } from "../constructs/claims";
import { unescapeLiteral } from "../terraform/interpolations";
import { SignInRow, signInRows } from "./sign-in-access";
import { signOnModelOf } from "./sign-on-model";
import { ownEntry } from "../constructs/own-entry";

export { SignInRow } from "./sign-in-access";

type Json = Record<string, unknown>;

/** One thing someone can obtain from an authorization server. */
export interface GrantRow {
  readonly server: string;
  readonly client: string;
  /** The client's Terraform address: its identity, so a label change is not an access change. */
  readonly clientKey: string;
  /** A group name, `Everyone`, `user <id>`, or `(the client itself)` for client_credentials. */
  readonly who: string;
  readonly grant: string;
  /** The API scope the request asks for, or SIGN_IN_ONLY for a request of OIDC scopes alone. */
  readonly scope: string;
  /**
   * The whole request, as a client sends it: the OIDC scopes clients of this server request,
   * the API scope, and offline_access when the client uses refresh tokens. Okta admits a
   * request only if one rule allows every scope of it. Display only.
   */
  readonly request: string;
  /** The policy and rule that grant it (first match, as Okta evaluates). */
  readonly via: string;
  /** The team owning the client (owners.json). Display only. */
  readonly owner?: string;
  /** The custom claims the tokens of this request carry for them, e.g. `payment_groups=[paymentsViewers]`. Display only: ClaimRow is their identity. */
  readonly claims?: string;
  /**
   * How they sign in to the client first: its authentication policy's ways in for them, e.g.
   * `2FA: password + possession (any zone)`. Display only: SignInRow is its identity.
   */
  readonly signIn?: string;
}

/**
 * One value a custom claim carries in a token: for this client and these users, with this
 * request's API scope, in the access or ID token. Okta puts a groups claim's matching groups
 * in it (the whole group name must match its regex); an expression claim, the expression.
 */
export interface ClaimRow {
  readonly server: string;
  readonly client: string;
  readonly clientKey: string;
  readonly who: string;
  readonly scope: string;
  /** `access` or `ID`. */
  readonly token: string;
  readonly claim: string;
  readonly value: string;
  readonly owner?: string;
}

export interface AssignmentRow {
  readonly app: string;
  readonly appKey: string;
  readonly group: string;
  /** The team owning the app. Display only. */
  readonly owner?: string;
}

/** okta.* management scopes and admin roles held by apps. */
export interface ManagementRow {
  readonly app: string;
  readonly appKey: string;
  /** `okta.groups.read`, or `role APP_ADMIN`. */
  readonly access: string;
}

export interface OriginRow {
  readonly origin: string;
  readonly scope: string;
}

/** Everything the stack lets anyone do, as rows that can be diffed. */
export interface AccessMatrix {
  readonly grants: readonly GrantRow[];
  readonly assignments: readonly AssignmentRow[];
  readonly management: readonly ManagementRow[];
  readonly origins: readonly OriginRow[];
  /** What custom claims tokens carry, per grant: a new value or a new token carrying one broadens. */
  readonly claims: readonly ClaimRow[];
  /** How each assigned group signs in to each app: assurance and from where (authentication policies). */
  readonly signIns: readonly SignInRow[];
  /** Where EVERYONE, ALL_CLIENTS or `*` appear: each new one broadens access. */
  readonly markers: readonly string[];
}

export const CLIENT_ITSELF = "(the client itself)";
/** The scope column of a sign-in request that asks for no API scope. */
export const SIGN_IN_ONLY = "(sign-in only)";
const OIDC_SCOPES = new Set(["openid", "profile", "email", "address", "phone"]);
export const EVERYONE = "Everyone";

const APP_TYPES = new Set(["okta_app_oauth", "okta_app_saml", "okta_app_swa", "okta_app_auto_login", "okta_app_bookmark", "okta_app_basic_auth", "okta_app_three_field"]);

interface Rule {
  readonly name: string;
  readonly priority: number;
  readonly grants: readonly string[];
  readonly groups: readonly string[];
  readonly users: readonly string[];
  readonly scopes: readonly string[];
}

interface Policy {
  readonly name: string;
  readonly priority: number;
  readonly allClients: boolean;
  readonly clients: ReadonlySet<string>;
  /** Literal client ids: clients created outside this stack. */
  readonly external: readonly string[];
  readonly rules: readonly Rule[];
}

/**
 * The effective access of one synthesized stack, computed the way Okta evaluates an
 * authorization server: policies by priority, each restricted to its client_whitelist; in a
 * policy, rules by priority; the first rule matching the grant type, the user's groups and
 * the requested scope wins. One row per (server, client, who, grant, scope) that succeeds.
 */
export function accessOf(json: Json, owners: Readonly<Record<string, string>> = {}, groupLabel?: GroupLabel): AccessMatrix {
  const blocks = blocksOf(json);
  const owner = (address: string) => {
    const block = blocks.get(address);
    // A client named by its literal id (a privileged app of the bootstrap stack) by that id.
    return block ? ownerOf(owners, block.path) : ownEntry(owners, `client:${address}`);
  };
  // Each type's active blocks, and the blocks that name a parent (a policy's server, a rule's
  // policy), indexed once: filtered per server and per policy, every block was scanned and its
  // reference parsed once per policy, and the review grew with the square of the org (60 s at
  // 10,000 apps, where each service has a policy of its own).
  const active = new Map<string, Block[]>();
  for (const b of blocks.values()) {
    if ((b.attrs.status ?? "ACTIVE") === "INACTIVE") continue;
    const list = active.get(b.type);
    if (list) list.push(b);
    else active.set(b.type, [b]);
  }
  const byType = (type: string): readonly Block[] => active.get(type) ?? [];
  const indexes = new Map<string, Map<string, Block[]>>();
  /** The active blocks of `type` whose `attribute` is a reference to `parent`, in block order. */
  const childrenOf = (type: string, attribute: string, parent: Block): readonly Block[] => {
    let index = indexes.get(`${type}.${attribute}`);
    if (!index) {
      index = new Map();
      for (const b of byType(type)) {
        const ref = parseReference(b.attrs[attribute]);
        if (!ref || ref.data) continue;
        const key = `${ref.type}.${ref.id}`;
        const list = index.get(key);
        if (list) list.push(b);
        else index.set(key, [b]);
      }
      indexes.set(`${type}.${attribute}`, index);
    }
    return index.get(`${parent.type}.${parent.id}`) ?? [];
  };
  const names = new Names(blocks, groupLabel);
  const markers: string[] = [];
  const grants: GrantRow[] = [];
  const claimRows = new Map<string, ClaimRow>();
  const apps = [...blocks.values()].filter((b) => b.type === "okta_app_oauth");
  const assignedTo = new Map<string, string[]>();
  for (const a of byType("okta_app_group_assignment")) {
    const app = appAddress(parseReference(a.attrs.app_id));
    if (app) assignedTo.set(app, [...(assignedTo.get(app) ?? []), names.of(a.attrs.group_id)].sort(everyoneFirst));
  }

  for (const server of byType("okta_auth_server")) {
    const serverName = names.of(`\${okta_auth_server.${server.id}.id}`);
    const policies = childrenOf("okta_auth_server_policy", "auth_server_id", server)
      .map((p): Policy => {
        const clientList = strings(p.attrs.client_whitelist);
        const allClients = clientList.includes("ALL_CLIENTS");
        const policyName = unescapeLiteral(String(p.attrs.name ?? p.id));
        if (allClients) markers.push(`ALL_CLIENTS in policy "${policyName}" of ${serverName}`);
        const rules = childrenOf("okta_auth_server_policy_rule", "policy_id", p)
          .map((r): Rule => {
            const rule: Rule = {
              name: unescapeLiteral(String(r.attrs.name ?? r.id)),
              priority: Number(r.attrs.priority ?? Infinity),
              grants: strings(r.attrs.grant_type_whitelist),
              groups: strings(r.attrs.group_whitelist).map((g) => (g === "EVERYONE" ? EVERYONE : names.of(g))),
              users: strings(r.attrs.user_whitelist).map((u) => `user ${names.of(u)}`),
              scopes: strings(r.attrs.scope_whitelist),
            };
            // client_credentials has no user: EVERYONE there is Okta's required people condition,
            // not a grant to people. Only a rule that admits users broadens with it.
            const admitsUsers = rule.grants.some((g) => g !== "client_credentials");
            if (admitsUsers && rule.groups.includes(EVERYONE)) markers.push(`EVERYONE in rule "${rule.name}" of policy "${policyName}" (${serverName})`);
            if (rule.scopes.includes("*")) markers.push(`scope * in rule "${rule.name}" of policy "${policyName}" (${serverName})`);
            return rule;
          })
          .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
        const external = clientList.filter((c) => c !== "ALL_CLIENTS" && !parseReference(c));
        const clients = new Set([
          ...(allClients ? apps.map((a) => a.address) : clientList.map((c) => appAddress(parseReference(c))).filter((a): a is string => !!a)),
          ...external,
        ]);
        return { name: policyName, priority: Number(p.attrs.priority ?? Infinity), allClients, clients, external, rules };
      })
      .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));

    const people = new Set<string>([EVERYONE]);
    for (const rule of policies.flatMap((p) => p.rules)) {
      rule.groups.forEach((g) => people.add(g));
      rule.users.forEach((u) => people.add(u));
    }
    // What clients of this server request at sign-in: the OIDC scopes its user rules allow
    // (openid at least); every user request carries them, as Okta's SDKs send them.
    const userRules = policies.flatMap((p) => p.rules).filter((r) => r.grants.some((g) => g !== "client_credentials"));
    const oidc = [...new Set(["openid", ...userRules.flatMap((r) => r.scopes.filter((s) => OIDC_SCOPES.has(s)))])].sort();
    const apiScopes = [...new Set([
      ...childrenOf("okta_auth_server_scope", "auth_server_id", server).map((s) => String(s.attrs.name)),
      ...policies.flatMap((p) => p.rules.flatMap((r) => r.scopes)).filter((s) => !OIDC_SCOPES.has(s) && s !== "offline_access" && s !== "*"),
    ])].sort();
    const claims = childrenOf("okta_auth_server_claim", "auth_server_id", server).map(claimOf);
    const clients = [...apps.map((a) => ({ key: a.address, name: names.of(`\${okta_app_oauth.${a.id}.id}`), grants: strings(a.attrs.grant_types), external: false }))];
    // A client named by a literal client id is created elsewhere (a privileged service app of
    // okta-bootstrap-<env>): its grants are those the rules naming it allow.
    for (const policy of policies) {
      for (const id of policy.external) {
        if (!clients.some((c) => c.key === id)) clients.push({ key: id, name: `client ${id}`, grants: [...new Set(policy.rules.flatMap((r) => r.grants))], external: true });
      }
    }
    const deciding = decidingPolicies(policies);
    for (const client of clients.filter((c) => deciding.has(c.key))) {
      const assigned = client.external ? [...people].filter((g) => g !== EVERYONE) : (assignedTo.get(client.key) ?? []);
      const refresh = client.grants.includes("refresh_token");
      for (const grant of client.grants.filter((g) => g !== "refresh_token")) {
        const machine = grant === "client_credentials";
        // A user must be assigned to the app to get a token for it: who is an assigned group,
        // or its members who are also in a group a rule names (shown as "A ∩ B").
        const audiences = machine ? [{ label: CLIENT_ITSELF, groups: [] }] : audiencesOf(assigned, people);
        // Users ask for the OIDC scopes with one API scope or none; a service asks for one
        // API scope at a time, which shows whether it can reach another service's scopes.
        const requests = machine
          ? apiScopes.map((scope) => ({ scope, scopes: [scope] }))
          : [undefined, ...apiScopes].map((scope) => ({ scope: scope ?? SIGN_IN_ONLY, scopes: [...oidc, ...(scope ? [scope] : []), ...(refresh ? ["offline_access"] : [])] }));
        for (const request of requests) {
          const granted = new Set<string>();
          for (const audience of audiences) {
            if (audience.groups.some((g) => granted.has(g))) continue;
            const match = firstMatch(deciding.get(client.key), grant, audience.groups, request.scopes);
            if (!match) continue;
            if (audience.groups.length === 1) granted.add(audience.groups[0]);
            const carried = machine ? [] : carriedClaims(claims, request.scopes, audience.groups.map(groupNameOf));
            for (const c of carried) {
              for (const value of c.values) {
                const row: ClaimRow = { server: serverName, client: client.name, clientKey: client.key, who: audience.label, scope: request.scope, token: c.token, claim: c.name, value, ...(owner(client.key) ? { owner: owner(client.key) } : {}) };
                claimRows.set(rowKey(row), row);
              }
            }
            grants.push({
              server: serverName,
              client: client.name,
              clientKey: client.key,
              who: audience.label,
              grant,
              scope: request.scope,
              request: request.scopes.join(" "),
              via: `${match.policy.name}${match.policy.allClients ? " (ALL_CLIENTS)" : ""} › ${match.rule.name}`,
              ...(owner(client.key) ? { owner: owner(client.key) } : {}),
              ...(carried.length ? { claims: carried.map((c) => `${c.name}=[${c.values.join(", ")}]${c.token === "ID" ? " (ID token)" : ""}`).join("; ") } : {}),
            });
          }
        }
      }
    }
  }

  const assignments = byType("okta_app_group_assignment").map((a) => {
    const group = names.of(a.attrs.group_id);
    const app = names.of(a.attrs.app_id);
    if (group === EVERYONE) markers.push(`app "${app}" assigned to Everyone`);
    const appKey = names.key(a.attrs.app_id);
    return { app, appKey, group, ...(owner(appKey) ? { owner: owner(appKey) } : {}) };
  });
  const management: ManagementRow[] = [
    ...byType("okta_app_oauth_api_scope").flatMap((g) => strings(g.attrs.scopes).map((scope) => ({ app: names.of(g.attrs.app_id), appKey: names.key(g.attrs.app_id), access: scope }))),
    ...byType("okta_app_oauth_role_assignment").map((r) => ({ app: names.of(r.attrs.client_id), appKey: names.key(r.attrs.client_id), access: `role ${String(r.attrs.type)}` })),
  ];
  const signIns = signInsOf(blocks, dataBlocksOf(json), assignedTo, names, owner);
  const waysIn = new Map<string, string[]>();
  for (const r of signIns) {
    const key = `${r.appKey}\u0000${r.who}`;
    if (waysIn.has(key)) waysIn.get(key)!.push(`${r.assurance} (${r.where})`);
    else waysIn.set(key, [`${r.assurance} (${r.where})`]);
  }
  const withSignIn = grants.map((g): GrantRow => {
    const ways = waysIn.get(`${g.clientKey}\u0000${g.who}`);
    return ways ? { ...g, signIn: ways.join("; ") } : g;
  });
  const origins = byType("okta_trusted_origin").flatMap((o) => strings(o.attrs.scopes).map((scope) => ({ origin: String(o.attrs.origin), scope })));
  origins.filter((o) => o.origin.includes("*")).forEach((o) => markers.push(`trusted origin ${o.origin} has a wildcard`));

  return {
    grants: sortRows(withSignIn, ["server", "client", "grant", "who", "scope"]),
    assignments: sortRows(assignments, ["app", "group"]),
    management: sortRows(management, ["app", "access"]),
    origins: sortRows(origins, ["origin", "scope"]),
    claims: sortRows([...claimRows.values()], ["server", "client", "who", "scope", "token", "claim", "value"]),
    signIns: sortRows(signIns, ["app", "who", "region", "assurance"]),
    markers: [...new Set(markers)].sort(),
  };
}

/**
 * Sign-in rows: per app with a sign-in and each audience of its assignments (single groups,
 * then members also in a group a policy rule names), the ways in its policy leaves open.
 */
function signInsOf(blocks: ReadonlyMap<string, Block>, data: ReadonlyMap<string, Block>, assignedTo: ReadonlyMap<string, string[]>, names: Names, owner: (address: string) => string | undefined): SignInRow[] {
  const model = signOnModelOf(blocks, data);
  // Per policy: the groups its rules name, which are all that can tell its users apart.
  const peopleOf = new Map<string, Set<string>>();
  for (const [address, p] of model.policies) peopleOf.set(address, new Set([EVERYONE, ...p.rules.flatMap((r) => [...r.groups, ...r.groupsExcluded])]));
  const apps = [...model.appPolicy.keys()].map((address) => {
    const block = blocks.get(address)!;
    const assigned = assignedTo.get(address) ?? [];
    const people = peopleOf.get(model.appPolicy.get(address) ?? "") ?? new Set([EVERYONE]);
    // Rule groups are plain names; an assignment's label may carry its group rule.
    const labelOf = new Map(assigned.map((a) => [groupNameOf(a), a]));
    const audiences = audiencesOf(assigned.map(groupNameOf), people).map((a) => ({ label: a.groups.map((g) => labelOf.get(g) ?? g).join(" ∩ "), groups: a.groups }));
    return { address, name: names.of(`\${${block.type}.${block.id}.id}`), owner: owner(address), audiences };
  });
  return signInRows(model, apps);
}

interface Claim {
  readonly name: string;
  readonly token: "access" | "ID";
  readonly valueType: string;
  readonly filterType: string;
  /** As Okta holds it: Terraform's escapes ($${, %%{) undone. */
  readonly value: string;
  readonly scopes: readonly string[];
  readonly always: boolean;
}

function claimOf(block: Block): Claim {
  const a = block.attrs;
  return {
    name: String(a.name ?? block.id),
    token: a.claim_type === "IDENTITY" ? "ID" : "access",
    valueType: String(a.value_type ?? "EXPRESSION"),
    filterType: String(a.group_filter_type ?? ""),
    value: unescapeLiteral(String(a.value ?? "")),
    scopes: strings(a.scopes),
    always: a.always_include_in_token !== false,
  };
}

/**
 * The claims a token carries for a request, with their values for users in these groups:
 * an access-token claim whenever its scopes condition holds; an ID-token claim only in an
 * OpenID request and only if Okta always includes it (otherwise it comes from /userinfo).
 */
function carriedClaims(claims: readonly Claim[], requested: readonly string[], groups: readonly string[]): { name: string; token: string; values: string[] }[] {
  const out: { name: string; token: string; values: string[] }[] = [];
  for (const c of claims) {
    if (c.scopes.length && !c.scopes.some((s) => requested.includes(s))) continue;
    if (c.token === "ID" && (!c.always || !requested.includes("openid"))) continue;
    const values = c.valueType === "GROUPS" ? groups.filter((g) => groupPasses(c, g)) : [c.value];
    if (values.length) out.push({ name: c.name, token: c.token, values });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.token.localeCompare(b.token));
}

/** Okta's group filter types, as the constructs' filters name them (the constructs judge the match). */
const FILTER_OF: Readonly<Record<string, "regex" | "startsWith" | "equals" | "contains">> = { REGEX: "regex", STARTS_WITH: "startsWith", EQUALS: "equals", CONTAINS: "contains" };

function groupPasses(c: Claim, group: string): boolean {
  const key = ownEntry(FILTER_OF, c.filterType);
  return key !== undefined && claimFilterMatches({ [key]: c.value } as ClaimGroupFilter, group);
}

/** A group's name as Okta holds it, from the access model's label (which shows a rule-filled group's rule). */
function groupNameOf(label: string): string {
  return label.replace(/ \(rule: .*\)$/, "");
}

/**
 * Who can ask for a token: each assigned group (everyone's rule groups, when the app is
 * assigned to Everyone), then members of an assigned group who are also in a rule's group.
 * Single groups come first so an intersection is listed only when it adds something.
 */
function audiencesOf(assigned: readonly string[], people: ReadonlySet<string>): { label: string; groups: string[] }[] {
  const singles = new Set<string>();
  const pairs = new Map<string, string[]>();
  for (const a of assigned) {
    if (a === EVERYONE) {
      people.forEach((g) => singles.add(g));
      continue;
    }
    singles.add(a);
    for (const g of people) {
      if (g === a || g === EVERYONE) continue;
      const pair = [a, g].sort();
      pairs.set(pair.join(" ∩ "), pair);
    }
  }
  return [
    ...[...singles].sort(everyoneFirst).map((g) => ({ label: g, groups: [g] })),
    ...[...pairs].map(([label, groups]) => ({ label, groups })),
  ];
}

function everyoneFirst(a: string, b: string): number {
  return (a === EVERYONE ? 0 : 1) - (b === EVERYONE ? 0 : 1) || a.localeCompare(b);
}

/**
 * The first policy by priority that names each client: the one Okta evaluates for it (no other
 * is). Indexed once per server: searched per request, it made the access model quadratic in
 * clients where each service has a policy of its own (an import of 10,000 apps).
 */
function decidingPolicies(policies: readonly Policy[]): Map<string, Policy> {
  const deciding = new Map<string, Policy>();
  for (const policy of policies) for (const client of policy.clients) if (!deciding.has(client)) deciding.set(client, policy);
  return deciding;
}

/**
 * The (policy, rule) Okta settles on for a request: the client's deciding policy (the first by
 * priority that names it); in it, the first rule by priority whose grant, people and scopes all
 * match (a rule matches only if it allows every requested scope). None for a refusal.
 */
function firstMatch(policy: Policy | undefined, grant: string, groups: readonly string[], scopes: readonly string[]): { policy: Policy; rule: Rule } | undefined {
  if (!policy) return undefined;
  for (const rule of policy.rules) {
    if (!rule.grants.includes(grant)) continue;
    // client_credentials has no user: Okta does not evaluate the people condition.
    if (grant !== "client_credentials") {
      const person = rule.groups.includes(EVERYONE) || groups.some((g) => rule.groups.includes(g) || rule.users.includes(g));
      if (!person) continue;
    }
    if (rule.scopes.includes("*") || scopes.every((s) => rule.scopes.includes(s))) return { policy, rule };
  }
  return undefined;
}

function appAddress(ref: Reference | undefined): string | undefined {
  return ref && !ref.data && APP_TYPES.has(ref.type) ? `${ref.type}.${ref.id}` : undefined;
}

/** Human names for references: app labels, group names, server names, Everyone. */
class Names {
  /** Groups filled by a group rule, by address: their expression. */
  private readonly rules = new Map<string, string>();

  constructor(
    private readonly blocks: ReadonlyMap<string, Block>,
    private readonly groupLabel?: GroupLabel,
  ) {
    for (const b of blocks.values()) {
      if (b.type !== "okta_group_rule" || (b.attrs.status ?? "ACTIVE") === "INACTIVE") continue;
      for (const g of strings(b.attrs.group_assignments)) {
        const ref = parseReference(g);
        if (ref && !ref.data) this.rules.set(`${ref.type}.${ref.id}`, String(b.attrs.expression_value));
      }
    }
  }

  /** A reference's stable identity (the Terraform address), or the literal value. */
  key(value: unknown): string {
    const ref = parseReference(value);
    return ref ? addressOf(ref) : String(value);
  }

  of(value: unknown): string {
    const ref = parseReference(value);
    if (!ref) return String(value);
    if (ref.data && ref.type === "okta_everyone_group") return EVERYONE;
    if (ref.data) return `data.${ref.type}.${ref.id}`;
    const block = this.blocks.get(`${ref.type}.${ref.id}`);
    const attrs = block?.attrs ?? {};
    // Free text is escaped in Terraform JSON (escapeFreeText): shown as Okta holds it.
    const name = displayName(attrs);
    // A group a rule fills shows its rule: editing the rule changes who, and the review shows it.
    const rule = this.rules.get(`${ref.type}.${ref.id}`);
    if (name === undefined) return `${ref.type}.${ref.id}`;
    // Compared, a group is named by what it is (groupLabels); its rule stays this side's own.
    const shown = ref.type === "okta_group" && this.groupLabel ? this.groupLabel(`${ref.type}.${ref.id}`, name) : name;
    return rule ? `${shown} (rule: ${rule})` : shown;
  }
}

/** An object's label or name as Okta holds it: free text is escaped in Terraform JSON (escapeFreeText). */
function displayName(attrs: Record<string, unknown>): string | undefined {
  const value = attrs.label ?? attrs.name;
  return typeof value === "string" ? unescapeLiteral(value) : undefined;
}

/** How a comparison names a group (by its address) in place of its own name: see groupLabels. */
export type GroupLabel = (address: string, name: string) => string;

/** How a review names the groups of base and head: see groupNaming. */
export interface GroupNaming {
  readonly label: GroupLabel;
  /** Groups renamed in place, by address: the same okta_group under another name. */
  readonly renamed: ReadonlyMap<string, { readonly from: string; readonly to: string }>;
}

/**
 * How a review names each group on both sides: by what it is called at head (at base when it
 * is gone), so a group renamed in place (config's `id` kept) keeps its rows, and with its
 * construct path added where two groups would share that name (a name moved to another
 * group), so a row never silently changes which Okta group it is about. Names are unique on
 * each side (Okta's and config's rule), which is what lets a row's name stand for its group.
 * The rule that fills a group is not part of this: each side shows its own, so an edited rule
 * is still an access change.
 */
export function groupNaming(base: Json | undefined, head: Json | undefined): GroupNaming {
  const groupsOf = (json: Json | undefined) =>
    new Map((json ? blocksOfType(json, "okta_group") : []).map((b) => [b.address, { name: displayName(b.attrs) ?? b.address, path: b.path }]));
  const before = groupsOf(base);
  const after = groupsOf(head);
  const canonical = new Map(before);
  for (const [address, group] of after) canonical.set(address, group);
  const count = new Map<string, number>();
  for (const { name } of canonical.values()) count.set(name, (count.get(name) ?? 0) + 1);
  const renamed = new Map<string, { from: string; to: string }>();
  for (const [address, was] of before) {
    const now = after.get(address);
    if (now && now.name !== was.name) renamed.set(address, { from: was.name, to: now.name });
  }
  return {
    label: (address, name) => {
      const c = canonical.get(address);
      if (!c) return name;
      return (count.get(c.name) ?? 0) > 1 ? `${c.name} (${c.path})` : c.name;
    },
    renamed,
  };
}

function sortRows<T extends object>(rows: T[], keys: (keyof T)[]): T[] {
  return rows.sort((a, b) => {
    for (const k of keys) {
      const c = String(a[k]).localeCompare(String(b[k]));
      if (c) return c;
    }
    return 0;
  });
}

/** Display-only fields: renaming an app or renumbering rules is not an access change. */
const DISPLAY_ONLY = new Set(["via", "client", "app", "request", "owner", "claims", "where", "signIn"]);

/** A row's identity for diffing. */
export function rowKey(row: object): string {
  return JSON.stringify(Object.entries(row).filter(([k]) => !DISPLAY_ONLY.has(k)));
}
