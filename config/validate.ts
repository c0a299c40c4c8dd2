import SCHEMA from "./org-config.schema.json";
import { looksLikeSecretSetting } from "../constructs/secrets";
import { isWholeReference } from "../terraform/interpolations";
import { cdktfTokenText } from "../stacks/cdktf-resolve";
import { ownEntry } from "../constructs/own-entry";
import { appendAll } from "../constructs/append-all";

/**
 * Run-time check of an org config against config/org-config.schema.json, the JSON Schema
 * generated from the TypeScript types in config/types.ts (npm run config-schema; a test keeps
 * the two in step). scripts/run.js transpiles without type-checking, so without this a missing
 * `assignTo`, an unknown key or a string where a list belongs would reach the constructs, be
 * dropped silently or crash with a JavaScript error. Every problem is reported with its config
 * path, the value and the fix.
 */

interface Node {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly Node[];
  readonly properties?: Readonly<Record<string, Node>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Node;
  readonly items?: Node;
  readonly description?: string;
}

const ROOT = SCHEMA as unknown as Node & { readonly definitions: Readonly<Record<string, Node>> };

export interface ConfigProblem {
  /** Where in the config: `okta-dev: apps[5] ("billing").refreshTokenLeeway`. */
  readonly path: string;
  readonly what: string;
  readonly value: unknown;
  readonly fix: string;
}

function deref(node: Node): Node {
  let n = node;
  for (let i = 0; n.$ref && i < 20; i++) n = ROOT.definitions[decodeURIComponent(n.$ref.replace("#/definitions/", ""))];
  return n;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isFinite(value) ? "number" : "non-finite number";
  return typeof value;
}

/** A short human name of what a schema node accepts: `a list of strings`, `"spa" | "web"`. */
function expected(node: Node): string {
  const n = deref(node);
  if (n.const !== undefined) return JSON.stringify(n.const);
  if (n.enum) return n.enum.map((e) => JSON.stringify(e)).join(" | ");
  if (n.anyOf) return n.anyOf.map(expected).join(" or ");
  const types = Array.isArray(n.type) ? n.type : n.type ? [n.type] : [];
  return types
    .map((t) => {
      if (t === "array") return `a list of ${plural(n.items ? expected(n.items) : "values")}`;
      if (t === "object") return "an object";
      if (t === "boolean") return "true or false";
      return `a ${t}`;
    })
    .join(" or ");
}

function plural(what: string): string {
  return what.replace(/^an? (\w+)/, "$1s");
}

function describeField(node: Node | undefined): string {
  const d = node && (node.description ?? deref(node).description);
  return d ? ` (${d.split(/(?<=\.)\s/)[0].replace(/\.$/, "")})` : "";
}

/** The closest allowed key, for "did you mean". */
function closest(key: string, allowed: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  const lower = key.toLowerCase();
  const scored = allowed.map((a) => ({ a, d: a.toLowerCase().startsWith(lower) || lower.startsWith(a.toLowerCase()) ? 1 : distance(lower, a.toLowerCase()) }));
  const best = scored.sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.a : undefined;
}

/** A union whose branches all fix one property to a constant (kind, type, method): its discriminator. */
function discriminatorOf(branches: readonly Node[]): string | undefined {
  const objects = branches.map(deref);
  if (!objects.every((b) => b.properties)) return undefined;
  const candidates = Object.keys(objects[0].properties!).filter((k) => objects.every((b) => b.properties![k] && deref(b.properties![k]).const !== undefined));
  return candidates[0];
}

/** An entry of a list is labelled in its path by its name as JSON (` ("v1.2 team")`), dots and all. */
const LABELLED = String.raw`(?: \("(?:[^"\\]|\\.)*"\))?`;
/**
 * Terraform evaluates `${…}` and `%{…}` in every string of its JSON. Config strings are
 * literal values for Okta, so they may not contain either, except in Okta's own templates
 * (SAML NameID template and attribute values, OIN app settings), which the constructs escape
 * as `$${…}` and `%%{…}`; stacks/synthesize.ts checks the final JSON whatever the source.
 */
