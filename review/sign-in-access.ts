import { Strength, atLeastAsStrong, describeAssurance, strengthOf } from "../constructs/assurance";
import { DEVICES, OTHER_USER_TYPES, OUTSIDE_ZONES, RISKS, SignOnModel, SignOnPolicy, SignOnRule, peopleMatch } from "./sign-on-model";
import { appendAll } from "../constructs/append-all";

/**
 * The sign-in half of the access model: for each app and each group assigned to it, every way
 * in its authentication policy leaves open, with the assurance asked and from where. A way in is
 * a region of (zone, user type, device, risk) in which a rule ALLOWs, minus the regions earlier rules took
 * (Okta stops at the first match). Conditions this model cannot evaluate offline (platforms,
 * Okta expressions) are kept as a note and never taken to stop anyone: the review errs towards
 * showing a way in.
 */

export interface SignInRow {
  readonly app: string;
  readonly appKey: string;
  readonly who: string;
  /** `2FA: password + possession`, `denied`, or the org default's. */
  readonly assurance: string;
  /** `any zone`, `in "Corporate"`, `not in "Corporate", managed device`, `any zone, user type "contractor"`. */
  readonly where: string;
  /** Strength as `<factors>/<possession level>` (constructs/assurance.ts), for comparing rows. */
  readonly strength: string;
  /** The region, canonical: zones|devices|risks|user types, each sorted, `*` for all. */
  readonly region: string;
  /** The policy and rule. Display only. */
  readonly via: string;
  readonly owner?: string;
}

/** Assurance label of an app on the org's default policy. */
export const UNDECLARED = "org default policy (not declared)";
/** Assurance label of a region a DENY rule stops. */
export const DENIED = "denied";

interface Box {
  readonly zones: ReadonlySet<string>;
  readonly devices: ReadonlySet<string>;
  readonly risks: ReadonlySet<string>;
  readonly userTypes: ReadonlySet<string>;
}

type Dim = keyof Box;
const DIMS: readonly Dim[] = ["zones", "devices", "risks", "userTypes"];

/** The atoms a stack's regions are made of: its zones and the user types its rules name, each with "any other". */
export interface Atoms {
  readonly zones: readonly string[];
  readonly userTypes: readonly string[];
}

function atomsOf(model: SignOnModel): Atoms {
  const types = new Set<string>();
  for (const p of model.policies.values()) for (const r of p.rules) for (const t of r.userTypes?.names ?? []) types.add(t);
  return { zones: [...[...model.zones.values()].map((z) => z.name).sort(), OUTSIDE_ZONES], userTypes: [...[...types].sort(), OTHER_USER_TYPES] };
}

function intersect(a: Box, b: Box): Box | undefined {
  const out = {} as Record<Dim, Set<string>>;
  for (const d of DIMS) {
    out[d] = new Set([...a[d]].filter((x) => b[d].has(x)));
    if (!out[d].size) return undefined;
  }
  return out;
}

/** a \ b as disjoint boxes. */
function subtract(a: Box, b: Box): Box[] {
  if (!intersect(a, b)) return [a];
  const out: Box[] = [];
  let rest: Box = a;
  for (const d of DIMS) {
    const outside = new Set([...rest[d]].filter((x) => !b[d].has(x)));
    if (outside.size) out.push({ ...rest, [d]: outside });
    rest = { ...rest, [d]: new Set([...rest[d]].filter((x) => b[d].has(x))) };
  }
  return out;
}

/** The atoms a condition takes in: those it names (`in`), or all the others (`notIn`). */
function taken(atoms: readonly string[], condition: { readonly mode: "in" | "notIn"; readonly names: readonly string[] } | undefined): readonly string[] {
  if (!condition) return atoms;
  return condition.mode === "in" ? atoms.filter((a) => condition.names.includes(a)) : atoms.filter((a) => !condition.names.includes(a));
}

function ruleBox(rule: SignOnRule, atoms: Atoms): Box {
  const devices = rule.device === "managed" ? ["managed"] : rule.device === "registered" ? ["registered", "managed"] : DEVICES;
  const risks = rule.risk ? RISKS.filter((r) => r === rule.risk) : RISKS;
  return { zones: new Set(taken(atoms.zones, rule.zones)), devices: new Set(devices), risks: new Set(risks), userTypes: new Set(taken(atoms.userTypes, rule.userTypes)) };
}

/** `any zone`, `in "A", "B"` or `not in "A"`: a dimension's atoms, with "any other" last. */
function spanOf(set: ReadonlySet<string>, atoms: readonly string[], other: string, all: string, prefix: string): string {
  if (set.size === atoms.length) return all;
  if (set.has(other)) return `${prefix}not ${atoms.filter((a) => !set.has(a)).map((a) => JSON.stringify(a)).join(", ")}`;
  return `${prefix}${[...set].map((a) => JSON.stringify(a)).join(", ")}`;
}

function whereOf(box: Box, atoms: Atoms, notes: readonly string[]): string {
  const parts: string[] = [];
  parts.push(spanOf(box.zones, atoms.zones, OUTSIDE_ZONES, "any zone", "in ").replace(/^in not /, "not in "));
  if (box.userTypes.size !== atoms.userTypes.length) parts.push(spanOf(box.userTypes, atoms.userTypes, OTHER_USER_TYPES, "", "user type ").replace(/^user type not /, "not user type "));
  if (box.devices.size !== DEVICES.length) parts.push(box.devices.has("unregistered") ? `${[...box.devices].join(" or ")} device` : box.devices.has("registered") ? "registered device" : "managed device");
  if (box.risks.size !== RISKS.length) parts.push(`risk ${[...box.risks].join(" or ")}`);
  appendAll(parts, notes);
  return parts.join(", ");
}

