import { Construct } from "constructs";
import { AuthenticationPolicy, AuthenticationRuleOptions, UserTypeCondition, ZoneCondition } from "../constructs/authentication-policy";
import { userTypeNameProblem, userTypeNamed } from "../constructs/user-type";
export { markSensitive } from "../constructs/authentication-policy";
import { NetworkZone } from "../constructs/network-zone";
import { IOktaGroup } from "../constructs/okta-group";
import { OktaConfigError, Problem } from "../constructs/validation";
import { slug } from "../constructs/app-assignments";
import { AuthenticationPolicyConfig, AuthenticationRuleConfig } from "../config/types";

type UserTypeNames = { readonly in: readonly string[] } | { readonly notIn: readonly string[] };

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
  if (!Array.isArray(config.rules)) problems.push({ what: "rules must be a list", value: config.rules, fix: "list the policy's rules, or [] for a policy that only has its catch-all." });
  // User types are looked up (a data source each) only once every name of the policy is valid.
  const typeNamesOf: (UserTypeNames | undefined)[] = [];
  const rules = (Array.isArray(config.rules) ? config.rules : []).map((r: AuthenticationRuleConfig, i): AuthenticationRuleOptions => {
    const at = `rules[${i}] ("${r.name}")`;
    const known = <T>(v: T | undefined): v is T => v !== undefined;
    const zonesOf = (names: readonly string[], where: string) => names.map(zone(`${at}.zones.${where}`)).filter(known);
    const zoneCondition: ZoneCondition | undefined = !r.zones ? undefined : "in" in r.zones ? { in: zonesOf(r.zones.in ?? [], "in") } : { notIn: zonesOf((r.zones as { notIn: readonly string[] }).notIn ?? [], "notIn") };
    const typesOf = (names: readonly string[], where: string) =>
      names.flatMap((name, j) => {
        const problem = userTypeNameProblem(`${at}.userTypes.${where}[${j}]`, name);
        if (problem) problems.push(problem);
        return problem ? [] : [name];
      });
    typeNamesOf[i] = !r.userTypes ? undefined : "in" in r.userTypes ? { in: typesOf(r.userTypes.in ?? [], "in") } : { notIn: typesOf((r.userTypes as { notIn: readonly string[] }).notIn ?? [], "notIn") };
    return {
      ...r,
      groups: r.groups?.map(group(`${at}.groups`)).filter(known),
      groupsExcluded: r.groupsExcluded?.map(group(`${at}.groupsExcluded`)).filter(known),
      zones: zoneCondition,
      userTypes: undefined,
    } as AuthenticationRuleOptions;
  });
  const seen = new Map<string, string>();
  for (const r of rules) {
    const other = seen.get(slug(String(r.name)));
    if (other !== undefined) problems.push({ what: `two rules are named alike ("${other}" and "${r.name}"); a rule's name is its identity here`, value: r.name, fix: "give each rule of the policy its own name." });
    seen.set(slug(String(r.name)), String(r.name));
  }
  if (problems.length) throw new OktaConfigError(`${scope.node.path}/${id}`, problems);
  const lookup = (names: readonly string[]) => names.map((name) => userTypeNamed(scope, name));
  const withTypes = rules.map((r, i): AuthenticationRuleOptions => {
    const names = typeNamesOf[i];
    const userTypes: UserTypeCondition | undefined = !names ? undefined : "in" in names ? { in: lookup(names.in) } : { notIn: lookup(names.notIn) };
    return userTypes ? { ...r, userTypes } : r;
  });
  const policy = new AuthenticationPolicy(scope, id, { name: config.name, description: config.description, catchAll: config.catchAll });
  const built: Problem[] = [];
  withTypes.forEach((r, i) => {
    try {
      // By name, not priority: reordering rules must not replace them in Okta.
      policy.addRule(`Rule-${slug(r.name)}`, r);
    } catch (e) {
      if (!(e instanceof OktaConfigError)) throw e;
      built.push(...e.problems.map((p) => ({ ...p, what: `rules[${i}] ("${r.name}"): ${p.what}` })));
    }
  });
  if (built.length) throw new OktaConfigError(policy.node.path, built);
  return policy;
}