const TEMPLATE_FIELD = new RegExp(String.raw`\.(nameIdTemplate|attributes\[\d+\]${LABELLED}\.values\[\d+\]|catalog\.settings\..*)$`);
/**
 * Free text Okta stores as written (labels, names of groups, APIs, zones, policies and their
 * rules, descriptions, and the group and zone names an app's assignTo, a group rule or a sign-on
 * rule names them by, which only look them up and are never written): any `${`,
 * `%{` or `$${` in it is escaped in the JSON (terraform/interpolations.ts escapeFreeText), so
 * it reaches Okta unchanged; descriptions may also span lines, as Okta allows.
 */
const FREE_TEXT_FIELD = new RegExp(
  String.raw`(\.(label|description)|(groups|groupRules|networkZones)\[\d+\]${LABELLED}\.name|apps\[\d+\]${LABELLED}\.assignTo\[\d+\]|groupRules\[\d+\]${LABELLED}\.group|(apis|authenticationPolicies)\.[^.]+\.name|` +
    String.raw`authenticationPolicies\.[^.]+\.rules\[\d+\]${LABELLED}\.(name|groups\[\d+\]|groupsExcluded\[\d+\]|zones\.(in|notIn)\[\d+\])|apiCenter\.name)$`,
);
// Any `${` or `%{`, escaped or not: `$${x}` would reach Okta as `${x}` (Terraform reads `$${` as a
// literal `${`), so a value that looks escaped differs from the value written (issue 19).
const INTERPOLATION = /\$\{|%\{/;
/** C0/C1 controls, NUL, and bidi overrides/isolates that make a value read differently than it is. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** A UTF-16 surrogate not paired with its other half (with the u flag a pair is one code point, never Cs). */
const LONE_SURROGATE = /\p{Cs}/u;
/** Okta's field limits (Admin Console and API): app labels 100, names 255, descriptions 1,024. */
const MAX_LENGTH: Readonly<Record<string, number>> = { label: 100, name: 255, description: 1024 };
const SHORTEST_LIMIT = Math.min(...Object.values(MAX_LENGTH));

function checkString(value: string, path: string, out: ConfigProblem[]): void {
  // The key is read from the path only when a check needs it: this runs on every string of
  // every config (tens of thousands at org scale).
  const keyOf = () => /\.([A-Za-z]+)(\[\d+\][^.]*)?$/.exec(path)?.[1] ?? "";
  // Free text passes its `${` to Okta escaped, except text that is exactly one Terraform
  // reference, which stays live (it is what cdktf writes for a reference): a label imported
  // as `${okta_app_oauth.x.client_secret}` would show that app's secret in Okta.
  if (value.startsWith("${") && isWholeReference(value) && FREE_TEXT_FIELD.test(path)) {
    out.push({ path, what: "is exactly a Terraform reference (${type.name.attribute}), which Terraform would replace with that resource's attribute (a client secret, say) instead of writing it as text", value, fix: "write the text Okta should show; free text cannot be exactly a ${…} reference (in Okta, rename the object first if it is named so)." });
  }
  if (INTERPOLATION.test(value) && !TEMPLATE_FIELD.test(path) && !FREE_TEXT_FIELD.test(path)) {
    out.push({ path, what: "contains a Terraform interpolation or directive (${…} or %{…}, escaped as $${…} or %%{… or not), which Terraform would evaluate or unescape", value, fix: "write the literal value Okta should get, without ${ or %{; they are accepted as written in labels, names and descriptions, and as Okta templates in SAML NameID templates, attribute values and OIN settings." });
  }
  const token = cdktfTokenText(value);
  if (token !== undefined) {
    out.push({ path, what: `contains ${JSON.stringify(token)}, which cdktf reads as one of its tokens: synth would write what that token stands for (another resource's attribute, say) in its place, or fail`, value, fix: "write the value without cdktf's token text (${TfToken[…]}, #{TfToken[…]}, &{TfToken[…]} or a number near -8.1e+298); in Okta, rename the object first if it holds such text." });
  }
  // Half of a surrogate pair is no character: it has no UTF-8 form, so what reaches Okta (through
  // JSON, Terraform and HTTP) cannot be what config says.
  if (LONE_SURROGATE.test(value)) {
    out.push({ path, what: "contains half of a UTF-16 surrogate pair, which is no character and has no UTF-8 form (Okta cannot get what config says)", value, fix: "retype the value; a character beyond U+FFFF needs both halves, e.g. \\u{1F600} or \\ud83d\\ude00." });
  }
  if (INVISIBLE.test(value)) {
    const key = keyOf();
    const allowed = key === "certificate" ? value.replace(/\r?\n/g, "") : key === "description" ? value.replace(/\r?\n|\t/g, "") : value;
    if (INVISIBLE.test(allowed)) {
      out.push({ path, what: "contains a control character, NUL or a bidi override (invisible, or makes the value read differently than it is)", value, fix: "retype the value without invisible characters." });
    }
  }
  if (value.length > SHORTEST_LIMIT) {
    const max = ownEntry(MAX_LENGTH, keyOf());
    if (max !== undefined && value.length > max) out.push({ path, what: `is longer than Okta allows (${max} characters)`, value: `${value.slice(0, 40)}… (${value.length} characters)`, fix: `shorten it to at most ${max} characters.` });
  }
}

function check(node: Node, value: unknown, path: string, out: ConfigProblem[]): void {
  if (typeof value === "string") checkString(value, path, out);
  const n = deref(node);
  if (n.anyOf) return checkUnion(n.anyOf, value, path, out);
  if (n.const !== undefined) {
    if (value !== n.const) out.push({ path, what: `must be ${JSON.stringify(n.const)}`, value, fix: `write ${JSON.stringify(n.const)}.` });
    return;
  }
  if (n.enum) {
    if (!n.enum.includes(value as never)) out.push({ path, what: "is not one of the allowed values", value, fix: `use one of ${n.enum.map((e) => JSON.stringify(e)).join(", ")}.` });
    return;
  }
  const types = Array.isArray(n.type) ? n.type : n.type ? [n.type] : [];
  const actual = typeOf(value);
  if (types.length && !types.includes(actual) && !(types.includes("integer") && actual === "number")) {
    out.push({ path, what: `must be ${expected(n)}${describeField(node)}`, value, fix: `write ${expected(n)} here${actual === "string" && types.includes("array") ? `, e.g. [${JSON.stringify(value)}]` : ""}.` });
    return;
  }
  if (actual === "array" && n.items) {
    // An index loop, not forEach: a hole in a sparse array (`[a, , b]`) is a problem too.
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) check(n.items, items[i], `${path}[${i}]${labelOf(items[i])}`, out);
  }
  if (actual === "object") checkObject(n, value as Record<string, unknown>, path, out);
}

function labelOf(item: unknown): string {
  // By name where an entry has one (a group, rule or zone, whose id is optional), else by id (an app).
  const id = item && typeof item === "object" && !Array.isArray(item) ? ((item as { name?: unknown }).name ?? (item as { id?: unknown }).id) : undefined;
  return typeof id === "string" ? ` (${JSON.stringify(id)})` : "";
}

function checkObject(n: Node, value: Record<string, unknown>, path: string, out: ConfigProblem[]): void {
  const properties = n.properties ?? {};
  for (const key of n.required ?? []) {
    if (value[key] === undefined) out.push({ path: `${path}.${key}`, what: `is required${describeField(properties[key])}`, value: undefined, fix: `set ${key} to ${expected(properties[key])}.` });
  }
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    // A map's keys (API and policy ids, OIN settings) reach the JSON too: construct ids, jsonencoded settings.
    // Own properties only: a map's key is the user's (an API, tier or policy named "constructor"),
    // and `properties.constructor` would be Object's, read as the schema of a known setting.
    const prop = ownEntry(properties, key);
    const token = prop ? undefined : cdktfTokenText(key);
    if (token !== undefined) {
      out.push({ path: `${path}.${key}`, what: `is a key holding ${JSON.stringify(token)}, which cdktf reads as one of its tokens: synth would write what that token stands for in its place, or fail`, value: key, fix: "name it without cdktf's token text." });
      continue;
    }
    if (prop) check(prop, v, `${path}.${key}`, out);
    else if (n.additionalProperties && typeof n.additionalProperties === "object") check(n.additionalProperties, v, `${path}.${key}`, out);
    else if (n.additionalProperties !== true) {
      const allowed = Object.keys(properties);
      const guess = closest(key, allowed);
      // A credential is never echoed back: an error message ends up in logs.
      const secret = looksLikeSecretSetting(key, v);
      out.push({
        path: `${path}.${key}`,
        what: "is not a setting here (it would be ignored)",
        value: secret ? "(not shown: it looks like a credential)" : v,
        fix: secret && /\.catalog\.settings$/.test(path)
          ? `credentials go in catalog.secretSettings (a Terraform variable the deploy supplies), never in config; allowed here: ${allowed.join(", ")}.`
          : guess ? `did you mean ${guess}? Allowed here: ${allowed.join(", ")}.` : `remove it; allowed here: ${allowed.join(", ")}.`,
      });
    }
  }
}

