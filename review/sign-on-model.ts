import { AuthenticatorConstraint, FactorMode } from "../constructs/assurance";
import { CATCH_ALL_PRIORITY, CATCH_ALL_RULE } from "../constructs/authentication-policy";
import { list as strings } from "../guardrails/resources";
import { unescapeLiteral } from "../terraform/interpolations";
import { Block, addressOf, parseReference } from "./stack-json";
import { parseOutsideJson } from "./outside-json";

/**
 * Authentication (app sign-on) policies as Okta holds them, read from a stack's Terraform JSON
 * (synthesized, or rebuilt from state): each app's policy, its ACTIVE rules by priority and its
 * catch-all. The access model, the simulator and the guardrails all read this one model, so
 * they agree on what a rule means. Semantics and the choices made where Okta's docs are silent:
 * docs/authentication-policies.md.
 */

export const EVERYONE_GROUP = "Everyone";
/** The zone atom of a request from no declared zone. */
export const OUTSIDE_ZONES = "(outside every zone)";
/** The user-type atom of a user of no user type a rule names. */
export const OTHER_USER_TYPES = "(any other user type)";
export const DEVICES = ["unregistered", "registered", "managed"] as const;
export const RISKS = ["LOW", "MEDIUM", "HIGH"] as const;

export interface SignOnAssurance {
  readonly factorMode: FactorMode;
  readonly constraints: readonly AuthenticatorConstraint[];
  readonly reauthenticateIn: string;
}

export interface SignOnRule {
  readonly name: string;
  readonly priority: number;
  readonly access: "ALLOW" | "DENY";
  /** For ALLOW. */
  readonly assurance?: SignOnAssurance;
  /** Group names; empty: everyone. */
  readonly groups: readonly string[];
  readonly groupsExcluded: readonly string[];
  /** Zone names; undefined: any network. */
  readonly zones?: { readonly mode: "in" | "notIn"; readonly names: readonly string[] };
  /** User type names (Okta's `name`; an id where the lookup is not in the stack); undefined: any user type. */
  readonly userTypes?: { readonly mode: "in" | "notIn"; readonly names: readonly string[] };
  readonly device?: "registered" | "managed";
  readonly platforms: readonly { readonly type: string; readonly os: string }[];
  readonly risk?: string;
  /** Conditions this model cannot evaluate offline (users, Okta EL, device assurance): the rule may or may not match. */
  readonly opaque: readonly string[];
  readonly system: boolean;
}

export interface SignOnPolicy {
  readonly address: string;
  readonly path: string;
  readonly name: string;
  /** ACTIVE rules by priority, the catch-all last. */
  readonly rules: readonly SignOnRule[];
  /** Rules whose zone reference names no zone of the stack. */
  readonly unknownZones: readonly { readonly rule: string; readonly zone: string }[];
}

export interface SignOnZone {
  readonly address: string;
  readonly name: string;
  readonly type: string;
  readonly gateways: readonly string[];
  readonly locations: readonly string[];
}

export interface SignOnModel {
  readonly policies: ReadonlyMap<string, SignOnPolicy>;
  /**
   * App address → its policy's address; `unmanaged:<id>` for a policy named by Okta id that this
   * stack does not hold; undefined when it declares none (the org's default applies).
   */
  readonly appPolicy: ReadonlyMap<string, string | undefined>;
  readonly zones: ReadonlyMap<string, SignOnZone>;
}

const SIGN_IN_APPS = new Set(["okta_app_oauth", "okta_app_saml", "okta_app_swa", "okta_app_auto_login", "okta_app_bookmark", "okta_app_basic_auth", "okta_app_three_field"]);

/** Okta's catch-all of a policy created with catch_all = true (recorded): ALLOW with two factors. */
export const DEFAULT_CATCH_ALL_ASSURANCE: SignOnAssurance = { factorMode: "2FA", constraints: [], reauthenticateIn: "PT12H" };

const active = (b: Block) => (b.attrs.status ?? "ACTIVE") !== "INACTIVE";

