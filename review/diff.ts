import { AccessMatrix, AssignmentRow, ClaimRow, GrantRow, ManagementRow, OriginRow, SignInRow, rowKey } from "./access";
import { weakens } from "./sign-in-access";
import { Block, blocksOf } from "./stack-json";
import { unescapeLiteral } from "../terraform/interpolations";
import { looksLikeSecretSetting } from "../constructs/secrets";
import { ownEntry } from "../constructs/own-entry";
import { parseOutsideJson } from "./outside-json";

type Json = Record<string, unknown>;

/** Attributes whose change makes Terraform destroy and re-create the resource. */
export const FORCES_REPLACEMENT: Readonly<Record<string, readonly string[]>> = {
  // A new type is a new app: a new client id every client must be reconfigured with.
  okta_app_oauth: ["type", "omit_secret"],
  okta_app_saml: ["preconfigured_app"],
  okta_app_swa: ["preconfigured_app"],
  okta_app_auto_login: ["preconfigured_app"],
  okta_app_group_assignment: ["app_id", "group_id"],
  okta_app_oauth_api_scope: ["app_id"],
  okta_app_oauth_role_assignment: ["client_id", "type"],
  okta_auth_server_scope: ["auth_server_id"],
  okta_auth_server_policy: ["auth_server_id"],
  okta_auth_server_policy_rule: ["auth_server_id", "policy_id"],
};

/**
 * Attributes whose values are never printed: secrets, passwords, keys and tokens themselves.
 * Not settings about them: `omit_secret` (a boolean) or `access_token_lifetime_minutes`.
 */
const SENSITIVE = /(^|_)(secret|password|private_key|api_token|access_token|credentials?)$/i;

export function isSensitive(attribute: string, value: unknown): boolean {
  return SENSITIVE.test(attribute) && typeof value !== "boolean" && typeof value !== "number";
}

/** A JWK's private members (RFC 7518 §6.2.2, §6.3.2, §6.4.1): an RSA/EC private key or a symmetric key. */
const PRIVATE_JWK = new Set(["d", "p", "q", "dp", "dq", "qi", "oth", "k"]);
export const REDACTED = "(sensitive)";

/**
 * A value as it may be printed: what the plan marks sensitive (Terraform's before_sensitive /
 * after_sensitive: `true`, or the same shape with `true` at sensitive leaves), secret-named
 * attributes, a JWK's private members, and credential-like keys inside app_settings_json.
 */
export function redact(attribute: string, value: unknown, mask?: unknown): unknown {
  if (mask === true || isSensitive(attribute, value)) return value === null || value === undefined ? value : REDACTED;
  if (attribute === "app_settings_json" && typeof value === "string") {
    try {
      return JSON.stringify(redactSettings(parseOutsideJson(value)));
    } catch {
      return value;
    }
  }
  return redactNested(value, mask);
}

function redactNested(value: unknown, mask: unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => (Array.isArray(mask) && mask[i] === true ? REDACTED : redactNested(v, Array.isArray(mask) ? mask[i] : undefined)));
  if (!value || typeof value !== "object") return value;
  const m = mask && typeof mask === "object" ? (mask as Record<string, unknown>) : {};
  const jwk = "kty" in value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, m[k] === true || (jwk && PRIVATE_JWK.has(k)) || isSensitive(k, v) ? REDACTED : redactNested(v, m[k])]));
}

function redactSettings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSettings);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, looksLikeSecretSetting(k, v) ? REDACTED : redactSettings(v)]));
}

/** "import": new in code, adopting an object that already exists in Okta (an import block). */
export type ChangeKind = "add" | "import" | "change" | "destroy";

export interface AttributeChange {
  readonly attribute: string;
  /** JSON text, or `(sensitive)`; undefined when absent. */
  readonly before?: string;
  readonly after?: string;
}

export interface ResourceChange {
  readonly kind: ChangeKind;
  readonly address: string;
  readonly type: string;
  readonly path: string;
  readonly label?: string;
  /** Set on a change that Terraform performs as destroy-then-create: the attributes that force it. */
  readonly replacedBy?: readonly string[];
  /** The resource carries lifecycle prevent_destroy (Terraform will refuse a destroy). */
  readonly preventDestroy: boolean;
  readonly attributes: readonly AttributeChange[];
}

