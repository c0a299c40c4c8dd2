import { constructKey, slug } from "../constructs/app-assignments";
import { withExplicitIds } from "./construct-keys";
import { Assurance, AuthenticatorConstraint, checkAssurance } from "../constructs/assurance";
import { CATCH_ALL_RULE } from "../constructs/authentication-policy";
import { checkAddress } from "../constructs/network-zone";
import { userTypeNameProblem } from "../constructs/user-type";
import { Problems } from "../constructs/validation";
import { AuthenticationPolicyConfig, AuthenticationRuleConfig, NetworkZoneConfig } from "../config/types";
import { ImportLog } from "./import-report";
import { OktaAccessPolicy, OktaAccessRule, OktaApp, OktaNetworkZone, OrgSnapshot } from "./okta-objects";
import { ownEntry } from "../constructs/own-entry";
import { OBJECT_MEMBERS } from "../stacks/construct-names";

/** What the import makes of an org's authentication policies and the zones their rules name. */
export interface MappedSignOn {
  readonly networkZones: NetworkZoneConfig[];
  readonly policies: Record<string, AuthenticationPolicyConfig>;
  /** Construct path → import id, for the policies, rules and zones adopted. */
  readonly adopt: ReadonlyMap<string, string>;
  /** How an app names its policy in config: a key of `policies`, or the Okta id of one left in Okta. */
  policyOf(app: OktaApp): { authenticationPolicy: string } | { authenticationPolicyId: string } | undefined;
}

/** The id at the end of an app's `_links.accessPolicy.href`. */
export function accessPolicyIdOf(app: OktaApp): string | undefined {
  const href = app._links?.accessPolicy?.href;
  const id = href ? href.replace(/\/+$/, "").split("/").pop() : undefined;
  return id && /^[A-Za-z0-9]+$/.test(id) ? id : undefined;
}

const CONSTRAINT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  knowledge: ["types", "reauthenticateIn", "required"],
  possession: ["deviceBound", "phishingResistant", "hardwareProtection", "userPresence", "userVerification", "reauthenticateIn", "required"],
  inherence: ["reauthenticateIn", "required"],
};

/**
 * Okta's constraint objects as config: `required` dropped (the provider writes it on every class,
 * and naming a class is what requires it); anything this config cannot hold is a reason.
 */
function constraintsOf(raw: readonly Readonly<Record<string, unknown>>[] | undefined, why: string[]): AuthenticatorConstraint[] {
  return (raw ?? []).map((c) => {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [cls, body] of Object.entries(c ?? {})) {
      const fields = ownEntry(CONSTRAINT_FIELDS, cls);
      if (!fields || !body || typeof body !== "object") {
        why.push(`a constraint on ${cls}, which this config does not hold`);
        continue;
      }
      const kept: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
        if (!fields.includes(k)) why.push(`${cls}.${k} in a constraint (specific authenticators), which this config does not hold`);
        else if (k !== "required") kept[k] = v;
      }
      out[cls] = kept;
    }
    return out as AuthenticatorConstraint;
  });
}

function zoneConfigOf(z: OktaNetworkZone, why: string[]): NetworkZoneConfig | undefined {
  const name = z.name ?? z.id;
  if (z.system) why.push("a system zone (Okta's own; it cannot be managed)");
  if (z.status === "INACTIVE") why.push("inactive");
  if ((z.usage ?? "POLICY") !== "POLICY") why.push(`usage ${z.usage}`);
  if (z.type === "IP") {
    const gateways = (z.gateways ?? []).map((g) => g.value ?? "");
    const proxies = (z.proxies ?? []).map((g) => g.value ?? "");
    const problems = new Problems();
    [...gateways, ...proxies].forEach((g, i) => checkAddress(problems, `address ${i}`, g));
    if (!gateways.length) why.push("no gateways");
    if (!problems.isEmpty) why.push("an address this config does not accept");
    return why.length ? undefined : { name, type: "IP", gateways, ...(proxies.length ? { proxies } : {}) };
  }
  if (z.type === "DYNAMIC") {
    const locations = (z.locations ?? []).map((l) => l.region || l.country || "");
    const asns = [...(z.asns ?? [])];
    const proxyType = z.proxyType ?? undefined;
    if (locations.some((l) => !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(l))) why.push("a location that is not an ISO-3166 code");
    if (proxyType !== undefined && !["Any", "TorAnonymizer", "NotTorAnonymizer"].includes(proxyType)) why.push(`proxy type ${proxyType}`);
    if (!locations.length && !asns.length && !proxyType) why.push("no locations, ASNs or proxy type");
    return why.length ? undefined : { name, type: "DYNAMIC", ...(locations.length ? { locations } : {}), ...(asns.length ? { asns } : {}), ...(proxyType ? { proxyType: proxyType as "Any" } : {}) };
  }
  why.push(`type ${z.type ?? "(none)"}`);
  return undefined;
}

