import { createHash } from "crypto";
import { Finding } from "../guardrails/types";
import { AccessMatrix, accessOf, groupNaming, rowKey } from "./access";
import { AccessDiff, ResourceChange, broadens, diffAccess, diffResources, renamedApps, tableDiffs, withRenames } from "./diff";
import { StackPlan } from "./plan";
import { SynthesizedStack, compareStacks, environmentOfStack, ownerOf } from "./stack-json";
import { code, inert, md } from "./inert";
import { StackCost, costOf } from "./cost";

export interface StackReview {
  readonly stack: string;
  readonly environment: string;
  /** The stack is new in the head, gone from it, or in both. */
  readonly presence: "added" | "removed" | "both";
  /** import: resources new in code that adopt existing Okta objects (import blocks), not creates. */
  readonly summary: { readonly add: number; readonly import: number; readonly change: number; readonly destroy: number };
  /** Destroys, replacements and changes to prevent_destroy resources: each gets a loud line (Markdown; values from config made inert). */
  readonly warnings: readonly string[];
  readonly broadensAccess: boolean;
  /**
   * Destroys and replacements of apps, servers, groups, policies and rules: each is an outage
   * for someone (a replaced app has a new client id every deployed client lacks). Plain text.
   */
  readonly outages: readonly string[];
  readonly access: AccessDiff;
  readonly resources: readonly ResourceChange[];
  /** Unsuppressed guardrail findings in the head that the base did not have. */
  readonly newFindings: readonly Finding[];
  /** What a real `terraform plan` of the head will do, when one was given (--plan). */
  readonly plan?: StackPlan;
  /** The changes per owning team (apps' owners); empty when no app has an owner. */
  readonly byTeam: readonly TeamChanges[];
  /** Okta API requests the PR plan and the deploy of this change make (an estimate from the provider's call table). */
  readonly cost: StackCost;
}

export interface TeamChanges {
  readonly team: string;
  readonly accessAdded: number;
  readonly accessRemoved: number;
  readonly resources: number;
}

export interface ReviewReport {
  readonly base: string;
  readonly head: string;
  /** Prod first, then staging, then dev. */
  readonly stacks: readonly StackReview[];
  /** Environments in which some stack broadens access. */
  readonly broadeningIn: readonly string[];
  /** Environments in which some stack destroys or replaces an app, server, group, policy or rule. */
  readonly outagesIn: readonly string[];
}

/**
 * What a maintainer approves for the gated environments: every access row added, every new
 * broad marker and every outage, as canonical lines, and their sha256. An approval covers one
 * digest: a later push that changes any of these lines needs a new approval; one that changes
 * none (a README edit) keeps it.
 */
export interface Gate {
  readonly environments: readonly string[];
  readonly items: readonly string[];
  readonly digest: string;
}

export function gateOf(stacks: readonly StackReview[], environments: readonly string[]): Gate {
  const items: string[] = [];
  for (const s of stacks.filter((x) => environments.includes(x.environment))) {
    const a = s.access;
    for (const [table, diff] of tableDiffs(a)) for (const row of diff.added) items.push(`${s.stack} +${table} ${rowKey(row)}`);
    for (const m of a.newMarkers) items.push(`${s.stack} +marker ${JSON.stringify(m)}`);
    for (const o of s.outages) items.push(`${s.stack} outage ${JSON.stringify(o)}`);
  }
  items.sort();
  return { environments: [...environments], items, digest: createHash("sha256").update(items.join("\n")).digest("hex") };
}

/** Resource types whose destroy or replacement takes sign-in or tokens away from someone. */
export const OUTAGE_TYPES = /^okta_(app_(oauth|saml|swa|auto_login|bookmark|basic_auth|three_field|signon_policy(_rule)?)|auth_server(_policy(_rule)?)?|group|group_rule|policy_.*)$/;

/**
 * The outages among resource changes: destroys and replacements of OUTAGE_TYPES, renames
 * included. Worded as the deploy check words Terraform's plan (by address), so a change approved
 * on its pull request has the same gate digest at deploy time when prod was up to date.
 */
export function outagesOf(resources: readonly ResourceChange[]): string[] {
  return resources
    .filter((r) => OUTAGE_TYPES.test(r.type) && (r.kind === "destroy" || r.replacedBy))
    .map((r) => `${r.kind === "destroy" ? "destroys" : "replaces"} ${r.type}${r.label !== undefined ? ` ${JSON.stringify(r.label)}` : ""} (${r.address})`);
}

const EMPTY_ACCESS: AccessMatrix = { grants: [], assignments: [], management: [], origins: [], claims: [], signIns: [], markers: [] };

/** Compares two synthesized apps stack by stack. Pure: reads only the given JSON. */
export function buildReview(base: ReadonlyMap<string, SynthesizedStack>, head: ReadonlyMap<string, SynthesizedStack>, labels: { base: string; head: string }): ReviewReport {
  const ids = [...new Set([...base.keys(), ...head.keys()])].sort(compareStacks);
  const stacks = ids.map((id) => reviewStack(id, base.get(id), head.get(id)));
  const broadeningIn = [...new Set(stacks.filter((s) => s.broadensAccess).map((s) => s.environment))];
  const outagesIn = [...new Set(stacks.filter((s) => s.outages.length).map((s) => s.environment))];
  return { base: labels.base, head: labels.head, stacks, broadeningIn, outagesIn };
}

