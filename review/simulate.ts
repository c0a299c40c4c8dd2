import { describeAssurance } from "../constructs/assurance";
import { DEFAULT_USER_TYPE } from "../constructs/user-type";
import { SignOnModel, SignOnPolicy, SignOnRule, peopleMatch } from "./sign-on-model";

/**
 * Offline simulation of one sign-in, as Okta evaluates an app's authentication policy: ACTIVE
 * rules by priority, the first whose every condition holds decides, the catch-all last. Unlike
 * Okta's simulate API (POST /api/v1/policies/simulate) it needs no org: it reads the synthesized
 * stack, so it answers for a change before it is deployed. What it cannot know it says: a
 * condition it cannot evaluate offline (Okta expressions, listed users) is taken as not met.
 */

export type Device = "unregistered" | "registered" | "managed";

export interface SignInRequest {
  /** Groups the user is in (Everyone is implied). */
  readonly groups: readonly string[];
  /** Zones the request comes from; empty: from no declared zone. */
  readonly zones: readonly string[];
  /** @default "unregistered" */
  readonly device: Device;
  /** Not given: a rule that conditions on the platform does not match. */
  readonly platform?: { readonly type: "MOBILE" | "DESKTOP"; readonly os?: string };
  /** Not given: a rule that conditions on risk does not match. */
  readonly risk?: "LOW" | "MEDIUM" | "HIGH";
  /** The user's type by name. @default "user" (Okta's default type, which every user has unless given another) */
  readonly userType?: string;
}

export interface RuleTrace {
  readonly rule: string;
  readonly priority: number;
  readonly access: "ALLOW" | "DENY";
  readonly matched: boolean;
  /** Why it did not match (empty when it matched). */
  readonly why: readonly string[];
}

export interface Simulation {
  readonly app: string;
  readonly policy: string;
  /** UNKNOWN: the app's policy is not in this config (the org's default, or one left in Okta). */
  readonly outcome: "ALLOW" | "DENY" | "NOT_ASSIGNED" | "UNKNOWN";
  /** The rule that decided, or undefined when the user is not assigned to the app. */
  readonly rule?: string;
  /** `2FA: password + possession` for ALLOW. */
  readonly assurance?: string;
  readonly reauthenticateIn?: string;
  /** Every rule evaluated, in order, up to the one that decided. */
  readonly trace: readonly RuleTrace[];
  readonly notes: readonly string[];
}

const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

/** Why a rule does not match the request; empty when it does. */
export function whyNot(rule: SignOnRule, request: SignInRequest): string[] {
  const why: string[] = [];
  const groups = ["Everyone", ...request.groups];
  const excluded = rule.groupsExcluded.filter((g) => groups.includes(g));
  if (excluded.length) why.push(`the user is in ${list(excluded)}, which the rule excludes`);
  else if (!peopleMatch(rule, groups)) why.push(`the user is in none of ${list(rule.groups)}`);
  if (rule.zones?.mode === "in" && !rule.zones.names.some((z) => request.zones.includes(z))) {
    why.push(`the request is not from ${rule.zones.names.length === 1 ? "zone" : "any of zones"} ${list(rule.zones.names)}${request.zones.length ? ` (it is from ${list(request.zones)})` : " (it is from no declared zone)"}`);
  }
  if (rule.zones?.mode === "notIn") {
    const inside = rule.zones.names.filter((z) => request.zones.includes(z));
    if (inside.length) why.push(`the request is from ${list(inside)}, which the rule excludes`);
  }
  if (rule.userTypes) {
    const type = request.userType ?? DEFAULT_USER_TYPE;
    const named = rule.userTypes.names.includes(type);
    if (rule.userTypes.mode === "in" && !named) why.push(`the user's type is "${type}", not ${rule.userTypes.names.length === 1 ? "" : "one of "}${list(rule.userTypes.names)}`);
    if (rule.userTypes.mode === "notIn" && named) why.push(`the user's type is "${type}", which the rule excludes`);
  }
  if (rule.device === "registered" && request.device === "unregistered") why.push("the device is not registered");
  if (rule.device === "managed" && request.device !== "managed") why.push("the device is not managed");
  if (rule.platforms.length) {
    const p = request.platform;
    if (!p) why.push(`the rule needs platform ${rule.platforms.map((x) => `${x.type}/${x.os}`).join(" or ")} and none was given`);
    else if (!rule.platforms.some((x) => (x.type === "ANY" || x.type === p.type) && (x.os === "ANY" || x.os === (p.os ?? "")))) {
      why.push(`the platform ${p.type}${p.os ? `/${p.os}` : ""} is not ${rule.platforms.map((x) => `${x.type}/${x.os}`).join(" or ")}`);
    }
  }
  if (rule.risk !== undefined && request.risk !== rule.risk) why.push(request.risk ? `the risk is ${request.risk}, not ${rule.risk}` : `the rule needs risk ${rule.risk} and none was given`);
  for (const o of rule.opaque) why.push(`it conditions on ${o}, which cannot be evaluated offline (taken as not met)`);
  return why;
}

/** The decision for one policy and request. */
export function simulatePolicy(policy: SignOnPolicy, request: SignInRequest): Omit<Simulation, "app" | "notes"> {
  const trace: RuleTrace[] = [];
  for (const rule of policy.rules) {
    const why = whyNot(rule, request);
    trace.push({ rule: rule.name, priority: rule.priority, access: rule.access, matched: why.length === 0, why });
    if (why.length) continue;
    return {
      policy: policy.name,
      outcome: rule.access,
      rule: rule.name,
      ...(rule.assurance ? { assurance: describeAssurance(rule.assurance), reauthenticateIn: rule.assurance.reauthenticateIn } : {}),
      trace,
    };
  }
  // Unreachable with a catch-all, which has no conditions; kept for a policy read without one.
  return { policy: policy.name, outcome: "DENY", trace };
}

/** A sign-in to an app (by Terraform address): its assignment first, as Okta checks it before policies. */
export function simulate(model: SignOnModel, app: { address: string; label: string; assigned: readonly string[] }, request: SignInRequest): Simulation {
  const notes: string[] = [];
  const policyAddress = model.appPolicy.get(app.address);
  const policy = policyAddress ? model.policies.get(policyAddress) : undefined;
  const groups = ["Everyone", ...request.groups];
  if (!app.assigned.some((g) => groups.includes(g))) {
    return { app: app.label, policy: policy?.name ?? "(the org's default policy)", outcome: "NOT_ASSIGNED", trace: [], notes: [`the app is assigned to ${list(app.assigned) || "no group"}; Okta refuses the user before any policy is evaluated`] };
  }
  if (!policy) {
    const unmanaged = policyAddress?.replace(/^unmanaged:/, "");
    return {
      app: app.label,
      policy: unmanaged ? `policy ${unmanaged} (not managed here)` : "(the org's default policy)",
      outcome: "UNKNOWN",
      trace: [],
      notes: [unmanaged ? `the app is on a policy this config does not manage (${unmanaged}): its rules are not known here` : "the app declares no authentication policy: Okta applies the org's default (\"Any two factors\" unless someone changed it), which this config does not know"],
    };
  }
  if (!request.zones.length) notes.push("no --zone given: the request is taken as coming from no declared zone");
  if (request.userType === undefined && policy.rules.some((r) => r.userTypes)) notes.push(`no --user-type given: the user is taken to be of Okta's default type "${DEFAULT_USER_TYPE}"`);
  return { app: app.label, ...simulatePolicy(policy, request), notes };
}