/** A referenced block's name as Okta holds it (Everyone for the data source). */
export function nameOf(blocks: ReadonlyMap<string, Block>, value: unknown): string {
  const ref = parseReference(value);
  if (!ref) return String(value);
  if (ref.data && ref.type === "okta_everyone_group") return EVERYONE_GROUP;
  const block = blocks.get(addressOf(ref));
  return typeof block?.attrs.name === "string" ? unescapeLiteral(block.attrs.name) : addressOf(ref);
}

function parseConstraints(value: unknown): AuthenticatorConstraint[] {
  return strings(value).flatMap((text) => {
    try {
      const parsed = parseOutsideJson(text);
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? [parsed as AuthenticatorConstraint] : [];
    } catch {
      return [];
    }
  });
}

/** `named` resolves the names of what a rule references: groups, zones, and the user types it looks up (data sources). */
function ruleOf(named: ReadonlyMap<string, Block>, b: Block): SignOnRule {
  const a = b.attrs;
  const access = a.access === "DENY" ? "DENY" : "ALLOW";
  const includes = strings(a.network_includes);
  const excludes = strings(a.network_excludes);
  const connection = typeof a.network_connection === "string" ? a.network_connection : "ANYWHERE";
  const zones = connection === "ZONE" && (includes.length || excludes.length)
    ? { mode: includes.length ? ("in" as const) : ("notIn" as const), names: (includes.length ? includes : excludes).map((z) => nameOf(named, z)) }
    : undefined;
  const typesIn = strings(a.user_types_included);
  const typesOut = strings(a.user_types_excluded);
  // Config writes one of the two. A rule made elsewhere with both keeps its includes here, and
  // its excludes are a condition this model does not evaluate (it may or may not match).
  const userTypes = typesIn.length ? { mode: "in" as const, names: typesIn.map((t) => nameOf(named, t)) } : typesOut.length ? { mode: "notIn" as const, names: typesOut.map((t) => nameOf(named, t)) } : undefined;
  const opaque: string[] = [];
  if (strings(a.users_included).length) opaque.push("listed users");
  if (strings(a.users_excluded).length) opaque.push("excluded users");
  if (typesIn.length && typesOut.length) opaque.push("excluded user types");
  if (typeof a.custom_expression === "string" && a.custom_expression) opaque.push("an Okta expression");
  if (strings(a.device_assurances_included).length) opaque.push("device assurance policies");
  if (connection === "ON_NETWORK" || connection === "OFF_NETWORK") opaque.push(`network ${connection}`);
  const platforms = (Array.isArray(a.platform_include) ? (a.platform_include as Record<string, unknown>[]) : [])
    .map((p) => ({ type: String(p.type ?? "ANY"), os: String(p.os_type ?? "ANY") }))
    .filter((p) => !(p.type === "ANY" && p.os === "ANY"));
  const system = a.system === true || (a.name === CATCH_ALL_RULE && Number(a.priority) === CATCH_ALL_PRIORITY);
  return {
    name: unescapeLiteral(String(a.name ?? b.id)),
    priority: typeof a.priority === "number" ? a.priority : Number(a.priority ?? CATCH_ALL_PRIORITY),
    access,
    assurance: access === "ALLOW" ? { factorMode: a.factor_mode === "1FA" ? "1FA" : "2FA", constraints: parseConstraints(a.constraints), reauthenticateIn: typeof a.re_authentication_frequency === "string" ? a.re_authentication_frequency : "PT2H" } : undefined,
    groups: strings(a.groups_included).map((g) => nameOf(named, g)),
    groupsExcluded: strings(a.groups_excluded).map((g) => nameOf(named, g)),
    zones,
    ...(userTypes ? { userTypes } : {}),
    device: a.device_is_managed === true ? "managed" : a.device_is_registered === true ? "registered" : undefined,
    platforms,
    risk: typeof a.risk_score === "string" && a.risk_score !== "ANY" && a.risk_score !== "" ? a.risk_score : undefined,
    opaque,
    system,
  };
}

