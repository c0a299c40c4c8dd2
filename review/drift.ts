import { AccessMatrix, accessOf } from "./access";
import { AccessDiff, AttributeChange, attributeChanges, broadens, diffAccess } from "./diff";
import { MARKDOWN_LIMIT, accessDiffCounts, fitted, rowDiffTable, signInDiffTable } from "./markdown";
import { code, inert } from "./inert";
import { escapeFreeText } from "../terraform/interpolations";
import { appendAll } from "../constructs/append-all";

/**
 * Drift: what changed in Okta outside code, read from a real Terraform plan (`terraform show
 * -json`): a refresh-only plan's `resource_drift`, or a plan's in-place updates (Okta holds one
 * value, config another). Told in the review's language: who gained or lost a token, an app
 * assignment, an okta.* grant or a trusted origin outside code, plus the raw attribute changes.
 */

type Json = Record<string, unknown>;

export interface StateResource {
  address: string;
  mode: string;
  type: string;
  name: string;
  values: Json;
}

interface Change {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  change?: { actions?: string[]; before?: Json | null; after?: Json | null; before_sensitive?: unknown; after_sensitive?: unknown };
}

export interface DriftedResource {
  readonly address: string;
  readonly type: string;
  /** "changed" in Okta, or "deleted" in Okta (Terraform will create it again). */
  readonly kind: "changed" | "deleted";
  readonly attributes: readonly AttributeChange[];
}

export interface DriftReport {
  readonly stack: string;
  readonly drifted: readonly DriftedResource[];
  /** From what code says (-) to what Okta has (+). */
  readonly access: AccessDiff;
  /** Okta grants more than code does: someone widened access by hand. */
  readonly broadened: boolean;
}

export function stateResources(module: Json | undefined, out: StateResource[] = []): StateResource[] {
  for (const r of (module?.resources ?? []) as StateResource[]) out.push(r);
  for (const child of (module?.child_modules ?? []) as Json[]) stateResources(child, out);
  return out;
}

/**
 * A stack JSON the access model can read, from state values: ids that belong to another
 * resource become references to it again (`${okta_group.x.id}`), as in the synthesized JSON.
 */
export function stackJsonFromState(resources: readonly StateResource[]): Json {
  const ref = new Map<string, string>();
  for (const r of resources) {
    const prefix = r.mode === "data" ? "data." : "";
    // An access policy assignment's id is its app's: the id names the app, not the assignment.
    if (r.type === "okta_app_access_policy_assignment") continue;
    if (typeof r.values.id === "string") ref.set(r.values.id, `\${${prefix}${r.type}.${r.name}.id}`);
    if (r.type === "okta_app_oauth" && typeof r.values.client_id === "string") ref.set(r.values.client_id, `\${okta_app_oauth.${r.name}.client_id}`);
  }
  const relink = (value: unknown, key: string): unknown => {
    if (key === "id") return value;
    if (typeof value === "string") return ref.get(value) ?? value;
    if (Array.isArray(value)) return value.map((v) => relink(v, ""));
    return value;
  };
  const json: { resource: Record<string, Record<string, Json>>; data: Record<string, Record<string, Json>> } = { resource: {}, data: {} };
  for (const r of resources) {
    const section = r.mode === "data" ? json.data : json.resource;
    const attrs = Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== null).map(([k, v]) => [k, relink(v, k)]));
    // Own keys, whatever a plan names: `section["__proto__"] ??= {}` would write into Object.prototype.
    if (!Object.hasOwn(section, r.type)) setOwn(section, r.type, {});
    setOwn(section[r.type], r.name, attrs);
  }
  // In Terraform JSON's form, as synthesized stacks are: free text escaped (the access model unescapes it).
  return escapeFreeText(json);
}

