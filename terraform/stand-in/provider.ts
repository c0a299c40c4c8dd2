import { appendFileSync } from "fs";
import { BlockModel, providerModel, toProtoBlock } from "./model";
import { UNKNOWN, Value, applyPlanned, computedValue, decodeValue, encodeValue, normalizeBlock, planCreate, readDataSource } from "./values";
import { consoleEdits, importedFromLocalOrg } from "./local-org";

/**
 * The okta provider stand-in's RPC handlers (Terraform plugin protocol 6). It serves the
 * provider 6.12.0 schema so Terraform core checks configuration and plans for real, and it
 * answers plan, apply, read and import with config values, ids and a few plausible computed
 * values. It has no Okta semantics beyond the schema: nothing is validated against Okta's
 * rules, no attribute forces replacement, nothing is stored outside Terraform's state.
 */

type Obj = { [name: string]: Value };
interface DynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}
interface Diagnostic {
  severity: "ERROR" | "WARNING";
  summary: string;
  detail: string;
}

function dv(value: Value): DynamicValue {
  return { msgpack: Buffer.from(encodeValue(value)) };
}

function read(value: DynamicValue | undefined): Value {
  if (value?.json && value.json.length) return JSON.parse(value.json.toString("utf8")) as Value;
  return decodeValue(value?.msgpack);
}

function error(summary: string, detail = ""): Diagnostic {
  return { severity: "ERROR", summary, detail };
}

function resourceModel(type: string): BlockModel | undefined {
  return providerModel().resources.get(type);
}

function isObject(value: Value): value is Obj {
  return value !== null && value !== UNKNOWN && typeof value === "object" && !Array.isArray(value);
}

type Handler = (request: Record<string, unknown>) => Record<string, unknown>;

export const HANDLERS: Readonly<Record<string, Handler>> = {
  GetProviderSchema: () => {
    const model = providerModel();
    const schemas = (m: ReadonlyMap<string, BlockModel>) => Object.fromEntries([...m].map(([t, b]) => [t, { version: 0, block: toProtoBlock(b) }]));
    return {
      provider: { version: 0, block: toProtoBlock(model.provider) },
      resource_schemas: schemas(model.resources),
      data_source_schemas: schemas(model.dataSources),
      diagnostics: [],
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false, move_resource_state: false },
    };
  },
  ValidateProviderConfig: () => ({ diagnostics: [] }),
  ValidateResourceConfig: () => ({ diagnostics: [] }),
  ValidateDataResourceConfig: () => ({ diagnostics: [] }),
  ConfigureProvider: () => ({ diagnostics: [] }),
  StopProvider: () => ({ Error: "" }),

  UpgradeResourceState: (req) => {
    const type = String(req.type_name);
    const model = resourceModel(type);
    if (!model) return { diagnostics: [error(`unknown resource type ${type}`)] };
    const raw = req.raw_state as { json?: Buffer } | undefined;
    const state = raw?.json?.length ? (JSON.parse(raw.json.toString("utf8")) as Value) : null;
    return { upgraded_state: dv(state === null ? null : normalizeBlock(model, state)), diagnostics: [] };
  },

  // A refresh: what the real provider reads from Okta (GET calls). Counted when asked, so
  // tests and the bench can see what a plan costs (OKTA_STAND_IN_READ_LOG, a line per read).
  ReadResource: (req) => {
    const type = String(req.type_name);
    const log = process.env.OKTA_STAND_IN_READ_LOG;
    if (log) appendFileSync(log, `${type}\n`);
    // A local sample org's console edits (npm run demo), read back as the provider would.
    const state = process.env.OKTA_STAND_IN_ORG ? read(req.current_state as DynamicValue) : null;
    const edits = isObject(state) && typeof state.id === "string" ? consoleEdits(type, state.id) : undefined;
    if (edits === "deleted") return { new_state: dv(null), private: req.private, diagnostics: [] };
    if (edits && Object.keys(edits).length && isObject(state)) return { new_state: dv(normalizeBlock(resourceModel(type)!, { ...state, ...(edits as Obj) })), private: req.private, diagnostics: [] };
    return { new_state: req.current_state, private: req.private, diagnostics: [] };
  },

  PlanResourceChange: (req) => {
    const type = String(req.type_name);
    const model = resourceModel(type);
    if (!model) return { diagnostics: [error(`unknown resource type ${type}`)] };
    const prior = read(req.prior_state as DynamicValue);
    const proposed = read(req.proposed_new_state as DynamicValue);
    if (!isObject(proposed)) return { planned_state: dv(null), diagnostics: [] };
    const planned = prior === null ? planCreate(model, proposed) : proposed;
    return { planned_state: dv(planned), requires_replace: [], planned_private: Buffer.alloc(0), diagnostics: [] };
  },

  ApplyResourceChange: (req) => {
    const type = String(req.type_name);
    const model = resourceModel(type);
    if (!model) return { diagnostics: [error(`unknown resource type ${type}`)] };
    const planned = read(req.planned_state as DynamicValue);
    // A write (create, update or delete), counted like reads (OKTA_STAND_IN_WRITE_LOG).
    const writes = process.env.OKTA_STAND_IN_WRITE_LOG;
    if (writes) appendFileSync(writes, `${type}\n`);
    if (!isObject(planned)) return { new_state: dv(null), diagnostics: [] };
    return { new_state: dv(applyPlanned(type, model, planned)), private: Buffer.alloc(0), diagnostics: [] };
  },

  ImportResourceState: (req) => {
    const type = String(req.type_name);
    const model = resourceModel(type);
    if (!model) return { diagnostics: [error(`unknown resource type ${type}`)] };
    // What the provider reads on import: from a local sample org when there is one (npm run demo);
    // else the id, and the computed values references read (an app's client id).
    const state = normalizeBlock(model, { ...(importedFromLocalOrg(type, String(req.id)) as Obj | undefined), id: String(req.id) });
    for (const a of model.attributes) if (a.computed && state[a.name] === null) state[a.name] = computedValue(type, a.name, state);
    return { imported_resources: [{ type_name: type, state: dv(state), private: Buffer.alloc(0) }], diagnostics: [] };
  },

  ReadDataSource: (req) => {
    const type = String(req.type_name);
    const log = process.env.OKTA_STAND_IN_READ_LOG;
    if (log) appendFileSync(log, `data.${type}\n`);
    const model = providerModel().dataSources.get(type);
    if (!model) return { diagnostics: [error(`unknown data source ${type}`)] };
    const config = read(req.config as DynamicValue);
    return { state: dv(readDataSource(type, model, isObject(config) ? config : {})), diagnostics: [] };
  },
};
