import { OKTA_API_OPERATIONS } from "../constructs/okta-api-operations";
import { ResourceChange } from "./diff";
import { ownEntry } from "../constructs/own-entry";

/**
 * What a change costs in Okta API requests (issue 23), from the provider 6.12 call table
 * (constructs/okta-api-operations.ts): the PR plan refreshes only the resources that change
 * (npm run plan), plus the stack's data sources; the deploy writes them and reads each back.
 * An estimate: conditional calls count as made, and Okta's buckets differ per endpoint, so the
 * time is given at the tightest documented bucket (100 requests a minute, /api/v1/apps on
 * Workforce plans) and the stack's share of it (max_api_capacity).
 */
export interface StackCost {
  /** Okta reads of the PR plan: changed or destroyed resources (they are in state) and data sources; every resource in state past MAX_TARGETS changes. */
  readonly planReads: number;
  /** Okta requests of the deploy: writes, and each written resource read back. */
  readonly deployRequests: number;
  /** The share of each bucket the stack may use, in percent. */
  readonly capacity: number;
  /** Minutes the deploy takes at worst: its requests at the capacity share of a 100-a-minute bucket. */
  readonly minutes: number;
}

type Json = Record<string, unknown>;

const BUCKET_PER_MINUTE = 100;

/**
 * The most resources a PR plan targets (review/pr-plan.ts). Each is one `-target` argument, and
 * Linux refuses a command line of more than 2 MB in all: 30,000 targets (the first deploy of a
 * 10,000-app import) failed to start Terraform at all (E2BIG). A change that touches more is
 * planned with a full refresh, as the daily drift run does, and its cost is counted so.
 */
export const MAX_TARGETS = 2000;

function ops(type: string, phase: "plan" | "apply"): readonly (readonly [string, string])[] {
  // The type is the JSON's (a pull request's): "constructor" is no entry, whatever Object has.
  return ownEntry(OKTA_API_OPERATIONS, type)?.[phase] ?? [];
}

/** The apply calls an action makes: a create posts (and assigns), an update puts, a delete deletes. */
function writes(type: string, action: "add" | "change" | "destroy"): number {
  const all = ops(type, "apply").map(([op]) => op);
  const is = (op: string, re: RegExp) => re.test(op);
  if (action === "destroy") return all.filter((op) => is(op, /^DELETE |\/lifecycle\/deactivate/)).length || 1;
  if (action === "change") return all.filter((op) => is(op, /^PUT /)).length || 1;
  return all.filter((op) => !is(op, /^DELETE |\/lifecycle\/deactivate|^PUT \/api\/v1\/apps\/\{appId\}$/)).length || 1;
}

export function costOf(resources: readonly ResourceChange[], head: Json | undefined): StackCost {
  let planReads = 0;
  let deployRequests = 0;
  let targets = 0;
  for (const r of resources) {
    if (r.type.startsWith("provider.") || r.type.startsWith("terraform.") || r.address.startsWith("data.")) continue;
    const reads = ops(r.type, "plan").length || 1;
    const action = r.kind === "import" ? "change" : r.kind === "add" ? "add" : r.kind === "destroy" ? "destroy" : "change";
    if (r.kind !== "add") planReads += reads;
    targets++;
    deployRequests += writes(r.type, action) + (action === "destroy" ? 0 : reads);
  }
  // Past MAX_TARGETS the PR plan refreshes everything in state: about every resource of the head
  // that it does not create, plus those it destroys.
  if (targets > MAX_TARGETS) {
    planReads = resources.filter((r) => r.kind === "destroy").reduce((n, r) => n + (ops(r.type, "plan").length || 1), 0);
    const added = new Set(resources.filter((r) => r.kind === "add").map((r) => r.address));
    for (const [type, byName] of Object.entries((head?.resource ?? {}) as Record<string, Json>)) {
      for (const name of Object.keys(byName)) if (!added.has(`${type}.${name}`)) planReads += ops(type, "plan").length || 1;
    }
  }
  if (resources.length) {
    for (const [type, byName] of Object.entries((head?.data ?? {}) as Record<string, Json>)) planReads += Object.keys(byName).length * (ops(`data.${type}`, "plan").length || 1);
  }
  const provider = ((head?.provider as Json | undefined)?.okta as Json[] | undefined)?.[0];
  const capacity = Number(provider?.max_api_capacity ?? 100) || 100;
  const minutes = deployRequests / (BUCKET_PER_MINUTE * (capacity / 100));
  return { planReads, deployRequests, capacity, minutes: Math.round(minutes * 10) / 10 };
}