/** Added and removed rows of each access table. */
export interface AccessDiff {
  readonly grants: RowDiff<GrantRow>;
  readonly assignments: RowDiff<AssignmentRow>;
  readonly management: RowDiff<ManagementRow>;
  readonly origins: RowDiff<OriginRow>;
  readonly claims: RowDiff<ClaimRow>;
  /**
   * Ways in to apps: `added` are the ones that weaken sign-in (a weaker assurance, a wider
   * region, a removed deny), `removed` the ones gone, `strengthened` new ones that ask at least
   * as much as a way in they replace, or new denies.
   */
  readonly signIns: RowDiff<SignInRow> & { readonly strengthened: readonly SignInRow[] };
  /** EVERYONE / ALL_CLIENTS / `*` occurrences that are new in the head. */
  readonly newMarkers: readonly string[];
}

export interface RowDiff<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
}

export function diffRows<T extends object>(before: readonly T[], after: readonly T[]): RowDiff<T> {
  const beforeKeys = new Set(before.map(rowKey));
  const afterKeys = new Set(after.map(rowKey));
  return { added: after.filter((r) => !beforeKeys.has(rowKey(r))), removed: before.filter((r) => !afterKeys.has(rowKey(r))) };
}

/**
 * An app whose config id changed is destroyed and created under a new address (a new client
 * id), but grants nobody anything new: the base's rows are moved to the new address first, so
 * the rename is reported as a replacement, not as broadening.
 */
export function renamedApps(resources: readonly ResourceChange[]): Map<string, string> {
  const renames = new Map<string, string>();
  // Added apps by type and label, looked up per destroyed app (a search each made a PR that
  // replaces thousands of apps quadratic).
  const added = new Map<string, ResourceChange[]>();
  for (const a of resources) {
    if (a.kind !== "add" || !APP_TYPES.has(a.type) || a.label === undefined) continue;
    const key = JSON.stringify([a.type, a.label]);
    const same = added.get(key);
    if (same) same.push(a);
    else added.set(key, [a]);
  }
  for (const gone of resources.filter((r) => r.kind === "destroy" && APP_TYPES.has(r.type))) {
    const same = gone.label === undefined ? [] : (added.get(JSON.stringify([gone.type, gone.label])) ?? []);
    if (same.length === 1) renames.set(gone.address, same[0].address);
  }
  return renames;
}

const APP_TYPES = new Set(["okta_app_oauth", "okta_app_saml", "okta_app_swa", "okta_app_auto_login", "okta_app_bookmark"]);

/** The matrix with each row's app or client key (its identity) mapped by `key`. */
export function rekeyed(matrix: AccessMatrix, key: (appKey: string) => string): AccessMatrix {
  const move = <T extends object>(rows: readonly T[], field: keyof T) => rows.map((r) => ({ ...r, [field]: key(String(r[field])) }));
  return { ...matrix, grants: move(matrix.grants, "clientKey"), claims: move(matrix.claims, "clientKey"), assignments: move(matrix.assignments, "appKey"), management: move(matrix.management, "appKey"), signIns: move(matrix.signIns, "appKey") };
}

/** The matrix with app addresses moved as `renames` says. */
export function withRenames(matrix: AccessMatrix, renames: ReadonlyMap<string, string>): AccessMatrix {
  return renames.size === 0 ? matrix : rekeyed(matrix, (k) => renames.get(k) ?? k);
}

export function diffAccess(before: AccessMatrix, after: AccessMatrix): AccessDiff {
  const baseMarkers = new Set(before.markers);
  return {
    grants: diffRows(before.grants, after.grants),
    assignments: diffRows(before.assignments, after.assignments),
    management: diffRows(before.management, after.management),
    origins: diffRows(before.origins, after.origins),
    claims: diffRows(before.claims, after.claims),
    signIns: diffSignIns(before.signIns, after.signIns),
    newMarkers: after.markers.filter((m) => !baseMarkers.has(m)),
  };
}

function diffSignIns(before: readonly SignInRow[], after: readonly SignInRow[]): AccessDiff["signIns"] {
  const rows = diffRows(before, after);
  // Only the same app's rows for the same people can cover a new one: looked up, not scanned.
  const byPeople = new Map<string, SignInRow[]>();
  for (const b of before) {
    const key = `${b.appKey}\u0000${b.who}`;
    if (byPeople.has(key)) byPeople.get(key)!.push(b);
    else byPeople.set(key, [b]);
  }
  const weaker = new Set(rows.added.filter((r) => weakens(r, byPeople.get(`${r.appKey}\u0000${r.who}`) ?? [])));
  return { added: rows.added.filter((r) => weaker.has(r)), removed: rows.removed, strengthened: rows.added.filter((r) => !weaker.has(r)) };
}

