import SCHEMA from "./okta-6.12.0.schema.json";

/**
 * The okta provider 6.12.0 schema facts (terraform/okta-6.12.0.schema.json) for the types this
 * project synthesizes, and a check of a stack's Terraform JSON against them. The bindings are
 * generated from 4.20.0 but every stack runs 6.12.x (stacks/provider-version.ts): this is what
 * proves the JSON the 4.20 bindings write is valid for the provider that applies it.
 */

export type AttributeKind = "required" | "optional" | "read-only" | "?";
export interface AttributeFact {
  readonly kind: AttributeKind;
  readonly type: string;
  readonly note?: string;
}
/** Block name (`.` = top level, or a nested block's name) → attribute → fact. */
export type TypeFacts = Readonly<Record<string, Readonly<Record<string, AttributeFact>>>>;

interface SchemaFacts {
  readonly version: string;
  readonly resources: Readonly<Record<string, TypeFacts>>;
  readonly data_sources: Readonly<Record<string, TypeFacts>>;
  readonly provider: TypeFacts;
}

export const OKTA_SCHEMA = SCHEMA as unknown as SchemaFacts;

/** Terraform meta-arguments and cdktf's metadata key: valid on every resource or data source. */
const META_ARGUMENTS = new Set(["//", "count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection"]);
const PROVIDER_META = new Set(["alias", "version"]);

export interface SchemaProblem {
  /** Construct path (from cdktf's metadata) or Terraform address. */
  readonly path: string;
  /** `okta_app_oauth.portal_App_1234` or `provider.okta`. */
  readonly address: string;
  /** The attribute, dotted into nested blocks: `jwks.kid`. */
  readonly attribute: string;
  readonly what: string;
  readonly fix: string;
}

/** A nested block's attribute type says `Block…`; its attributes live under the block's own name. */
export function isBlock(fact: AttributeFact): boolean {
  return fact.type.startsWith("Block");
}

type Json = Record<string, unknown>;

/**
 * Every attribute and nested block a stack's JSON sets, checked against the 6.12.0 facts:
 * unknown types, unknown attributes, read-only attributes set, required ones missing. Values
 * are not type-checked here: Terraform does that (the provider stand-in serves this schema).
 */
export function checkAgainstSchema(json: Json): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const sections: [string, Readonly<Record<string, TypeFacts>>, string][] = [
    ["resource", OKTA_SCHEMA.resources, ""],
    ["data", OKTA_SCHEMA.data_sources, "data."],
  ];
  for (const [section, facts, prefix] of sections) {
    for (const [type, byId] of Object.entries((json[section] ?? {}) as Record<string, Record<string, Json>>)) {
      for (const [id, attrs] of Object.entries(byId)) {
        const address = `${prefix}${type}.${id}`;
        const path = metadataPath(attrs) ?? address;
        const typeFacts = facts[type];
        if (!typeFacts) {
          if (type.startsWith("okta_")) {
            problems.push({ path, address, attribute: type, what: `${prefix}${type} is not in the okta ${OKTA_SCHEMA.version} schema facts`, fix: "use a type of the okta provider, or add its facts to terraform/okta-6.12.0.schema.json from the provider's docs at that tag." });
          }
          continue;
        }
        checkBlock(problems, { path, address, type: `${prefix}${type}` }, typeFacts, ".", attrs, "", META_ARGUMENTS);
      }
    }
  }
  for (const [name, blocks] of Object.entries((json.provider ?? {}) as Record<string, Json[]>)) {
    if (name !== "okta") continue;
    for (const block of blocks) checkBlock(problems, { path: `provider.${name}`, address: `provider.${name}`, type: "provider okta" }, OKTA_SCHEMA.provider, ".", block, "", PROVIDER_META);
  }
  return problems;
}

interface Where {
  readonly path: string;
  readonly address: string;
  readonly type: string;
}

/** Each block's required attributes, in the facts' order (every resource of a type asks again). */
const requiredOf = new WeakMap<object, string[]>();
function required(block: Readonly<Record<string, AttributeFact>>): string[] {
  let names = requiredOf.get(block);
  if (!names) requiredOf.set(block, (names = Object.keys(block).filter((name) => block[name].kind === "required")));
  return names;
}
const NO_META: ReadonlySet<string> = new Set();

function checkBlock(problems: SchemaProblem[], where: Where, facts: TypeFacts, blockName: string, attrs: Json, prefix: string, meta: ReadonlySet<string>): void {
  const block = facts[blockName] ?? {};
  for (const name of Object.keys(attrs)) {
    if (meta.has(name)) continue;
    const value = attrs[name];
    const fact = block[name];
    const attribute = `${prefix}${name}`;
    if (!fact) {
      const known = Object.keys(block).filter((a) => block[a].kind !== "read-only").sort();
      problems.push({ ...where, attribute, what: `${where.type} has no attribute "${attribute}" in okta provider ${OKTA_SCHEMA.version}`, fix: `remove it or use one of: ${known.join(", ")}.` });
      continue;
    }
    if (fact.kind === "read-only") {
      problems.push({ ...where, attribute, what: `${where.type}.${attribute} is read-only (set by Okta)`, fix: "remove it from the configuration; read it as an attribute of the resource instead." });
      continue;
    }
    if (isBlock(fact) && value !== null && typeof value === "object") {
      const items: unknown[] = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === "object") checkBlock(problems, where, facts, name, item as Json, `${attribute}.`, NO_META);
      }
    }
  }
  if (blockName === ".") {
    for (const name of required(block)) {
      if (attrs[name] === undefined) problems.push({ ...where, attribute: name, what: `${where.type} requires "${name}"`, fix: `set ${name}.` });
    }
  }
}

function metadataPath(attrs: Json): string | undefined {
  const meta = (attrs["//"] as Json | undefined)?.metadata as Json | undefined;
  return typeof meta?.path === "string" ? meta.path : undefined;
}