/** A union of unions (AppConfig = OAuthAppConfig | IntegrationConfig) as one flat list. */
function flatten(branches: readonly Node[]): Node[] {
  return branches.flatMap((b) => {
    const d = deref(b);
    return d.anyOf ? flatten(d.anyOf) : [b];
  });
}

interface Union {
  readonly branches: readonly Node[];
  readonly key: string | undefined;
  /** The branch for each value of the discriminator. */
  readonly byTag: ReadonlyMap<unknown, Node>;
}
/** Each union of the schema, analysed once (it is met once per app at org scale). */
const unions = new WeakMap<readonly Node[], Union>();
function unionOf(nested: readonly Node[]): Union {
  let u = unions.get(nested);
  if (!u) {
    const branches = flatten(nested);
    const key = discriminatorOf(branches);
    const byTag = new Map<unknown, Node>();
    if (key) for (const b of branches) if (!byTag.has(deref(deref(b).properties![key]).const)) byTag.set(deref(deref(b).properties![key]).const, b);
    u = { branches, key, byTag };
    unions.set(nested, u);
  }
  return u;
}

function checkUnion(nested: readonly Node[], value: unknown, path: string, out: ConfigProblem[]): void {
  const union = unionOf(nested);
  const branches = union.branches;
  const key = value && typeof value === "object" && !Array.isArray(value) ? union.key : undefined;
  if (key) {
    const tag = (value as Record<string, unknown>)[key];
    const branch = union.byTag.get(tag);
    if (!branch) {
      const tags = branches.map((b) => JSON.stringify(deref(deref(b).properties![key]).const));
      out.push({ path: `${path}.${key}`, what: `must be one of ${tags.join(", ")}`, value: tag, fix: `set ${key} to one of ${tags.join(", ")}.` });
      return;
    }
    return check(branch, value, path, out);
  }
  // No discriminator: the value is fine if one branch takes it; otherwise report the branch
  // it came closest to (fewest problems), or what the union accepts.
  const tries = branches.map((b) => {
    const problems: ConfigProblem[] = [];
    check(b, value, path, problems);
    return problems;
  });
  if (tries.some((p) => p.length === 0)) return;
  const sameType = branches.filter((b) => {
    const t = deref(b).type;
    return t === typeOf(value) || (Array.isArray(t) && t.includes(typeOf(value))) || deref(b).const !== undefined && typeof deref(b).const === typeof value;
  });
  if (sameType.length === 1 && deref(sameType[0]).const === undefined) {
    appendAll(out, tries[branches.indexOf(sameType[0])]);
    return;
  }
  const best = [...tries].sort((a, b) => a.length - b.length)[0];
  if (sameType.length > 1 && best.length <= 2) {
    appendAll(out, best);
    return;
  }
  out.push({ path, what: `must be ${branches.map(expected).join(" or ")}`, value, fix: `write ${branches.map(expected).join(" or ")}.` });
}

/** Every problem of one config, each with its path from `label` (e.g. `config/dev.ts`). */
export function validateOrgConfig(config: unknown, label: string): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  check(ROOT, config, label, out);
  return out;
}
