/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * cdktf resolves every value of every resource through one recursive function
 * (`cdktf/lib/tokens/private/resolve.js`) that, for each string, number, key and object, joins
 * the whole path into a string, allocates a context with two closures and runs three regular
 * expressions, although almost every value of an Okta org holds no token at all. At 1,000 apps
 * that walk and the garbage it leaves were about half of synth (issue 23's profile).
 *
 * This walk takes the values that cannot hold a token (no `TfToken[` marker, no encoded
 * number, no resolvable object) itself and hands everything else, with the same path and
 * options, to cdktf's own function: tokens, list and map tokens, number tokens, functions,
 * constructs and over-deep paths are resolved, or refused, exactly as cdktf does. cdktf 0.21.0
 * is archived and pinned exactly, so the internal module it replaces cannot move under it;
 * `__tests__/cdktf-resolve.test.ts` checks that every stack synthesizes byte-identical JSON
 * either way. OKTA_CDKTF_FAST_RESOLVE=0 turns it off.
 */

import { useFastStackJson } from "./cdktf-stack-json";

interface ResolveOptions {
  readonly prefix?: readonly string[];
  readonly [other: string]: unknown;
}
type Resolve = (obj: unknown, options: ResolveOptions) => unknown;

const resolveModule = require("cdktf/lib/tokens/private/resolve") as { resolve: Resolve };
const encoding = require("cdktf/lib/tokens/private/encoding") as { extractTokenDouble: (x: number, list: boolean) => number | undefined; VALID_KEY_CHARS: string };
const { TokenMap } = require("cdktf/lib/tokens/private/token-map") as { TokenMap: { instance(): { lookupToken(key: string): unknown } } };
const { ref } = require("cdktf/lib/tfExpression") as { ref: (identifier: string) => object };
const { Token } = require("cdktf/lib/tokens/token") as { Token: { STRING_MAP_TOKEN_VALUE: string; ANY_MAP_TOKEN_VALUE: string; NUMBER_MAP_TOKEN_VALUE: number } };

/** cdktf's own resolve, kept for every value this walk does not take. */
const cdktfResolve: Resolve = resolveModule.resolve;

/** What cdktf's encoded-number pattern matches (it then looks the number up); such strings go to cdktf. */
const NUMBER_LIKE = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;
/** A string that is one string token and nothing else, such as a resource's `.id`. */
const WHOLE_TOKEN = new RegExp(`^\\$\\{TfToken\\[([${encoding.VALID_KEY_CHARS}]+)\\]\\}$`);
/** cdktf's Reference (`okta_group.x.id`), the class behind most tokens of a stack; cdktf does not export it. */
const REFERENCE = Object.getPrototypeOf(ref("x")) as object;
/** cdktf refuses paths deeper than this (a cyclic structure); cdktf's function throws its own error. */
const MAX_DEPTH = 200;

function plainString(s: string): boolean {
  return !s.includes("TfToken[") && s !== Token.STRING_MAP_TOKEN_VALUE && s !== Token.ANY_MAP_TOKEN_VALUE && !NUMBER_LIKE.test(s);
}

/** cdktf's string, list and map token markers around a key: what its resolve looks up wherever it is in a string. */
const TOKEN_MARKER = new RegExp(`[$#&]\\{TfToken\\[[${encoding.VALID_KEY_CHARS}]+\\]\\}`);
const NUMBERS_LIKE = new RegExp(NUMBER_LIKE.source, "g");
// parseFloat reads an exponent only after a digit or a point.
const HAS_EXPONENT = /[\d.]e/;

/**
 * The part of a string cdktf would read as one of its tokens, if any: `${TfToken[TOKEN.12]}`
 * (or its list and map forms) is looked up and replaced by what that token stands for, such as
 * another resource's id written as a live Terraform reference; a number in cdktf's token
 * encoding (about -8.1e+298) is replaced by its token's value, or fails synth. Config refuses
 * such text (config/validate.ts): a label imported from Okta must not choose what synth writes.
 */
export function cdktfTokenText(value: string): string | undefined {
  if (value.includes("TfToken[")) {
    const marker = TOKEN_MARKER.exec(value);
    if (marker) return marker[0];
  }
  // Every config string passes here: most hold no number with an exponent at all.
  if (!HAS_EXPONENT.test(value)) return undefined;
  for (const match of value.matchAll(NUMBERS_LIKE)) if (encoding.extractTokenDouble(parseFloat(match[0]), false) !== undefined) return match[0];
  return undefined;
}

let preparing = 0;
/**
 * Runs `resolve` with every resolve a preparing one, as cdktf's prepareStack resolves. Only a
 * preparing resolve turns a reference into another stack into that stack's output and a remote
 * state here (cdktf's Reference); synthesizeAll skips prepareStack for a stack whose JSON it
 * resolved this way, and would otherwise write a reference Terraform cannot follow.
 */
export function resolvingAsPrepared<T>(resolve: () => T): T {
  preparing++;
  try {
    return resolve();
  } finally {
    preparing--;
  }
}
const asPrepared = (options: ResolveOptions): ResolveOptions => (preparing > 0 ? { ...options, preparing: true } : options);

/** cdktf's own resolve, preparing inside resolvingAsPrepared: what is installed while the fast walk is off. */
export const cdktfPreparedResolve: Resolve = (obj, options) => cdktfResolve(obj, asPrepared(options));

/** cdktf's resolve, with every value that holds no token returned as it is, without cdktf's per-value cost. */
export const fastResolve: Resolve = (obj, options) => {
  // The path below the caller's prefix; spelled out only when cdktf takes over.
  const below: (string | number)[] = [];
  const slow = (value: unknown) => cdktfResolve(value, { ...asPrepared(options), prefix: [...(options.prefix ?? []), ...below.map(String)] });
  const depth0 = options.prefix?.length ?? 0;
  // A string that is one Reference token: cdktf would split it into fragments, resolve that one
  // token with this same path and options, and join the one result; the token is resolved by
  // cdktf here without the splitting. Its result is then a string like any other (a number
  // token in it included). Anything else, or a call below another resolve, is cdktf's.
  const wholeReference = (text: string): unknown => {
    const key = options.previousContext === undefined ? WHOLE_TOKEN.exec(text)?.[1] : undefined;
    if (key === undefined) return slow(text);
    let token: unknown;
    try {
      token = TokenMap.instance().lookupToken(key);
    } catch {
      return slow(text); // an unknown token: cdktf's own error
    }
    if (token === null || typeof token !== "object" || Object.getPrototypeOf(token) !== REFERENCE) return slow(text);
    const resolved = slow(token);
    if (typeof resolved !== "string") return slow(text);
    return plainString(resolved) ? resolved : slow(resolved);
  };
  // Plain recursion without closures per value, try/finally or map/filter: at org scale this
  // walk visits every value of every resource twice (cdktf resolves each element, then the stack).
  const walk = (value: unknown): unknown => {
    if (depth0 + below.length > MAX_DEPTH) return slow(value);
    if (value === undefined || value === null) return value;
    switch (typeof value) {
      case "string":
        return plainString(value) ? value : wholeReference(value);
      case "number":
        return value !== Token.NUMBER_MAP_TOKEN_VALUE && encoding.extractTokenDouble(value, false) === undefined ? value : slow(value);
      case "boolean":
      case "bigint":
      case "symbol":
        return value;
      case "object":
        break;
      default:
        return slow(value);
    }
    if (value instanceof Date) return value;
    if (Array.isArray(value)) {
      // A list token, a number list token or a resolvable list: cdktf's.
      for (let i = 0; i < value.length; i++) {
        const x: unknown = value[i];
        if ((typeof x === "string" && x.includes("TfToken[")) || (typeof x === "number" && encoding.extractTokenDouble(x, true) !== undefined)) return slow(value);
      }
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) continue; // a hole: cdktf's map skips it, its filter drops it
        below.push(i);
        const r = walk(value[i]);
        below.pop();
        if (typeof r !== "undefined") out.push(r);
      }
      return out;
    }
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    // A resolvable, a map token, a key that is itself a token, or a construct: cdktf's.
    if (typeof o.resolve === "function" || (o._children !== undefined && o._metadata !== undefined)) return slow(value);
    for (let i = 0; i < keys.length; i++) if (!plainString(keys[i])) return slow(value);
    const result: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      below.push(key);
      const r = walk(o[key]);
      below.pop();
      if (typeof r !== "undefined") result[key] = r;
    }
    return result;
  };
  return walk(obj);
};

/**
 * Installs (or, with false, removes) the fast walk for every later cdktf resolve, and the
 * stack JSON without cdktf's copies of resolved values (stacks/cdktf-stack-json.ts).
 */
export function useFastResolve(on: boolean): void {
  resolveModule.resolve = on ? fastResolve : cdktfPreparedResolve;
  useFastStackJson(on);
}
