import { readFileSync, statSync } from "fs";
import type { OrgSnapshot } from "../../importer/okta-objects";

/** The import's mapping of Okta objects to provider attributes, loaded only with a local org: a plain start stays light. */
function liveObjects(s: OrgSnapshot): Map<string, Record<string, unknown>> {
  return (require("../../importer/first-deploy") as typeof import("../../importer/first-deploy")).liveObjects(s); // eslint-disable-line @typescript-eslint/no-require-imports
}

/**
 * Changes made "in the Admin Console" of a local sample org (npm run demo): with
 * OKTA_STAND_IN_ORG (the org as it is now, a JSON snapshot) and OKTA_STAND_IN_ORG_BASELINE (the
 * org when it was imported and deployed), a refresh reads back, for each resource, the
 * attributes whose value changed in between, as the real provider would read them from Okta;
 * an object gone from the org is gone from Okta. Nothing else: the stand-in is no Okta emulator.
 */

type Live = Map<string, Record<string, unknown>>;
const cache = new Map<string, { mtimeMs: number; org: OrgSnapshot; live?: Live }>();

/** The org file as read last, again only when it changed: a refresh reads it once per resource. */
function loaded(file: string): { org: OrgSnapshot; live?: Live } {
  const mtimeMs = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  const entry = { mtimeMs, org: JSON.parse(readFileSync(file, "utf8")) as OrgSnapshot };
  cache.set(file, entry);
  return entry;
}

function liveOf(file: string): Live {
  const entry = loaded(file);
  return (entry.live ??= liveObjects(entry.org));
}

/** The Okta id an object of this type is keyed by: a group assignment's whole id, else the import id's last part. */
function keyOf(type: string, id: string): string {
  return `${type}:${type === "okta_app_group_assignment" ? id : id.split("/").pop()}`;
}

/** What changed in the local org for one resource since the baseline: attributes, or "deleted". */
export function consoleEdits(type: string, id: string, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> | "deleted" | undefined {
  const now = env.OKTA_STAND_IN_ORG;
  const base = env.OKTA_STAND_IN_ORG_BASELINE;
  if (!now || !base) return undefined;
  const before = liveOf(base).get(keyOf(type, id));
  if (!before) return undefined;
  const after = liveOf(now).get(keyOf(type, id));
  if (!after) return "deleted";
  const changed: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) changed[k] = after[k] ?? null;
  }
  return changed;
}

/** The local org's Everyone group id, so references to it resolve as in Okta; undefined without a local org. */
export function localEveryoneId(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const now = env.OKTA_STAND_IN_ORG;
  if (!now) return undefined;
  return loaded(now).org.groups.find((g) => g.type === "BUILT_IN")?.id;
}

/** The local org's user type of that name, so lookups resolve as in Okta; undefined without one. */
export function localUserTypeId(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const now = env.OKTA_STAND_IN_ORG;
  if (!now) return undefined;
  const types = loaded(now).org.userTypes;
  return Array.isArray(types) ? types.find((t) => t.name === name)?.id : undefined;
}

/** An object of the local org as the provider's attributes, for an import; undefined without one. */
export function importedFromLocalOrg(type: string, id: string, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> | undefined {
  const now = env.OKTA_STAND_IN_ORG;
  if (!now) return undefined;
  const values = liveOf(now).get(keyOf(type, id));
  if (!values) return undefined;
  if (type !== "okta_app_oauth") return values;
  return { ...values, client_id: loaded(now).org.apps.find((a) => a.id === id)?.credentials?.oauthClient?.client_id ?? id };
}
