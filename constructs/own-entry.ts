/**
 * `table[key]` for a key that comes from outside (config, an Okta answer, a pull request's
 * JSON): the table's own entries only. Otherwise `table["constructor"]` is Object's constructor
 * and `table["__proto__"]` is Object.prototype, read as if they were entries: a resource type
 * "constructor" in a pull request's JSON crashed the review (`Object.apply` is a function).
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
