import { Construct } from "constructs";
import { AuthenticationPolicy, AuthenticationRuleOptions, UserTypeCondition, ZoneCondition } from "../constructs/authentication-policy";
import { userTypeNameProblem, userTypeNamed } from "../constructs/user-type";
export { markSensitive } from "../constructs/authentication-policy";
import { NetworkZone } from "../constructs/network-zone";
import { IOktaGroup } from "../constructs/okta-group";
import { OktaConfigError, Problem } from "../constructs/validation";
import { CONSTRUCT_KEY, constructKey } from "../constructs/app-assignments";
import { invalidKey, keyClash } from "./construct-names";
import { AuthenticationPolicyConfig, AuthenticationRuleConfig } from "../config/types";
import { appendAll } from "../constructs/append-all";

/** A rule condition of config (`zones`, `userTypes`) with each list mapped: `{ in }` stays `{ in }`, `{ notIn }` stays `{ notIn }`. */
function eachOf<T>(condition: { readonly in: readonly string[] } | { readonly notIn: readonly string[] }, f: (names: readonly string[], where: "in" | "notIn") => T[]): { in: T[] } | { notIn: T[] } {
  return "in" in condition ? { in: f(condition.in ?? [], "in") } : { notIn: f((condition as { notIn: readonly string[] }).notIn ?? [], "notIn") };
}

/** The construct id of a policy, by config key (a contract: changing it replaces the policy). */
export function policyConstructId(key: string): string {
  return `AuthPolicy-${key}`;
}


/**
 * One authentication policy from config: group and zone names resolved, every unknown name
 * reported with the names that exist, every rule checked before any is built.
 */
export function addAuthenticationPolicy(
  scope: Construct,
  key: string,
  config: AuthenticationPolicyConfig,
  groups: ReadonlyMap<string, IOktaGroup>,
  zones: ReadonlyMap<string, NetworkZone>,
  failedZones: ReadonlySet<string> = new Set(),
  failedGroups: ReadonlySet<string> = new Set(),
): AuthenticationPolicy | undefined {
  const id = policyConstructId(key);
  const problems: Problem[] = [];
  const group = (where: string) => (name: string): IOktaGroup | undefined => {
    const g = groups.get(name);
    if (!g) problems.push({ what: `${where} names group ${JSON.stringify(name)}, which is not declared`, value: name, fix: `use one of ${[...groups.keys()].join(", ")}, or declare it in groups.` });
    return g;
  };
  const zone = (where: string) => (name: string): NetworkZone | undefined => {
    const z = zones.get(name);
    if (!z) problems.push({ what: `${where} names zone ${JSON.stringify(name)}, which is not declared`, value: name, fix: `use one of ${[...zones.keys()].join(", ") || "(none declared)"}, or declare it in networkZones.` });
    return z;
  };
  const rulesOf = Array.isArray(config.rules) ? config.rules : [];
  if (rulesOf.some((r) => r.zones && [...(("in" in r.zones ? r.zones.in : (r.zones as { notIn: readonly string[] }).notIn) ?? [])].some((z) => failedZones.has(z)))) return undefined;
  if (rulesOf.some((r) => [...(r.groups ?? []), ...(r.groupsExcluded ?? [])].some((g) => failedGroups.has(g)))) return undefined;
  if (!Array.isArray(config.rules)) problems.push({ what: "rules must be a list", value: config.rules, fix: "list the policy's rules, or [] for a policy that only has its catch-all." });
  const rules = (Array.isArray(config.rules) ? config.rules : []).map((r: AuthenticationRuleConfig, i): AuthenticationRuleOptions => {
    const at = `rules[${i}] ("${r.name}")`;
    const known = <T>(v: T | undefined): v is T => v !== undefined;
    const zoneCondition: ZoneCondition | undefined = r.zones && eachOf(r.zones, (names, where) => names.map(zone(`${at}.zones.${where}`)).filter(known));
    // Only checked here: a user type is looked up (a data source each) once every name of the policy is valid.
    for (const [where, names] of Object.entries(r.userTypes ?? {}) as [string, readonly string[] | undefined][]) {
      (names ?? []).forEach((name, j) => {
        const problem = userTypeNameProblem(`${at}.userTypes.${where}[${j}]`, name);
        if (problem) problems.push(problem);
      });
    }
    const { id: _id, ...options } = r;
    return {
      ...options,
      groups: r.groups?.map(group(`${at}.groups`)).filter(known),
      groupsExcluded: r.groupsExcluded?.map(group(`${at}.groupsExcluded`)).filter(known),
      zones: zoneCondition,
      userTypes: undefined,
    } as AuthenticationRuleOptions;
  });
  // A rule's construct id (Rule-<key>) is its identity: by name, not priority, so reordering
  // rules replaces nothing; two names that give one key need an id on one of them.
  const keys = rulesOf.map((r) => constructKey({ name: String(r.name), id: r.id }));
  const seen = new Map<string, string>();
  rulesOf.forEach((r, i) => {
    const other = seen.get(keys[i]);
    const at = `rules[${i}] ("${r.name}")`;
    const placed = (where: string, p: Problem) => problems.push({ ...p, what: `${where} ${p.what}` });
    if (r.id !== undefined && !CONSTRUCT_KEY.test(r.id)) placed(`${at}.id`, invalidKey(r.id));
    else if (other === String(r.name)) problems.push({ what: `${at} repeats another rule's name`, value: r.name, fix: "give each rule of the policy its own name." });
    else if (other !== undefined) placed(at, keyClash("Rule", "rule", keys[i], other, { name: String(r.name), id: r.id }));
    seen.set(keys[i], String(r.name));
  });
  if (problems.length) throw new OktaConfigError(`${scope.node.path}/${id}`, problems);
  const withTypes = rules.map((r, i): AuthenticationRuleOptions => {
    const types = rulesOf[i].userTypes;
    return types ? { ...r, userTypes: eachOf(types, (names) => names.map((name) => userTypeNamed(scope, name))) as UserTypeCondition } : r;
  });
  const policy = new AuthenticationPolicy(scope, id, { name: config.name, description: config.description, catchAll: config.catchAll });
  const built: Problem[] = [];
  withTypes.forEach((r, i) => {
    try {
      policy.addRule(`Rule-${keys[i]}`, r);
    } catch (e) {
      if (!(e instanceof OktaConfigError)) throw e;
      appendAll(built, e.problems.map((p) => ({ ...p, what: `rules[${i}] ("${r.name}"): ${p.what}` })));
    }
  });
  if (built.length) throw new OktaConfigError(policy.node.path, built);
  return policy;
}
