import * as fs from "fs";
import { SynthesizedStack, blocksOf } from "./stack-json";
import { JsonTooDeepError, isJsonObject, parseOutsideJson, tooLarge } from "./outside-json";

/** What Terraform will do to one resource, from a real plan (`terraform show -json`). */
export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  /** Construct path, from the stack's JSON. */
  readonly path: string;
  readonly action: "create" | "update" | "replace" | "delete" | "import" | "read";
}

export interface StackPlan {
  readonly file: string;
  readonly changes: readonly PlannedChange[];
  readonly summary: Readonly<Record<PlannedChange["action"], number>>;
}

type Json = Record<string, unknown>;

interface ResourceChangeJson {
  address?: string;
  type?: string;
  mode?: string;
  change?: { actions?: string[]; importing?: unknown };
}

function actionOf(actions: readonly string[], importing: boolean): PlannedChange["action"] | undefined {
  const set = [...actions].sort().join(",");
  if (set === "create,delete") return "replace";
  if (importing && (set === "no-op" || set === "update")) return "import";
  if (set === "create" || set === "update" || set === "delete" || set === "read") return set;
  return undefined;
}

/** Reads a plan's JSON, failing with the file's name on anything that is not one. */
export function readPlan(file: string): Json {
  let text: string;
  try {
    const large = tooLarge(file);
    if (large) throw new Error(`it is ${large}`);
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`Cannot read the plan ${file}: ${(e as Error).message}. Fix: pass the JSON of \`terraform show -json <planfile>\`.`);
  }
  let json: unknown;
  try {
    json = parseOutsideJson(text);
  } catch (e) {
    if (e instanceof JsonTooDeepError) throw new Error(`${file} is ${e.message} (a plan nests about 12). Fix: pass the output of \`terraform show -json <planfile>\`.`);
    throw new Error(`${file} is not JSON. Fix: pass the output of \`terraform show -json <planfile>\`, not the binary plan or its text rendering.`);
  }
  if (!isJsonObject(json) || !("format_version" in json)) {
    throw new Error(`${file} is not a Terraform plan in JSON (no format_version). Fix: pass the output of \`terraform show -json <planfile>\`.`);
  }
  const problem = planShapeProblem(json);
  if (problem) throw new Error(`${file} is not a Terraform plan in JSON: ${problem}. Fix: pass the output of \`terraform show -json <planfile>\`.`);
  return json;
}

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? "missing";

/**
 * The first field, of those drift, deploy-check and the review read, that is not of the type
 * Terraform writes (`resource_changes[0].change.actions is "update", not a list`), or undefined.
 * They walk these fields as Terraform's plan format has them: another shape crashed them.
 */
function planShapeProblem(plan: Json): string | undefined {
  const module = (m: unknown, at: string): string | undefined => {
    if (m === undefined || m === null) return undefined;
    if (!isJsonObject(m)) return `${at} is ${show(m)}, not a module`;
    for (const key of ["resources", "child_modules"] as const) if (m[key] !== undefined && !Array.isArray(m[key])) return `${at}.${key} is ${show(m[key])}, not a list`;
    for (const [i, r] of ((m.resources ?? []) as unknown[]).entries()) {
      if (!isJsonObject(r)) return `${at}.resources[${i}] is ${show(r)}, not a resource`;
      for (const key of ["address", "type", "name"] as const) if (typeof r[key] !== "string") return `${at}.resources[${i}].${key} is ${show(r[key])}, not a string`;
      if (!isJsonObject(r.values)) return `${at}.resources[${i}].values is ${show(r.values)}, not an object`;
    }
    for (const [i, child] of ((m.child_modules ?? []) as unknown[]).entries()) {
      const p = module(child, `${at}.child_modules[${i}]`);
      if (p) return p;
    }
    return undefined;
  };
  const prior = plan.prior_state;
  if (prior !== undefined && prior !== null && !isJsonObject(prior)) return `prior_state is ${show(prior)}, not an object`;
  const values = isJsonObject(prior) ? prior.values : undefined;
  if (values !== undefined && values !== null && !isJsonObject(values)) return `prior_state.values is ${show(values)}, not an object`;
  const root = module(isJsonObject(values) ? values.root_module : undefined, "prior_state.values.root_module");
  if (root) return root;
  for (const list of ["resource_drift", "resource_changes"] as const) {
    const changes = plan[list];
    if (changes === undefined || changes === null) continue;
    if (!Array.isArray(changes)) return `${list} is ${show(changes)}, not a list`;
    for (const [i, c] of changes.entries()) {
      if (!isJsonObject(c)) return `${list}[${i}] is ${show(c)}, not a change`;
      for (const key of ["address", "type", "mode"] as const) if (c[key] !== undefined && typeof c[key] !== "string") return `${list}[${i}].${key} is ${show(c[key])}, not a string`;
      if (c.change === undefined || c.change === null) continue;
      if (!isJsonObject(c.change)) return `${list}[${i}].change is ${show(c.change)}, not an object`;
      const actions = c.change.actions;
      if (actions !== undefined && (!Array.isArray(actions) || actions.some((a) => typeof a !== "string"))) return `${list}[${i}].change.actions is ${show(actions)}, not a list of actions`;
      for (const side of ["before", "after"] as const) if (c.change[side] !== undefined && c.change[side] !== null && !isJsonObject(c.change[side])) return `${list}[${i}].change.${side} is ${show(c.change[side])}, not an object`;
    }
  }
  return undefined;
}

/** The plan's changes to one stack's resources; no-ops are left out. */
export function planOf(file: string, json: Json, stack: SynthesizedStack): StackPlan {
  const blocks = blocksOf(stack.json);
  const changes: PlannedChange[] = [];
  for (const rc of (json.resource_changes ?? []) as ResourceChangeJson[]) {
    const action = actionOf(rc.change?.actions ?? [], rc.change?.importing !== undefined && rc.change?.importing !== null);
    if (!action || !rc.address) continue;
    const address = rc.mode === "data" ? rc.address : rc.address;
    changes.push({ address, type: rc.type ?? address.split(".")[0], path: blocks.get(address)?.path ?? address, action });
  }
  changes.sort((a, b) => a.address.localeCompare(b.address));
  const summary = { create: 0, update: 0, replace: 0, delete: 0, import: 0, read: 0 };
  for (const c of changes) summary[c.action]++;
  return { file, changes, summary };
}

/** Which synthesized stack a plan is of: the one whose resource addresses it shares most. */
export function stackOfPlan(file: string, json: Json, stacks: ReadonlyMap<string, SynthesizedStack>): string {
  const addresses = new Set(((json.resource_changes ?? []) as ResourceChangeJson[]).map((r) => r.address).filter((a): a is string => !!a));
  let best: { id: string; shared: number } | undefined;
  for (const [id, stack] of stacks) {
    const shared = [...blocksOf(stack.json).keys()].filter((a) => addresses.has(a)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { id, shared };
  }
  if (!best) throw new Error(`${file} plans none of the head's stacks (${[...stacks.keys()].join(", ")}). Fix: pass the plan of one of them, e.g. --plan okta-dev=${file}.`);
  return best.id;
}
