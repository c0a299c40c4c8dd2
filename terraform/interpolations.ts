import { escapeTemplate } from "../constructs/template";

/**
 * The last line of defence against Terraform expressions smuggled in through strings: Terraform
 * evaluates `${…}` and `%{…}` in every string of its JSON configuration, so a value that reads
 * `https://${"\u002a"}.example.com/cb` to a reviewer and to the guardrails becomes
 * `https://*.example.com/cb` in Okta. In the resolved JSON of a stack, the only interpolations
 * allowed are cdktf's plain references (`${okta_group.x.id}`); a literal `${` or `%{` must be
 * escaped (`$${`, `%%{`). This runs at every synth on every stack, whatever built it.
 */

const REFERENCE = /^(data\.)?[A-Za-z_][\w-]*\.[\w-]+(\.[\w-]+|\[\d+\]|\["[^"\\]*"\])*$/;
const SECRET_VALUE = /^jsonencode\(var\.[a-z][a-z0-9_]*\)$/;

export interface Interpolation {
  /** JSON path of the string: `resource.okta_app_oauth.x.redirect_uris[0]`. */
  readonly at: string;
  readonly value: string;
  /** The offending expression. */
  readonly expression: string;
}

/** The unescaped template sequences of a string that are not plain references. */
export function unsafeExpressions(text: string): string[] {
  const found: string[] = [];
  // Every template sequence opens with a brace: most strings of a stack hold none.
  if (!text.includes("{")) return found;
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    if (two === "$$" && text[i + 2] === "{") {
      i += 2;
      continue;
    }
    if (two === "%%" && text[i + 2] === "{") {
      i += 2;
      continue;
    }
    if (two === "%{") {
      found.push(text.slice(i, closing(text, i + 2) + 1));
      continue;
    }
    if (two === "${") {
      const end = closing(text, i + 2);
      const expression = text.slice(i, end + 1);
      const inner = text.slice(i + 2, end);
      // A secret's value, JSON-quoted (OIN secretSettings): jsonencode of a variable and nothing else.
      if (!REFERENCE.test(inner) && !SECRET_VALUE.test(inner)) found.push(expression);
      i = end;
    }
  }
  return found;
}

/** Index of the `}` that closes a `{` opened before `from`, or the string's end. */
function closing(text: string, from: number): number {
  let depth = 1;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return text.length - 1;
}

/** Every string of a stack's resources, data sources, providers and outputs with an unsafe expression. */
export function unsafeInterpolations(json: Record<string, unknown>): Interpolation[] {
  const out: Interpolation[] = [];
  // The path is spelled out only for a hit: building it for every string of a 10,000-app stack
  // was most of this check's time.
  // One path, extended and cut back as the walk goes: no array per value.
  const path: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      // Every template sequence opens with a brace: most strings of a stack hold none.
      if (value.includes("{")) for (const expression of unsafeExpressions(value)) out.push({ at: pathText(path), value, expression });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) continue; // a hole: forEach skips it too
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value && typeof value === "object") {
      for (const k in value) {
        if (k === "//") continue;
        path.push(k);
        walk((value as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  for (const section of ["resource", "data", "provider", "output"]) {
    path.push(section);
    walk(json[section]);
    path.pop();
  }
  return out;
}

/** `resource.okta_app_oauth.x.redirect_uris[0]` */
function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** Attributes that hold free text from config or Okta (names, labels, descriptions): literals, never expressions. */
export const FREE_TEXT_ATTRIBUTES: ReadonlySet<string> = new Set(["label", "name", "description", "display_name"]);

/**
 * A literal as Terraform JSON must write it to reach Okta unchanged: every `${` and `%{`
 * escaped (`$${`, `%%{`), runs of `$` and `%` included (`$${x}` → `$$${x}`, which Terraform
 * reads back as `$${x}`), except a whole plain reference cdktf wrote (`${okta_group.x.id}`).
 */
export function escapeLiteral(text: string): string {
  return isWholeReference(text) ? text : escapeTemplate(text);
}

/**
 * Whether a string is one plain Terraform reference and nothing else (`${okta_group.x.id}`):
 * what cdktf writes for a reference in an attribute, left unescaped in free text. Config's
 * free text may therefore not be written so (config/validate.ts).
 */
export function isWholeReference(text: string): boolean {
  const whole = /^\$\{([^{}]*)\}$/.exec(text);
  return whole !== null && REFERENCE.test(whole[1]);
}

/** What escapeLiteral wrote, as Okta holds it. */
export function unescapeLiteral(text: string): string {
  return text.replace(/\$\$\{/g, () => "${").replace(/%%\{/g, () => "%{");
}

/**
 * A stack's JSON with every free-text attribute of its resources escaped: a label, group name
 * or description may hold `${`, `%{` or `$${` (Okta allows any of them) and reaches Okta as
 * written. Applied to the JSON cdktf writes, whatever construct or escape hatch set the value.
 */
export function escapeFreeText<T extends Record<string, unknown>>(json: T): T {
  // Copy on write: only the blocks whose text needs escaping are new objects (most need none,
  // and rebuilding every block of a large org was a measurable share of synth).
  const escapeAttrs = (attrs: unknown, keys: (k: string) => boolean) => {
    if (!attrs || typeof attrs !== "object") return attrs;
    let copy: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(attrs)) {
      if (!keys(k) || typeof v !== "string") continue;
      const escaped = escapeLiteral(v);
      if (escaped !== v) (copy ??= { ...(attrs as Record<string, unknown>) })[k] = escaped;
    }
    return copy ?? attrs;
  };
  const mapChanged = <V>(record: Record<string, V>, f: (v: V) => V): Record<string, V> => {
    let copy: Record<string, V> | undefined;
    for (const [k, v] of Object.entries(record)) {
      const next = f(v);
      if (next !== v) (copy ??= { ...record })[k] = next;
    }
    return copy ?? record;
  };
  const freeText = (k: string) => FREE_TEXT_ATTRIBUTES.has(k);
  const out: Record<string, unknown> = { ...json };
  if (json.resource && typeof json.resource === "object") {
    out.resource = mapChanged(json.resource as Record<string, Record<string, unknown>>, (byName) => (byName && typeof byName === "object" ? mapChanged(byName, (attrs) => escapeAttrs(attrs, freeText)) : byName));
  }
  // Outputs too: their descriptions quote app labels.
  if (json.output && typeof json.output === "object") out.output = mapChanged(json.output as Record<string, unknown>, (o) => escapeAttrs(o, (k) => k === "description"));
  return out as T;
}