/** The sign-on model of one stack's blocks; `data` (stack-json dataBlocksOf) names the user types rules look up. */
export function signOnModelOf(blocks: ReadonlyMap<string, Block>, data: ReadonlyMap<string, Block> = new Map()): SignOnModel {
  const all = [...blocks.values()];
  const named = data.size ? new Map([...blocks, ...data]) : blocks;
  const zones = new Map<string, SignOnZone>();
  for (const z of all.filter((b) => b.type === "okta_network_zone" && active(b))) {
    zones.set(z.address, { address: z.address, name: unescapeLiteral(String(z.attrs.name ?? z.id)), type: String(z.attrs.type ?? "IP"), gateways: strings(z.attrs.gateways), locations: strings(z.attrs.dynamic_locations) });
  }
  const rulesOf = new Map<string, Block[]>();
  for (const r of all.filter((b) => b.type === "okta_app_signon_policy_rule")) {
    const ref = parseReference(r.attrs.policy_id);
    if (!ref) continue;
    if (rulesOf.has(addressOf(ref))) rulesOf.get(addressOf(ref))!.push(r);
    else rulesOf.set(addressOf(ref), [r]);
  }
  const policies = new Map<string, SignOnPolicy>();
  for (const p of all.filter((b) => b.type === "okta_app_signon_policy")) {
    const blocksOfRules = (rulesOf.get(p.address) ?? []).filter(active);
    const rules = blocksOfRules.map((r) => ruleOf(named, r));
    const unknownZones = blocksOfRules.flatMap((r) =>
      [...strings(r.attrs.network_includes), ...strings(r.attrs.network_excludes)]
        .filter((z) => { const ref = parseReference(z); return !ref || !zones.has(addressOf(ref)); })
        .map((zone) => ({ rule: unescapeLiteral(String(r.attrs.name ?? r.id)), zone })),
    );
    // The catch-all: imported as a rule (system) when the config manages it, else as Okta creates it.
    if (!rules.some((r) => r.system)) {
      const allow = p.attrs.catch_all !== false;
      rules.push({ name: CATCH_ALL_RULE, priority: CATCH_ALL_PRIORITY, access: allow ? "ALLOW" : "DENY", assurance: allow ? DEFAULT_CATCH_ALL_ASSURANCE : undefined, groups: [], groupsExcluded: [], platforms: [], opaque: [], system: true });
    }
    rules.sort((a, b) => Number(a.system) - Number(b.system) || a.priority - b.priority || a.name.localeCompare(b.name));
    policies.set(p.address, { address: p.address, path: p.path, name: unescapeLiteral(String(p.attrs.name ?? p.id)), rules, unknownZones });
  }
  const appPolicy = new Map<string, string | undefined>();
  const policyOf = (value: unknown): string | undefined => {
    const ref = parseReference(value);
    if (ref) return policies.has(addressOf(ref)) ? addressOf(ref) : `unmanaged:${addressOf(ref)}`;
    return typeof value === "string" && value ? `unmanaged:${value}` : undefined;
  };
  for (const app of all.filter((b) => SIGN_IN_APPS.has(b.type) && !(b.type === "okta_app_oauth" && b.attrs.type === "service"))) {
    appPolicy.set(app.address, policyOf(app.attrs.authentication_policy));
  }
  for (const a of all.filter((b) => b.type === "okta_app_access_policy_assignment")) {
    const app = parseReference(a.attrs.app_id);
    const policy = policyOf(a.attrs.policy_id);
    if (app && policy) appPolicy.set(addressOf(app), policy);
  }
  return { policies, appPolicy, zones };
}

/** Does the rule's people condition take in someone in all of `groups`? (Excluded wins; empty includes is everyone.) */
export function peopleMatch(rule: SignOnRule, groups: readonly string[]): boolean {
  if (rule.groupsExcluded.some((g) => groups.includes(g))) return false;
  return rule.groups.length === 0 || rule.groups.includes(EVERYONE_GROUP) || rule.groups.some((g) => groups.includes(g));
}
