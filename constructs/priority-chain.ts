import { TerraformResource } from "cdktf";
import { dependable } from "cdktf/lib/tfExpression";

/**
 * Resources that Okta orders by priority (policies of a server, rules of a policy). Okta
 * renumbers gaps and duplicates into 1..n and concurrent creates race for a priority, so
 * Terraform would fight it forever (provider #1198, #2140, #2151): priorities are explicit,
 * must run 1..n, and each resource `depends_on` the one before, so they are created in order.
 */
export class PriorityChain<T extends TerraformResource> {
  private readonly byPriority = new Map<number, T>();

  /** The resource holding a priority, if any. */
  at(priority: number): T | undefined {
    return this.byPriority.get(priority);
  }

  get size(): number {
    return this.byPriority.size;
  }

  values(): T[] {
    return [...this.byPriority.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
  }

  /** The lowest whole priority from `from` (1 unless told) that nothing holds yet. */
  nextFree(from = 1): number {
    let p = from;
    while (this.byPriority.has(p)) p++;
    return p;
  }

  /** Places a resource at its priority and chains it to its neighbours. */
  add(priority: number, resource: T): void {
    this.byPriority.set(priority, resource);
    const before = this.byPriority.get(priority - 1);
    // A bare reference: Terraform refuses an interpolation in depends_on.
    if (before) resource.dependsOn = [dependable(before)];
    const after = this.byPriority.get(priority + 1);
    if (after) after.dependsOn = [dependable(resource)];
  }

  /** The priorities when they do not run first..n without a gap (first: 1 unless told). */
  gap(first = 1): number[] | undefined {
    const priorities = [...this.byPriority.keys()].sort((a, b) => a - b);
    return priorities.some((p, i) => p !== i + first) ? priorities : undefined;
  }
}