/** `object[key] = value` as an own property, even for the key "__proto__". */
function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The drift a plan shows for one stack. */
export function driftOf(stack: string, plan: Json): DriftReport {
  const values = (plan.prior_state as Json | undefined)?.values as Json | undefined;
  const real = new Map(stateResources(values?.root_module as Json | undefined).map((r) => [r.address, r]));
  const code = new Map([...real].map(([a, r]) => [a, { ...r }]));
  const drifted: DriftedResource[] = [];
  const refreshed = ((plan.resource_drift ?? []) as Change[]).filter((c) => c.mode !== "data");
  const source: Change[] = refreshed.length
    ? refreshed
    : ((plan.resource_changes ?? []) as Change[]).filter((c) => c.mode !== "data" && (c.change?.actions ?? []).join() === "update");
  for (const c of source) {
    if (!c.address || !c.type) continue;
    // resource_drift: before = as Terraform last applied it (code), after = Okta now.
    // An update: before = Okta now, after = what config restores.
    const codeValues = (refreshed.length ? c.change?.before : c.change?.after) ?? {};
    const realValues = refreshed.length ? c.change?.after : c.change?.before;
    if (realValues === null || realValues === undefined) {
      drifted.push({ address: c.address, type: c.type, kind: "deleted", attributes: [] });
      real.delete(c.address);
      code.set(c.address, { address: c.address, mode: "managed", type: c.type, name: c.name ?? c.address.split(".")[1], values: codeValues });
      continue;
    }
    const sensitive = refreshed.length ? { before: c.change?.before_sensitive, after: c.change?.after_sensitive } : { before: c.change?.after_sensitive, after: c.change?.before_sensitive };
    drifted.push({ address: c.address, type: c.type, kind: "changed", attributes: attributeChanges(codeValues, realValues, null, sensitive) });
    const base = real.get(c.address) ?? { address: c.address, mode: "managed", type: c.type, name: c.name ?? c.address.split(".")[1], values: {} };
    real.set(c.address, { ...base, values: realValues });
    code.set(c.address, { ...base, values: codeValues });
  }
  const matrix = (m: Map<string, StateResource>): AccessMatrix => accessOf(stackJsonFromState([...m.values()]));
  const access = diffAccess(matrix(code), matrix(real));
  return { stack, drifted, access, broadened: broadens(access) };
}

/** Where the whole drift report is when an issue cannot hold it. */
const WHOLE_DRIFT = "run `npm run drift` locally on the same plan";

/**
 * The drift issue's body. An issue holds at most 65,536 characters, so a drift of thousands of
 * objects first counts the changed resources instead of listing them, then counts the access
 * rows per table, then is cut at the limit (review/markdown.ts's `fitted`); every summary line
 * is kept.
 */
export function driftMarkdown(report: DriftReport, limit = MARKDOWN_LIMIT): string {
  const levels: DriftDetail[] = ["full", "no-resource-lines", "access-counts"];
  return fitted(levels.map((level) => () => renderDrift(report, level)), limit, WHOLE_DRIFT);
}

type DriftDetail = "full" | "no-resource-lines" | "access-counts";

function renderDrift(report: DriftReport, detail: DriftDetail): string {
  const out = [`## Okta drift: ${inert(report.stack)}`, ""];
  if (!report.drifted.length) return [...out, "No drift: Okta matches the code.", ""].join("\n");
  out.push(`${report.drifted.length} resource${report.drifted.length === 1 ? "" : "s"} changed outside code${report.broadened ? " — 🚨 **access was widened outside code**" : ""}.`, "");
  if (detail !== "full") out.push(`> ✂️ Shortened to fit a GitHub issue: ${detail === "no-resource-lines" ? "the changed resources are counted, not listed" : "the changed resources and access rows are counted, not listed"}. For the rest, ${WHOLE_DRIFT}.`, "");
  const a = report.access;
  const legend = "(`+` Okta grants it, code does not; `-` code grants it, Okta does not)";
  if (detail === "access-counts") appendAll(out, accessDiffCounts(a, WHOLE_DRIFT));
  else {
    appendAll(out, rowDiffTable("Token grants", ["server", "client", "who", "grant", "scope"], a.grants, (r) => [r.server, r.client, r.who, r.grant, r.scope], legend));
    appendAll(out, rowDiffTable("App assignments", ["app", "group"], a.assignments, (r) => [r.app, r.group], legend));
    appendAll(out, rowDiffTable("Okta management access", ["app", "access"], a.management, (r) => [r.app, r.access], legend));
    appendAll(out, rowDiffTable("Trusted origins", ["origin", "scope"], a.origins, (r) => [r.origin, r.scope], legend));
    appendAll(out, rowDiffTable("Token claims", ["server", "client", "who", "scope", "token", "claim", "value"], a.claims, (r) => [r.server, r.client, r.who, r.scope, r.token, r.claim, r.value], legend));
    appendAll(out, signInDiffTable(a.signIns, "(code → Okta)"));
  }
  if (a.newMarkers.length) appendAll(out, a.newMarkers.map((m) => `- 🚨 outside code: ${inert(m)}`)).push("");
  out.push("#### Changed in Okta", "");
  if (detail !== "full") {
    const deleted = report.drifted.filter((d) => d.kind === "deleted").length;
    out.push(`${report.drifted.length - deleted} changed, ${deleted} deleted in Okta (listing left out to fit).`);
  } else {
    for (const d of report.drifted) {
      out.push(`- ${code(d.address)} ${d.kind === "deleted" ? "**deleted in Okta** (Terraform would create it again)" : d.attributes.map((c) => `${code(c.attribute)}: ${code(c.before ?? "(none)")} → ${code(c.after ?? "(none)")}`).join("; ")}`);
    }
  }
  return out.concat("").join("\n");
}
