/* eslint-disable @typescript-eslint/no-require-imports */
import { IConstruct } from "constructs";
import { TerraformElement, TerraformOutput, TerraformResource, TerraformStack } from "cdktf";

/**
 * cdktf's `TerraformStack.toTerraform` copies every value of a stack three times after each
 * element is resolved: a deep merge of each resolved element into the stack's JSON, then a
 * resolve of the whole result, although every element in it was just resolved (a resolve of
 * resolved JSON changes nothing: its tokens are gone, its `undefined` values dropped). At org
 * scale those copies were about a tenth of synth (docs/performance.md, 2026-12-02).
 *
 * This version does what cdktf's does, in cdktf's order, and differs only where it cannot
 * change the result: a resolved element's object that is new to the stack's JSON is put in
 * place instead of copied key by key, and at the end only what was not resolved with an
 * element is resolved: the stack's metadata (`//`) and what its overrides (`addOverride`)
 * reached.
 * `keysToSnakeCase` (each resource's meta-arguments, the same six keys every time) keeps the
 * snake case of each key it has seen, and `processDynamicAttributes` walks without a closure
 * per value. cdktf 0.21.0 is archived and pinned exactly;
 * `__tests__/cdktf-resolve.test.ts` compares every file synth writes with cdktf's own methods
 * (OKTA_CDKTF_FAST_RESOLVE=0 turns this off with the fast resolve).
 */

type Json = Record<string, unknown>;
interface StackInternals {
  readonly rawOverrides: Json;
  readonly cdktfVersion: string;
}
interface ResolvedElement {
  toMetadata(): unknown;
  toTerraform(): unknown;
}

const util = require("cdktf/lib/util") as {
  deepMerge: (target: unknown, ...sources: unknown[]) => unknown;
  keysToSnakeCase: (o: unknown) => unknown;
  snakeCase: (s: string) => string;
  processDynamicAttributes: (attributes: Json) => Json;
};
const { TerraformDynamicBlock } = require("cdktf/lib/terraform-dynamic-block") as { TerraformDynamicBlock: { isTerraformDynamicBlock: (x: unknown) => x is { toTerraformDynamicBlockJson(): unknown } } };
const tokens = require("cdktf/lib/_tokens") as { resolve: (scope: unknown, obj: unknown, preparing?: boolean) => unknown };
const { Tokenization } = require("cdktf/lib/tokens/token") as { Tokenization: { isResolvable: (o: unknown) => boolean; resolve: (o: unknown, options: object) => unknown } };
const { DefaultTokenResolver, StringConcat } = require("cdktf/lib/tokens/resolvable") as { DefaultTokenResolver: new (concat: unknown) => unknown; StringConcat: new () => unknown };
/** The resolver cdktf's stack methods resolve with (cdktf/lib/_tokens.js). */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

const cdktfStackToTerraform = TerraformStack.prototype.toTerraform;
const cdktfResourceToTerraform = TerraformResource.prototype.toTerraform;
const cdktfKeysToSnakeCase = util.keysToSnakeCase;
const cdktfProcessDynamicAttributes = util.processDynamicAttributes;

/** The stack's elements in cdktf's order (depth first, a nested stack left out). */
function elementsOf(node: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) if (!TerraformStack.isStack(child)) elementsOf(child, into);
  return into;
}

const isPlainObject = (v: unknown): v is Json => v !== null && typeof v === "object" && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * cdktf's deepMerge of a resolved element into the stack's JSON. deepMerge would copy an object
 * whose key the target lacks into a new one, key by key; a resolved object holds no
 * `undefined`, resolvable or Date for deepMerge to treat differently, so the copy would be
 * equal to it: it is put in place instead. A list merged into a list is deepMerge's
 * `[...existing, ...value]`, which copied the whole list again for each element that adds to
 * it: each adopted resource's import block (`import`) made an import of 10,000 apps quadratic.
 * Here the list is copied once, into one this merge owns, and later elements append to it.
 * Everything else is deepMerge's own.
 */
function mergeResolved(target: Json, source: Json, owned: WeakSet<unknown[]>): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    const existing = target[key];
    if (isPlainObject(value) && typeof existing !== "object" && !Tokenization.isResolvable(value)) target[key] = value;
    else if (isPlainObject(value) && isPlainObject(existing) && !Tokenization.isResolvable(value) && !Tokenization.isResolvable(existing)) mergeResolved(existing, value, owned);
    else if (Array.isArray(value) && Array.isArray(existing)) {
      const list = owned.has(existing) ? existing : [...existing];
      for (const item of value) list.push(item);
      owned.add(list);
      target[key] = list;
    } else util.deepMerge(target, { [key]: value });
  }
}

/** cdktf's resolve of one top-level key of a stack's JSON, with the path cdktf's whole-stack resolve gives it. */
function resolveAt(stack: TerraformStack, key: string, value: unknown): unknown {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER, prefix: [key] });
}