function regionOf(box: Box, atoms: Atoms): string {
  const dim = (set: ReadonlySet<string>, all: readonly string[]) => (set.size === all.length ? "*" : [...set].sort().join(","));
  return [dim(box.zones, atoms.zones), dim(box.devices, DEVICES), dim(box.risks, RISKS), dim(box.userTypes, atoms.userTypes)].join("|");
}

/** Every way in (and every region denied) for someone in all of `groups`. */
export function waysIn(policy: SignOnPolicy, groups: readonly string[], atoms: Atoms): { rule: SignOnRule; box: Box; notes: string[] }[] {
  let region: Box[] = [{ zones: new Set(atoms.zones), devices: new Set(DEVICES), risks: new Set(RISKS), userTypes: new Set(atoms.userTypes) }];
  const out: { rule: SignOnRule; box: Box; notes: string[] }[] = [];
  for (const rule of policy.rules) {
    if (!region.length) break;
    if (!peopleMatch(rule, groups)) continue;
    const box = ruleBox(rule, atoms);
    const notes = [...(rule.platforms.length ? [`platform ${rule.platforms.map((p) => `${p.type}/${p.os}`).join(" or ")}`] : []), ...rule.opaque.map((o) => `if ${o} match`)];
    const hit = region.map((r) => intersect(r, box)).filter((b): b is Box => !!b);
    // A rule that may not match (platform, opaque) takes no region: users it misses go on.
    if (notes.length) {
      if (rule.access === "ALLOW") hit.forEach((b) => out.push({ rule, box: b, notes }));
      continue;
    }
    hit.forEach((b) => out.push({ rule, box: b, notes }));
    region = region.flatMap((r) => subtract(r, box));
  }
  return out;
}

/** The sign-in rows of a stack. `audiences` gives, per app, who is assigned (labels and the groups each stands for). */
export function signInRows(
  model: SignOnModel,
  apps: readonly { address: string; name: string; owner?: string; audiences: readonly { label: string; groups: readonly string[] }[] }[],
): SignInRow[] {
  const atoms = atomsOf(model);
  const rows: SignInRow[] = [];
  for (const app of apps) {
    if (!model.appPolicy.has(app.address)) continue;
    const policyAddress = model.appPolicy.get(app.address);
    const policy = policyAddress ? model.policies.get(policyAddress) : undefined;
    for (const audience of app.audiences) {
      const base = { app: app.name, appKey: app.address, who: audience.label, ...(app.owner ? { owner: app.owner } : {}) };
      if (!policy) {
        // Its factors are not known here: counted as the weakest, so declaring a policy never broadens.
        const unmanaged = policyAddress?.replace(/^unmanaged:/, "");
        rows.push({ ...base, assurance: unmanaged ? `policy ${unmanaged} (not managed here)` : UNDECLARED, where: "any zone", strength: "1/0", region: "*|*|*|*", via: unmanaged ? "(a policy left in Okta)" : "(the org's default policy)" });
        continue;
      }
      for (const way of waysIn(policy, ["Everyone", ...audience.groups], atoms)) {
        const strength = way.rule.assurance ? strengthOf(way.rule.assurance) : undefined;
        rows.push({
          ...base,
          assurance: way.rule.access === "DENY" ? DENIED : describeAssurance(way.rule.assurance!),
          where: whereOf(way.box, atoms, way.notes),
          strength: strength ? `${strength.factors}/${strength.possession}` : "deny",
          region: regionOf(way.box, atoms) + (way.notes.length ? `|${way.notes.join(";")}` : ""),
          via: `${policy.name} › ${way.rule.name}`,
        });
      }
    }
  }
  return rows;
}

function parseStrength(s: string): Strength | undefined {
  const m = /^([12])\/([0-3])$/.exec(s);
  return m ? { factors: Number(m[1]) as 1 | 2, possession: Number(m[2]) as Strength["possession"] } : undefined;
}

function regionWithin(inner: string, outer: string): boolean {
  const a = inner.split("|");
  const b = outer.split("|");
  // Conditions the model cannot evaluate (5th part) make a region narrower, never wider.
  if (b.length > 4 && (a.length <= 4 || a[4] !== b[4])) return false;
  return [0, 1, 2, 3].every((i) => b[i] === "*" || (a[i] !== "*" && a[i].split(",").every((x) => b[i].split(",").includes(x))));
}

/**
 * Whether a new way in weakens access: true unless a way in the base, for the same app and
 * people, already let them in from at least that region with at most that assurance. A new
 * DENY never weakens.
 */
export function weakens(row: SignInRow, before: readonly SignInRow[]): boolean {
  if (row.assurance === DENIED) return false;
  const strength = parseStrength(row.strength);
  if (!strength) return true;
  return !before.some((b) => {
    if (b.appKey !== row.appKey || b.who !== row.who || b.assurance === DENIED) return false;
    const old = parseStrength(b.strength);
    return !!old && atLeastAsStrong(strength, old) && regionWithin(row.region, b.region);
  });
}
