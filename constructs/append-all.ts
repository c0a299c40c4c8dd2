/**
 * Appends every item of `items` to `target` and returns `target`. `target.push(...items)` passes
 * each item as an argument of one call, and V8 refuses a call of more than about 125,000
 * arguments with "RangeError: Maximum call stack size exceeded": the review of a pull request
 * that adds an environment of 10,000 apps (about 280,000 lines of resource and attribute diff)
 * crashed so, before it could truncate its report. A list whose length follows the org, an Okta
 * answer or a pull request is appended with this.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