/** One rule as config, or the reasons it cannot be one. */
function ruleOf(r: OktaAccessRule, priority: number, groupName: (id: string) => string | undefined, zoneName: (id: string) => string | undefined, userTypeName: (id: string, why: string[]) => string | undefined, why: string[]): AuthenticationRuleConfig | undefined {
  const c = r.conditions ?? {};
  const groupsOf = (ids: readonly string[] | undefined, what: string) =>
    (ids ?? []).flatMap((id) => {
      const name = groupName(id);
      if (name === undefined) why.push(`${what} group ${id}, which is not imported`);
      return name === undefined || name === "Everyone" ? [] : [name];
    });
  const groups = groupsOf(c.people?.groups?.include, "it includes");
  const groupsExcluded = groupsOf(c.people?.groups?.exclude, "it excludes");
  if ((c.people?.groups?.include ?? []).length && !groups.length && !(c.people?.groups?.include ?? []).some((id) => groupName(id) === "Everyone")) why.push("its groups");
  if ((c.people?.users?.include ?? []).length || (c.people?.users?.exclude ?? []).length) why.push("it names users");
  const typesIn = c.userType?.include ?? [];
  const typesOut = c.userType?.exclude ?? [];
  let userTypes: AuthenticationRuleConfig["userTypes"];
  if (typesIn.length && typesOut.length) why.push("user types both included and excluded");
  else if (typesIn.length || typesOut.length) {
    const names = (typesIn.length ? typesIn : typesOut).map((id) => userTypeName(id, why) ?? "");
    userTypes = typesIn.length ? { in: names } : { notIn: names };
  }
  if (c.elCondition?.condition) why.push("an Okta expression");
  if ((c.device?.assurance?.include ?? []).length) why.push("a device assurance condition");
  const connection = c.network?.connection ?? "ANYWHERE";
  let zones: AuthenticationRuleConfig["zones"];
  if (connection === "ZONE") {
    const names = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => zoneName(id) ?? (why.push(`zone ${id}, which is not imported`), ""));
    zones = (c.network?.include ?? []).length ? { in: names(c.network?.include) } : { notIn: names(c.network?.exclude) };
  } else if (connection !== "ANYWHERE") why.push(`network ${connection}`);
  const device = c.device?.managed ? "managed" : c.device?.registered ? "registered" : undefined;
  const platforms = (c.platform?.include ?? [])
    .map((p) => ({ type: p.type ?? "ANY", os: p.os?.type ?? "ANY" }))
    .filter((p) => !(p.type === "ANY" && p.os === "ANY"));
  if (platforms.some((p) => !["ANY", "MOBILE", "DESKTOP"].includes(p.type) || !["ANY", "IOS", "ANDROID", "WINDOWS", "MACOS", "CHROMEOS"].includes(p.os))) why.push(`platform ${platforms.map((p) => `${p.type}/${p.os}`).join(", ")}`);
  const level = c.riskScore?.level;
  const risk = level && level !== "ANY" ? level : undefined;
  if (risk && !["LOW", "MEDIUM", "HIGH"].includes(risk)) why.push(`risk ${risk}`);
  const a = r.actions?.appSignOn;
  const base = {
    name: r.name ?? r.id,
    priority,
    ...(groups.length ? { groups } : {}),
    ...(groupsExcluded.length ? { groupsExcluded } : {}),
    ...(zones ? { zones } : {}),
    ...(userTypes ? { userTypes } : {}),
    ...(device ? { device: device as "managed" } : {}),
    ...(platforms.length ? { platforms: platforms as { type: "MOBILE" }[] } : {}),
    ...(risk ? { risk: risk as "LOW" } : {}),
  };
  if (a?.access === "DENY") return why.length ? undefined : { ...base, access: "DENY" };
  const assurance = assuranceOf(a?.verificationMethod, why);
  return why.length || !assurance ? undefined : { ...base, access: "ALLOW", assurance };
}