/** Every access table's changes, by the name the gate digest gives its rows: one list for all that walk them. */
export function tableDiffs(diff: AccessDiff): readonly (readonly [table: "grant" | "assignment" | "management" | "origin" | "claim" | "sign-in", rows: RowDiff<object>])[] {
  return [["grant", diff.grants], ["assignment", diff.assignments], ["management", diff.management], ["origin", diff.origins], ["claim", diff.claims], ["sign-in", diff.signIns]];
}

/** How many access rows a diff adds and removes, over every table. */
export function rowsChanged(diff: AccessDiff): { readonly added: number; readonly removed: number } {
  const counted = tableDiffs(diff).reduce((n, [, d]) => ({ added: n.added + d.added.length, removed: n.removed + d.removed.length }), { added: 0, removed: 0 });
  // A stronger way in replaces a weaker one: it narrows access, so it counts with the removed.
  return { added: counted.added, removed: counted.removed + diff.signIns.strengthened.length };
}

/** True when the head grants something the base did not (any added row or new marker). */
export function broadens(diff: AccessDiff): boolean {
  return diff.newMarkers.length > 0 || rowsChanged(diff).added > 0;
}

/** Resource-level changes between two synthesized stacks (either may be missing). */
export function diffResources(before: Json | undefined, after: Json | undefined): ResourceChange[] {
  const a = before ? blocksOf(before) : new Map<string, Block>();
  const b = after ? blocksOf(after) : new Map<string, Block>();
  const adopted = new Set(((after?.import ?? []) as { to?: string }[]).map((i) => i.to));
  const changes: ResourceChange[] = [];
  for (const address of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const old = a.get(address);
    const now = b.get(address);
    const block = (now ?? old)!;
    const attributes = attributeChanges(old?.attrs ?? {}, now?.attrs ?? {});
    if (old && now && attributes.length === 0) continue;
    const kind: ChangeKind = !old ? (adopted.has(address) ? "import" : "add") : !now ? "destroy" : "change";
    const forcing = ownEntry(FORCES_REPLACEMENT, block.type) ?? [];
    const replacedBy = kind === "change" ? attributes.map((c) => c.attribute).filter((attr) => forcing.includes(attr)) : [];
    changes.push({
      kind,
      address,
      type: block.type,
      path: block.path,
      label: labelOf(block.attrs),
      replacedBy: replacedBy.length ? replacedBy : undefined,
      preventDestroy: hasPreventDestroy(old?.attrs) || hasPreventDestroy(now?.attrs),
      attributes,
    });
  }
  return changes;
}

/**
 * The attributes whose values differ, values printed as JSON unless sensitive. `absent` is what
 * a missing attribute counts as: undefined between two synthesized stacks (added or removed),
 * null between two sets of state values (Terraform writes an unset attribute as null).
 */
export function attributeChanges(before: Json, after: Json, absent: null | undefined = undefined, sensitive: { before?: unknown; after?: unknown } = {}): AttributeChange[] {
  const out: AttributeChange[] = [];
  const maskOf = (m: unknown, attribute: string) => (m === true ? true : m && typeof m === "object" ? (m as Json)[attribute] : undefined);
  for (const attribute of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const x = JSON.stringify(Object.hasOwn(before, attribute) ? before[attribute] : absent);
    const y = JSON.stringify(Object.hasOwn(after, attribute) ? after[attribute] : absent);
    if (x === y) continue;
    const show = (text: string | undefined, value: unknown, mask: unknown) => {
      if (text === undefined) return undefined;
      const shown = redact(attribute, value === undefined ? absent : value, mask);
      return shown === REDACTED ? REDACTED : JSON.stringify(shown);
    };
    out.push({ attribute, before: show(x, before[attribute], maskOf(sensitive.before, attribute)), after: show(y, after[attribute], maskOf(sensitive.after, attribute)) });
  }
  return out;
}

function labelOf(attrs: Json): string | undefined {
  for (const key of ["label", "name", "origin"]) if (typeof attrs[key] === "string") return unescapeLiteral(attrs[key] as string);
  return undefined;
}

function hasPreventDestroy(attrs: Json | undefined): boolean {
  return (attrs?.lifecycle as Json | undefined)?.prevent_destroy === true;
}
