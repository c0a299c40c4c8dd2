import { AttributeFact, OKTA_SCHEMA, TypeFacts, isBlock } from "../schema";

/**
 * The okta provider 6.12.0 schema as Terraform's plugin protocol wants it, built from the
 * project's schema facts (terraform/okta-6.12.0.schema.json): attribute types in cty's JSON
 * form, required/optional/computed, and nested blocks with their nesting mode.
 */

/** A cty type, as Terraform encodes it in a schema: "string", ["list", "string"], ["object", {...}]. */
export type CtyType = "string" | "number" | "bool" | readonly ["list" | "set" | "map", CtyType] | readonly ["object", Readonly<Record<string, CtyType>>];

export interface AttributeModel {
  readonly name: string;
  readonly type: CtyType;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
}

export interface NestedBlockModel {
  readonly name: string;
  readonly nesting: "SINGLE" | "LIST" | "SET";
  readonly maxItems: number;
  readonly block: BlockModel;
}

export interface BlockModel {
  readonly attributes: readonly AttributeModel[];
  readonly blocks: readonly NestedBlockModel[];
}

/**
 * Attributes the docs call optional that the provider source marks Optional+Computed, where
 * the stand-in must fill a value when config leaves it unset (outputs read them).
 */
const OPTIONAL_COMPUTED: Readonly<Record<string, readonly string[]>> = {
  okta_app_oauth: ["client_id"],
};

function primitive(base: string): CtyType | undefined {
  switch (base) {
    case "String":
    case "JSON String":
      return "string";
    case "Number":
    case "Integer":
    case "int":
    case "float32":
      return "number";
    case "Boolean":
    case "Bool":
      return "bool";
    default:
      return undefined;
  }
}

/** The cty type of a fact's type text ("Set of String", "List of Object", ...). */
function ctyTypeOf(facts: TypeFacts, name: string, fact: AttributeFact): CtyType {
  const base = fact.type.split(",")[0].trim();
  const direct = primitive(base);
  if (direct) return direct;
  const collection = /^(List|Set|Map) of (.+)$/.exec(base);
  if (collection) {
    const kind = collection[1].toLowerCase() as "list" | "set" | "map";
    const element = collection[2] === "Object" ? objectType(facts, name) : (primitive(collection[2]) ?? "string");
    return [kind, element];
  }
  if (base === "Object" || base.startsWith("Block")) return objectType(facts, name);
  if (base === "Set") return ["set", "string"];
  return ["list", "string"];
}

function objectType(facts: TypeFacts, name: string): CtyType {
  const sub = facts[name] ?? {};
  return ["object", Object.fromEntries(Object.entries(sub).map(([n, f]) => [n, ctyTypeOf(facts, n, f)]))];
}

function blockModel(facts: TypeFacts, blockName: string, type: string): BlockModel {
  const attributes: AttributeModel[] = [];
  const blocks: NestedBlockModel[] = [];
  const optionalComputed = OPTIONAL_COMPUTED[type] ?? [];
  for (const [name, fact] of Object.entries(facts[blockName] ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const readOnly = fact.kind === "read-only";
    // A read-only "block" cannot be a protocol block (blocks are never computed): it is a
    // computed object attribute, as the provider's framework data sources declare it.
    if (isBlock(fact) && !readOnly) {
      const nesting = fact.type.startsWith("Block List") ? "LIST" : fact.type.startsWith("Block Set") ? "SET" : "SINGLE";
      const max = /Max: (\d+)/.exec(fact.type);
      blocks.push({ name, nesting, maxItems: max ? Number(max[1]) : 0, block: blockModel(facts, name, type) });
      continue;
    }
    const cty = ctyTypeOf(facts, name, fact);
    attributes.push({
      name,
      type: readOnly && isBlock(fact) ? cty : cty,
      required: fact.kind === "required",
      optional: fact.kind === "optional" || fact.kind === "?",
      computed: readOnly || (blockName === "." && (name === "id" || optionalComputed.includes(name))),
      sensitive: /Sensitive/.test(fact.type),
    });
  }
  // Every managed resource and data source has an id, optional+computed as the SDK declares it.
  if (blockName === "." && type !== "provider" && !attributes.some((a) => a.name === "id")) {
    attributes.push({ name: "id", type: "string", required: false, optional: true, computed: true, sensitive: false });
  }
  return { attributes, blocks };
}

export interface ProviderModel {
  readonly provider: BlockModel;
  readonly resources: ReadonlyMap<string, BlockModel>;
  readonly dataSources: ReadonlyMap<string, BlockModel>;
}

let cached: ProviderModel | undefined;

export function providerModel(): ProviderModel {
  cached ??= {
    provider: blockModel(OKTA_SCHEMA.provider, ".", "provider"),
    resources: new Map(Object.entries(OKTA_SCHEMA.resources).map(([t, f]) => [t, blockModel(f, ".", t)])),
    dataSources: new Map(Object.entries(OKTA_SCHEMA.data_sources).map(([t, f]) => [t, blockModel(f, ".", t)])),
  };
  return cached;
}

/** The protocol's Schema.Block message for a block model. */
export function toProtoBlock(block: BlockModel): Record<string, unknown> {
  return {
    version: 0,
    attributes: block.attributes.map((a) => ({
      name: a.name,
      type: Buffer.from(JSON.stringify(a.type)),
      required: a.required,
      optional: a.optional && !a.required,
      computed: a.computed,
      sensitive: a.sensitive,
    })),
    block_types: block.blocks.map((b) => ({ type_name: b.name, block: toProtoBlock(b.block), nesting: b.nesting, min_items: 0, max_items: b.maxItems })),
  };
}
