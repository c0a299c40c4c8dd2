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
  /** Okta reads of the PR plan: changed or destroyed resources (they are in state) and data sources. */
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
  for (const r of resources) {
    if (r.type.startsWith("provider.") || r.type.startsWith("terraform.") || r.address.startsWith("data.")) continue;
    const reads = ops(r.type, "plan").length || 1;
    const action = r.kind === "import" ? "change" : r.kind === "add" ? "add" : r.kind === "destroy" ? "destroy" : "change";
    if (r.kind !== "add") planReads += reads;
    deployRequests += writes(r.type, action) + (action === "destroy" ? 0 : reads);
  }
  if (resources.length) {
    for (const [type, byName] of Object.entries((head?.data ?? {}) as Record<string, Json>)) planReads += Object.keys(byName).length * (ops(`data.${type}`, "plan").length || 1);
  }
  const provider = ((head?.provider as Json | undefined)?.okta as Json[] | undefined)?.[0];
  const capacity = Number(provider?.max_api_capacity ?? 100) || 100;
  const minutes = deployRequests / (BUCKET_PER_MINUTE * (capacity / 100));
  return { planReads, deployRequests, capacity, minutes: Math.round(minutes * 10) / 10 };
}