function reviewStack(id: string, before: SynthesizedStack | undefined, after: SynthesizedStack | undefined): StackReview {
  const resources = diffResources(before?.json, after?.json);
  const renames = renamedApps(resources);
  // Each group by what it is at head on both sides: a rename in place is no access change, and a
  // name that moved to another group is not mistaken for the same group.
  const groups = groupNaming(before?.json, after?.json);
  const access = diffAccess(withRenames(before ? accessOf(before.json, before.owners, groups.label) : EMPTY_ACCESS, renames), after ? accessOf(after.json, after.owners, groups.label) : EMPTY_ACCESS);
  const warnings: string[] = [];
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  for (const [address, { from, to }] of groups.renamed) {
    // A group Terraform replaces is a new group, not a rename (its own warning says so).
    if (byAddress.get(address)?.replacedBy) continue;
    warnings.push(md`renames group "${from}" to "${to}" in place: the same Okta group, its members, assignments and rules kept; a groups claim now carries the new name, which an API that checks group names sees`.text);
  }
  for (const [from, to] of renames) {
    const old = byAddress.get(from)!;
    const now = byAddress.get(to)!;
    warnings.push(
      md`renames ${old.type} "${old.label ?? ""}" (${code(old.path)} → ${code(now.path)}): its construct id changed, so Terraform replaces it`.text +
        `${old.type === "okta_app_oauth" ? ": a new client id every client must be given, and its &lt;id&gt;_client_id output is renamed" : ": a new app id"}. Access is unchanged.`,
    );
  }
  const renamedTo = new Set(renames.values());
  for (const r of resources) {
    if (renames.has(r.address) || renamedTo.has(r.address)) continue;
    const what = md`${r.type} ${r.label ? `"${r.label}" ` : ""}(${code(r.path)})`.text;
    if (r.kind === "destroy") warnings.push(`destroys ${what}${r.preventDestroy ? ": it carries prevent_destroy, so Terraform will refuse and the deploy fails" : ""}`);
    else if (r.replacedBy) warnings.push(`replaces ${what}: ${inert(r.replacedBy.join(", "))} changed${r.type === "okta_app_oauth" ? ", so the app gets a new client id" : ""}${r.preventDestroy ? "; it carries prevent_destroy, so Terraform will refuse" : ""}`);
    else if (r.kind === "change" && r.preventDestroy) warnings.push(`changes ${what}, which carries prevent_destroy`);
    // The provider applies catch_all on create only (resource_okta_app_signon_policy.go; #1251).
    if (r.kind === "change" && r.type === "okta_app_signon_policy" && r.attributes.some((a) => a.attribute === "catch_all")) {
      warnings.push(`changes the catch-all of ${what}: Okta applies it only when it creates a policy, so this changes nothing in Okta and the sign-in rows of its catch-all will not be true. Fix: give the policy a new key in config (a new policy, created with this catch-all) and move its apps to it`);
    }
  }
  const known = new Set((before?.findings ?? []).filter((f) => !f.suppressed).map(findingKey));
  const newFindings = (after?.findings ?? []).filter((f) => !f.suppressed && !known.has(findingKey(f)));
  return {
    stack: id,
    environment: environmentOfStack(id),
    presence: !before ? "added" : !after ? "removed" : "both",
    summary: {
      add: resources.filter((r) => r.kind === "add").length,
      import: resources.filter((r) => r.kind === "import").length,
      change: resources.filter((r) => r.kind === "change").length,
      destroy: resources.filter((r) => r.kind === "destroy").length,
    },
    warnings,
    broadensAccess: broadens(access),
    outages: outagesOf(resources),
    access,
    resources,
    newFindings,
    byTeam: teamsOf(access, resources, { ...(before?.owners ?? {}), ...(after?.owners ?? {}) }),
    cost: costOf(resources, after?.json),
  };
}

/** Access rows and resources changed, per owning team; "(no owner)" for the rest when some have one. */
function teamsOf(access: AccessDiff, resources: readonly ResourceChange[], owners: Readonly<Record<string, string>>): TeamChanges[] {
  if (Object.keys(owners).length === 0) return [];
  const teams = new Map<string, { accessAdded: number; accessRemoved: number; resources: number }>();
  const of = (team: string | undefined) => {
    const key = team ?? "(no owner)";
    if (!teams.has(key)) teams.set(key, { accessAdded: 0, accessRemoved: 0, resources: 0 });
    return teams.get(key)!;
  };
  for (const r of [...access.grants.added, ...access.assignments.added, ...access.signIns.added]) of(r.owner).accessAdded++;
  for (const r of [...access.grants.removed, ...access.assignments.removed, ...access.signIns.removed, ...access.signIns.strengthened]) of(r.owner).accessRemoved++;
  for (const r of resources) of(ownerOf(owners, r.path)).resources++;
  return [...teams].map(([team, c]) => ({ team, ...c })).sort((a, b) => a.team.localeCompare(b.team));
}

function findingKey(f: Finding): string {
  return `${f.rule}|${f.path}|${f.detail}|${f.level}`;
}

/** `okta-prod: +2 ~1 -0` */
export function summaryOf(review: StackReview): string {
  const { add, change, destroy } = review.summary;
  return `${inert(review.stack)}: +${add} ~${change} -${destroy}${review.summary.import ? ` ⇐${review.summary.import} imported` : ""}`;
}

export function isUnchanged(review: StackReview): boolean {
  return review.resources.length === 0 && review.newFindings.length === 0 && !review.plan?.changes.length;
}

/** The report with real plans attached to their stacks. */
export function withPlans(report: ReviewReport, plans: ReadonlyMap<string, StackPlan>): ReviewReport {
  if (plans.size === 0) return report;
  return { ...report, stacks: report.stacks.map((s) => (plans.has(s.stack) ? { ...s, plan: plans.get(s.stack) } : s)) };
}