function assuranceOf(v: NonNullable<NonNullable<OktaAccessRule["actions"]>["appSignOn"]>["verificationMethod"], why: string[]): Assurance | undefined {
  if ((v?.type ?? "ASSURANCE") !== "ASSURANCE") {
    why.push(`verification ${v?.type} (authentication method chains)`);
    return undefined;
  }
  const constraints = constraintsOf(v?.constraints, why);
  const assurance: Assurance = {
    factorMode: v?.factorMode === "1FA" ? "1FA" : "2FA",
    ...(constraints.length ? { constraints } : {}),
    ...(v?.reauthenticateIn ? { reauthenticateIn: v.reauthenticateIn } : {}),
  };
  const problems = new Problems();
  checkAssurance(problems, "assurance", assurance);
  if (!problems.isEmpty) why.push("factors this config does not accept");
  return assurance;
}

/**
 * Maps the org's authentication policies that imported apps use: each policy whose every rule,
 * catch-all and zone this config can hold becomes config (rules renumbered 1..n in Okta's order);
 * any other, and Okta's system policy ("Any two factors"), stays in Okta, and its apps stay on it
 * by id (`authenticationPolicyId`), so the first deploy moves no app to another policy.
 */
export function mapSignOn(snapshot: OrgSnapshot, groupNames: ReadonlyMap<string, string>, everyoneId: string | undefined, exclude: ReadonlyMap<string, string>, log: ImportLog): MappedSignOn {
  const adopt = new Map<string, string>();
  const zonesById = new Map((snapshot.zones ?? []).map((z) => [z.id, z]));
  const zoneConfigs = new Map<string, NetworkZoneConfig>();
  const zoneReason = new Map<string, string>();
  const zoneName = (id: string): string | undefined => {
    if (zoneConfigs.has(id)) return zoneConfigs.get(id)!.name;
    if (zoneReason.has(id)) return undefined;
    const z = zonesById.get(id);
    const why: string[] = z ? [] : ["it was not read"];
    if (exclude.has(id)) why.push(`the constructs refuse it: ${exclude.get(id)}`);
    const config = z ? zoneConfigOf(z, why) : undefined;
    if (!config || why.length) {
      zoneReason.set(id, why.join("; "));
      return undefined;
    }
    if ([...zoneConfigs.values()].some((x) => x.name.toLowerCase() === config.name.toLowerCase())) {
      zoneReason.set(id, "its name repeats another zone's");
      return undefined;
    }
    zoneConfigs.set(id, config);
    return config.name;
  };
  const groupName = (id: string) => (id === everyoneId ? "Everyone" : groupNames.get(id));
  const userTypesRead = snapshot.userTypes;
  const userTypeName = (id: string, why: string[]): string | undefined => {
    if (typeof userTypesRead === "string") return void why.push(`user types could not be read (${userTypesRead})`);
    const name = (userTypesRead ?? []).find((t) => t.id === id)?.name;
    if (name === undefined) return void why.push(`user type ${id}, which was not read`);
    if (userTypeNameProblem("user type", name)) return void why.push(`user type ${JSON.stringify(name)}, whose name this config does not accept`);
    return name;
  };
  const used = new Set(snapshot.apps.map(accessPolicyIdOf).filter((x): x is string => !!x));
  const policies: Record<string, AuthenticationPolicyConfig> = {};
  const keyOf = new Map<string, string>();
  for (const { policy, rules } of snapshot.accessPolicies ?? []) {
    const name = policy.name ?? policy.id;
    if (!used.has(policy.id)) continue;
    const why = policyReasons(policy, exclude);
    const active = rules.filter((r) => !r.system && r.status !== "INACTIVE").sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    const mapped = active.map((r, i) => {
      const ruleWhy: string[] = [];
      const rule = ruleOf(r, i + 1, groupName, zoneName, userTypeName, ruleWhy);
      if (ruleWhy.length) why.push(`rule "${r.name ?? r.id}": ${ruleWhy.join("; ")}`);
      return rule;
    });
    const catchAllRule = rules.find((r) => r.system);
    const catchAll = catchAllOf(catchAllRule, why);
    const names = active.map((r) => r.name ?? r.id);
    if (new Set(names).size !== names.length) why.push("two rules have one name");
    if (active.length > 98) why.push("more than 98 rules");
    if (why.length) {
      log.add("authentication policy", name, policy.id, "not imported", `${why.join("; ")}. It stays in Okta, unmanaged, and its apps stay on it (authenticationPolicyId)`);
      continue;
    }
    const key = uniquePolicyKey(name, new Set(Object.keys(policies)));
    keyOf.set(policy.id, key);
    // Okta may hold no description (the provider reads it as ""): kept as it is, not given ours.
    // Names that differ only in what a construct id drops ("Office only", "Office-only") get ids of their own.
    const withIds = withExplicitIds(mapped as AuthenticationRuleConfig[]);
    policies[key] = { name, description: policy.description ?? "", catchAll, rules: withIds };
    adopt.set(`AuthPolicy-${key}/Policy`, policy.id);
    active.forEach((r, i) => adopt.set(`AuthPolicy-${key}/Rule-${constructKey(withIds[i])}`, `${policy.id}/${r.id}`));
    for (const r of rules.filter((x) => x.status === "INACTIVE")) log.add("sign-on rule", `${name} / ${r.name ?? r.id}`, r.id, "not imported", "inactive (Okta does not evaluate it): it stays in Okta, unmanaged");
    log.imported("authentication policy", name, policy.id, active.some((r, i) => r.priority !== i + 1) ? [`rule priorities renumbered 1..${active.length} (Okta's order kept)`] : []);
  }
  for (const { policy } of snapshot.accessPolicies ?? []) {
    if (!used.has(policy.id) && !policy.system) log.add("authentication policy", policy.name ?? policy.id, policy.id, "skipped", "no imported app uses it: it stays in Okta, unmanaged");
  }
  for (const [id, z] of zonesById) {
    if (zoneConfigs.has(id)) log.imported("network zone", z.name ?? id, id);
    else log.add("network zone", z.name ?? id, id, zoneReason.has(id) ? "not imported" : "skipped", zoneReason.get(id) ?? "no imported rule names it: it stays in Okta, unmanaged");
  }
  // Zones are named by imported rules only; a policy left out may have claimed one first.
  const named = new Set(Object.values(policies).flatMap((p) => p.rules.flatMap((r) => (r.zones ? ("in" in r.zones ? r.zones.in : r.zones.notIn) : []))));
  const kept = [...zoneConfigs].filter(([, z]) => named.has(z.name));
  // Names that differ only in what a construct id drops ("Office 1", "Office-1") get ids of their own.
  const networkZones = withExplicitIds(kept.map(([, z]) => z));
  networkZones.forEach((z, i) => adopt.set(`Zone-${constructKey(z)}/Zone`, kept[i][0]));
  return {
    networkZones,
    policies,
    adopt,
    policyOf: (app) => {
      const id = accessPolicyIdOf(app);
      if (!id) return undefined;
      const key = keyOf.get(id);
      return key ? { authenticationPolicy: key } : { authenticationPolicyId: id };
    },
  };
}