function stackToTerraform(this: TerraformStack): unknown {
  const own = this as unknown as StackInternals;
  const overridden = Object.keys(own.rawOverrides);
  const tf: Json = {};
  const metadata: Json = { version: own.cdktfVersion, stackName: this.node.id, backend: "local", cloud: undefined, ...(overridden.length > 0 ? { overrides: { stack: overridden } } : {}) };
  const elements = elementsOf(this);
  const metadatas = elements.map((e) => tokens.resolve(this, (e as unknown as ResolvedElement).toMetadata()));
  // Resolved, like the fragments below: each adopted resource's `imports` list is appended, not copied again.
  const ownedMeta = new WeakSet<unknown[]>();
  for (const meta of metadatas) mergeResolved(metadata, meta as Json, ownedMeta);
  const outputs: Json = {};
  for (const item of elements) {
    if (!TerraformOutput.isTerraformOutput(item)) continue;
    util.deepMerge(outputs, item.node.path.split("/").reduceRight<Json>((inner, part) => (Object.keys(inner).length === 0 ? { [part]: item.friendlyUniqueId } : { [part]: inner }), {}));
  }
  tf["//"] = { metadata, outputs };
  const fragments = elements.map((e) => tokens.resolve(this, (e as unknown as ResolvedElement).toTerraform()) as Json);
  const owned = new WeakSet<unknown[]>();
  for (const fragment of fragments) mergeResolved(tf, fragment, owned);
  util.deepMerge(tf, own.rawOverrides);
  // cdktf resolves the whole result here. Of it, only `//` and what the stack's overrides
  // reached (such as the provider version pin) were not resolved with an element.
  for (const key of new Set(["//", ...overridden])) {
    if (!(key in tf)) continue;
    const value = resolveAt(this, key, tf[key]);
    if (value === undefined) delete tf[key];
    else tf[key] = value;
  }
  return tf;
}

const snakeCases = new Map<string, string>();
const snakeCase = (key: string): string => {
  let s = snakeCases.get(key);
  if (s === undefined) snakeCases.set(key, (s = util.snakeCase(key)));
  return s;
};

/** cdktf's keysToSnakeCase, with each key's snake case computed once. */
function keysToSnakeCase(object: unknown): unknown {
  if (Tokenization.isResolvable(object)) return object;
  const each = (e: unknown) => (typeof e === "object" ? keysToSnakeCase(e) : e);
  if (Array.isArray(object)) return object.map(each);
  const source = object as Json;
  const out: Json = {};
  for (const key of Object.keys(source)) {
    if (key === "tags" || key === "environment") {
      out[key] = source[key];
      continue;
    }
    let value = source[key];
    if (typeof value === "object") value = keysToSnakeCase(value);
    if (Array.isArray(value)) value = value.map(each);
    out[snakeCase(key)] = value;
  }
  return out;
}

/** Set while a resource without overrides is turned into JSON: see resourceToTerraform. */
let dropUndefined = false;

/**
 * cdktf's processDynamicAttributes (every resource's attributes pass through it), without an
 * entries array and a closure per object: at 10,000 apps it was 4 % of synth.
 */
function processDynamicAttributes(attributes: Json): Json {
  const result: Json = {};
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (value === undefined && dropUndefined) continue;
    if (TerraformDynamicBlock.isTerraformDynamicBlock(value)) {
      if (!result.dynamic) result.dynamic = {};
      (result.dynamic as Json)[name] = value.toTerraformDynamicBlockJson();
    } else {
      // Only plain objects are descended into, as cdktf does.
      result[name] = value !== null && typeof value === "object" && value.constructor === Object ? processDynamicAttributes(value as Json) : value;
    }
  }
  return result;
}

/**
 * cdktf's TerraformResource.toTerraform. A binding's synthesizeAttributes lists every attribute
 * of its type, most of them undefined (an okta_app_oauth has about 70), and cdktf copies each
 * one twice before its resolve drops it. Without raw overrides of the resource nothing can
 * land in such a key first (the meta-arguments merged in have names of their own), so the copy
 * leaves them out: the resolved JSON is the same, key order included. A resource with raw
 * overrides, which may set one of those keys, is cdktf's own path.
 */
function resourceToTerraform(this: TerraformResource): unknown {
  if (Object.keys((this as unknown as { rawOverrides: Json }).rawOverrides).length > 0) return cdktfResourceToTerraform.call(this);
  dropUndefined = true;
  try {
    return cdktfResourceToTerraform.call(this);
  } finally {
    dropUndefined = false;
  }
}

/** Installs (or, with false, removes) these versions for every later synth. */
export function useFastStackJson(on: boolean): void {
  TerraformStack.prototype.toTerraform = on ? stackToTerraform : cdktfStackToTerraform;
  TerraformResource.prototype.toTerraform = on ? resourceToTerraform : cdktfResourceToTerraform;
  util.keysToSnakeCase = on ? keysToSnakeCase : cdktfKeysToSnakeCase;
  util.processDynamicAttributes = on ? processDynamicAttributes : cdktfProcessDynamicAttributes;
}
