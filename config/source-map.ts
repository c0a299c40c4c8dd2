import * as fs from "fs";
import * as path from "path";

/**
 * Where a config entry is written: the file and line of an app, group, group rule or API in
 * config/ (team files and environment files), and of a key inside it. Synth does not
 * type-check (scripts/run.js only transpiles), so without this an error could only say
 * `apps[11]`, an index in the merged list that is in no file. The config files are parsed with
 * TypeScript's own parser, only when there is an error to place.
 */

export interface SourceLocation {
  /** Relative to the project root, e.g. `config/teams/finance.ts`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** What a config path or construct path points at: an entry and a path of keys inside it. */
export interface EntryRef {
  readonly kind: "app" | "group" | "groupRule" | "api" | "apiCenter" | "zone" | "policy";
  readonly key: string;
  readonly rest: readonly (string | number)[];
}

type Ts = typeof import("typescript");
type Node = import("typescript").Node;
type ObjectLiteral = import("typescript").ObjectLiteralExpression;

interface Entry {
  readonly kind: EntryRef["kind"];
  readonly key: string;
  readonly file: string;
  readonly node: ObjectLiteral;
  readonly source: import("typescript").SourceFile;
  /** A group's, group rule's or zone's own construct key (`id`), when it sets one. */
  readonly id?: string;
}

/** The project root, whether this runs from config/ (ts-node, jest) or .build/config/ (scripts/run.js). */
const ROOT = __dirname.split(path.sep).includes(".build") ? path.resolve(__dirname, "..", "..") : path.resolve(__dirname, "..");

let index: { ts: Ts; entries: Entry[] } | null | undefined;

/** TypeScript is a dev dependency: without it (a production install) errors carry no line. */
function load(): { ts: Ts; entries: Entry[] } | null {
  if (index !== undefined) return index;
  let ts: Ts;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ts = require("typescript") as Ts;
  } catch {
    return (index = null);
  }
  const entries: Entry[] = [];
  const dir = path.join(ROOT, "config");
  const files: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) files.push(full);
    }
  };
  walk(dir);
  for (const full of files.sort()) {
    const file = path.relative(ROOT, full).split(path.sep).join("/");
    const source = ts.createSourceFile(full, fs.readFileSync(full, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const id = stringProperty(ts, node, "id");
        const parentKey = containerKey(ts, node);
        if (id !== undefined && stringProperty(ts, node, "kind") !== undefined) entries.push({ kind: "app", key: id, file, node, source });
        else if (parentKey === "groups" && stringProperty(ts, node, "name") !== undefined) entries.push({ kind: "group", key: stringProperty(ts, node, "name")!, file, node, source, id });
        else if (parentKey === "groupRules" && stringProperty(ts, node, "name") !== undefined) entries.push({ kind: "groupRule", key: stringProperty(ts, node, "name")!, file, node, source, id });
        else if (parentKey === "networkZones" && stringProperty(ts, node, "name") !== undefined) entries.push({ kind: "zone", key: stringProperty(ts, node, "name")!, file, node, source, id });
        const assignment = node.parent && ts.isPropertyAssignment(node.parent) ? node.parent : undefined;
        const owner = assignment?.parent && ts.isObjectLiteralExpression(assignment.parent) ? assignment.parent : undefined;
        const ownerKey = owner && owner.parent && ts.isPropertyAssignment(owner.parent) ? propertyName(ts, owner.parent.name) : undefined;
        if (assignment && ownerKey === "apis") entries.push({ kind: "api", key: propertyName(ts, assignment.name) ?? "", file, node, source });
        if (assignment && ownerKey === "authenticationPolicies") entries.push({ kind: "policy", key: propertyName(ts, assignment.name) ?? "", file, node, source });
        if (assignment && propertyName(ts, assignment.name) === "apiCenter") entries.push({ kind: "apiCenter", key: "apiCenter", file, node, source });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return (index = { ts, entries });
}

function propertyName(ts: Ts, name: import("typescript").PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

function property(ts: Ts, node: ObjectLiteral, key: string): import("typescript").PropertyAssignment | import("typescript").ShorthandPropertyAssignment | undefined {
  for (const p of node.properties) {
    if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && propertyName(ts, p.name) === key) return p;
  }
  return undefined;
}

function stringProperty(ts: Ts, node: ObjectLiteral, key: string): string | undefined {
  const p = property(ts, node, key);
  return p && ts.isPropertyAssignment(p) && (ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer)) ? p.initializer.text : undefined;
}

/** The key of the property whose array holds this object (`groups` for `groups: [{…}]`). */
function containerKey(ts: Ts, node: Node): string | undefined {
  const array = node.parent;
  if (!array || !ts.isArrayLiteralExpression(array)) return undefined;
  return array.parent && ts.isPropertyAssignment(array.parent) ? propertyName(ts, array.parent.name) : undefined;
}

/** Every place an entry is written (an app id declared twice has two). */
export function locateAll(ref: Pick<EntryRef, "kind" | "key">): SourceLocation[] {
  const loaded = load();
  if (!loaded) return [];
  return loaded.entries.filter((e) => e.kind === ref.kind && e.key === ref.key).map((e) => entryStart(loaded.ts, e));
}

/**
 * The line of a key inside an entry (`redirectUri` of the app "shipment-tracker"), or of the
 * deepest part of that path that is written there, or of the entry itself.
 */
export function locate(ref: EntryRef): SourceLocation | undefined {
  const loaded = load();
  if (!loaded) return undefined;
  const { ts } = loaded;
  const entry = loaded.entries.find((e) => e.kind === ref.kind && e.key === ref.key);
  if (!entry) return undefined;
  let node: Node = entry.node;
  if (!ref.rest.length || (typeof ref.rest[0] === "string" && !property(ts, entry.node, ref.rest[0]))) return entryStart(ts, entry);
  for (const step of ref.rest) {
    if (typeof step === "string" && ts.isObjectLiteralExpression(node)) {
      const p = property(ts, node, step);
      if (!p) break;
      node = ts.isPropertyAssignment(p) ? p.initializer : p;
      if (step === ref.rest[ref.rest.length - 1]) node = p;
    } else if (typeof step === "number" && ts.isArrayLiteralExpression(node) && node.elements[step]) node = node.elements[step];
    else break;
  }
  return at(entry.source, node.getStart(entry.source));
}

/** The line a person recognizes an entry by: its id or name, or `payments: {` for an API. */
function entryStart(ts: Ts, entry: Entry): SourceLocation {
  const key = entry.kind === "app" ? property(ts, entry.node, "id") : entry.kind === "group" || entry.kind === "groupRule" || entry.kind === "zone" ? property(ts, entry.node, "name") : entry.node.parent;
  return at(entry.source, (key ?? entry.node).getStart(entry.source));
}

function at(source: import("typescript").SourceFile, pos: number): SourceLocation {
  const { line, character } = source.getLineAndCharacterOfPosition(pos);
  return { file: path.relative(ROOT, source.fileName).split(path.sep).join("/"), line: line + 1, column: character + 1 };
}

export function formatLocation(l: SourceLocation): string {
  return `${l.file}:${l.line}:${l.column}`;
}

/**
 * The entry a schema problem's path points at: `okta-dev config.apps[11] ("shipment-tracker").redirectUri`
 * → the app "shipment-tracker", key redirectUri.
 */
export function entryOfConfigPath(configPath: string): EntryRef | undefined {
  const m = /^\S+ config\.(.*)$/.exec(configPath) ?? /^config\[\d+\]\.(.*)$/.exec(configPath);
  if (!m) return undefined;
  const steps: (string | number)[] = [];
  const labels: string[] = [];
  for (const t of m[1].matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\s\((".*?")\)/g)) {
    if (t[1] !== undefined) steps.push(t[1]);
    else if (t[2] !== undefined) steps.push(Number(t[2]));
    else if (t[3] !== undefined) labels[steps.length - 1] = JSON.parse(t[3]) as string;
  }
  const [first, second] = steps;
  const label = labels[1];
  if (first === "apps" && typeof second === "number" && label) return { kind: "app", key: label, rest: steps.slice(2) };
  if (first === "groups" && typeof second === "number" && label) return { kind: "group", key: label, rest: steps.slice(2) };
  if (first === "groupRules" && typeof second === "number" && label) return { kind: "groupRule", key: label, rest: steps.slice(2) };
  if (first === "apis" && typeof second === "string") return { kind: "api", key: second, rest: steps.slice(2) };
  if (first === "authenticationPolicies" && typeof second === "string") return { kind: "policy", key: second, rest: steps.slice(2) };
  if (first === "networkZones" && typeof second === "number" && label) return { kind: "zone", key: label, rest: steps.slice(2) };
  if (first === "apiCenter") return { kind: "apiCenter", key: "apiCenter", rest: steps.slice(1) };
  return undefined;
}