function policyReasons(policy: OktaAccessPolicy, exclude: ReadonlyMap<string, string>): string[] {
  const why: string[] = [];
  if (policy.system) why.push("Okta's default policy for new apps (system): Okta owns it");
  if (policy.status === "INACTIVE") why.push("inactive");
  if (exclude.has(policy.id)) why.push(`the constructs refuse it: ${exclude.get(policy.id)}`);
  return why;
}

/**
 * The catch-all as config can hold it: DENY, or ALLOW with Okta's own default (two factors, no
 * constraint), which is what this config assumes of an ALLOW catch-all.
 */
function catchAllOf(rule: OktaAccessRule | undefined, why: string[]): "DENY" | "ALLOW" {
  const a = rule?.actions?.appSignOn;
  if (!rule || a?.access === "DENY") return "DENY";
  const v = a?.verificationMethod;
  const constraints = (v?.constraints ?? []).filter((c) => Object.keys(c ?? {}).length);
  if ((v?.type ?? "ASSURANCE") !== "ASSURANCE" || v?.factorMode === "1FA" || constraints.length) {
    why.push(`its ${CATCH_ALL_RULE} allows with ${v?.factorMode ?? "?"}${constraints.length ? " and constraints" : ""}, which this config cannot hold (Okta sets a catch-all only when it creates a policy)`);
  }
  return "ALLOW";
}

function uniquePolicyKey(name: string, taken: ReadonlySet<string>): string {
  const slugged = slug(name).toLowerCase() || "policy";
  // A policy named "__proto__" would be no key of the object it is put in (OBJECT_MEMBERS).
  const base = OBJECT_MEMBERS.has(slugged) ? `policy-${slugged}` : slugged;
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}