/** The entry a construct path points at: `okta-dev/billing/App` → the app "billing". */
export function entryOfConstructPath(constructPath: string, slugOf: (name: string) => string): EntryRef | undefined {
  const [, second] = constructPath.split("/");
  if (!second) return undefined;
  const loaded = load();
  if (!loaded) return undefined;
  if (second === "ApiCenter") return { kind: "apiCenter", key: "apiCenter", rest: [] };
  if (second.startsWith("Api-")) return { kind: "api", key: second.slice(4), rest: [] };
  if (second.startsWith("AuthPolicy-")) return { kind: "policy", key: second.slice("AuthPolicy-".length), rest: [] };
  // By the entry's own id where it sets one, else by the slug of its name, as the stack names it.
  const bySlug = (kind: EntryRef["kind"], s: string) => loaded.entries.find((e) => e.kind === kind && (e.id ?? slugOf(e.key)) === s);
  if (second.startsWith("Zone-")) {
    const e = bySlug("zone", second.slice("Zone-".length));
    return e ? { kind: "zone", key: e.key, rest: [] } : undefined;
  }
  if (second.startsWith("GroupRule-")) {
    const e = bySlug("groupRule", second.slice("GroupRule-".length));
    return e ? { kind: "groupRule", key: e.key, rest: [] } : undefined;
  }
  if (second.startsWith("Group-")) {
    const e = bySlug("group", second.slice("Group-".length));
    return e ? { kind: "group", key: e.key, rest: [] } : undefined;
  }
  return loaded.entries.some((e) => e.kind === "app" && e.key === second) ? { kind: "app", key: second, rest: [] } : undefined;
}
