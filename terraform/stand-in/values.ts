import { createHash, randomBytes } from "crypto";
import { ExtensionCodec, decode, encode } from "@msgpack/msgpack";
import { BlockModel, CtyType } from "./model";
import { localEveryoneId, localUserTypeId } from "./local-org";

/**
 * Terraform's DynamicValue in msgpack, as cty encodes it: objects as maps of every attribute,
 * sets and lists as arrays, and an unknown value ("known after apply") as msgpack extension 0
 * (extension 12 carries refinements of an unknown, which a stand-in may ignore).
 */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Value = null | string | number | boolean | typeof UNKNOWN | Value[] | { [name: string]: Value };

const codec = new ExtensionCodec();
codec.register({
  type: 0,
  encode: (v: unknown) => (v === UNKNOWN ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
codec.register({ type: 12, encode: () => null, decode: () => UNKNOWN });

export function decodeValue(bytes: Uint8Array | undefined): Value {
  if (!bytes || bytes.length === 0) return null;
  return decode(bytes, { extensionCodec: codec, useBigInt64: false }) as Value;
}

export function encodeValue(value: Value): Uint8Array {
  return encode(value, { extensionCodec: codec, ignoreUndefined: false });
}

type Obj = { [name: string]: Value };

function isObj(value: Value): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A value shaped exactly as the schema says: every attribute present (null when absent). */
export function normalizeBlock(block: BlockModel, value: Value): Obj {
  const source = isObj(value) ? value : {};
  const out: Obj = {};
  for (const a of block.attributes) out[a.name] = normalizeType(a.type, source[a.name] ?? null);
  for (const b of block.blocks) {
    const v = source[b.name] ?? null;
    if (b.nesting === "SINGLE") out[b.name] = v === null ? null : normalizeBlock(b.block, v);
    else out[b.name] = Array.isArray(v) ? v.map((item) => normalizeBlock(b.block, item)) : [];
  }
  return out;
}

function normalizeType(type: CtyType, value: Value): Value {
  if (value === null || value === UNKNOWN || typeof type === "string") return value;
  if (type[0] === "object") {
    if (!isObj(value)) return value;
    const attrs = type[1] as Readonly<Record<string, CtyType>>;
    return Object.fromEntries(Object.entries(attrs).map(([n, t]) => [n, normalizeType(t, value[n] ?? null)]));
  }
  const element = type[1] as CtyType;
  if (type[0] === "map") return isObj(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeType(element, v)])) : value;
  return Array.isArray(value) ? value.map((v) => normalizeType(element, v)) : value;
}

/**
 * The planned state of a create: config values as proposed, and every computed attribute the
 * config leaves null unknown until apply. Updates keep the prior computed values Terraform
 * already copied into the proposal.
 */
export function planCreate(block: BlockModel, proposed: Obj): Obj {
  const out: Obj = { ...proposed };
  for (const a of block.attributes) if (a.computed && out[a.name] === null) out[a.name] = UNKNOWN;
  return out;
}

const ORG_URL = "https://stand-in.okta.example";

/** Okta's id prefixes, so ids in a stand-in state look like what Okta returns. */
function idFor(type: string): string {
  const prefix = type.startsWith("okta_app_") && !type.includes("assignment") && !type.includes("api_scope") && !type.includes("role")
    ? "0oa"
    : ({ okta_group: "00g", okta_group_rule: "0pr", okta_auth_server: "aus", okta_auth_server_policy: "00p", okta_auth_server_policy_rule: "0pr", okta_auth_server_scope: "scp", okta_auth_server_claim: "ocl", okta_trusted_origin: "tos", okta_everyone_group: "00g", okta_user_type: "oty" } as Record<string, string>)[type] ?? "sti";
  return idOf(prefix, randomBytes(17));
}

/** An id of Okta's form from a prefix and 17 bytes. */
function idOf(prefix: string, bytes: Uint8Array): string {
  return prefix + Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
}

// Okta's ids are 20 letters and digits (`0oawrztgnas5I0z8U1d7` in the recordings); base64url's
// `-` and `_` would make ids no Okta org returns.
const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Values Okta computes, for the attributes outputs and references read; null for the rest. */
export function computedValue(type: string, name: string, state: Obj): Value {
  const id = typeof state.id === "string" ? state.id : "";
  switch (name) {
    case "client_id":
      return id;
    case "issuer":
      return `${ORG_URL}/oauth2/${id}`;
    case "metadata_url":
      return `${ORG_URL}/api/v1/apps/${id}/sso/saml/metadata`;
    case "name":
      return type === "okta_app_oauth" ? "oidc_client" : null;
    default:
      return null;
  }
}

/** The new state after an apply: unknowns resolved, an id for a new resource. */
export function applyPlanned(type: string, block: BlockModel, planned: Obj): Obj {
  const out: Obj = { ...planned };
  if (out.id === UNKNOWN || out.id === null) out.id = idFor(type);
  for (const a of block.attributes) if (out[a.name] === UNKNOWN) out[a.name] = computedValue(type, a.name, out);
  return out;
}

/** What a data source reads: plausible values for the org-level facts this project reads. */
export function readDataSource(type: string, block: BlockModel, config: Obj): Obj {
  const out = normalizeBlock(block, config);
  switch (type) {
    case "okta_everyone_group":
      return { ...out, id: localEveryoneId() ?? "00gstandineveryone01", description: "All users in your organization" };
    case "okta_user_type": {
      // The same id on every read, as Okta's: a new one per plan would change every rule naming it.
      const name = typeof out.name === "string" ? out.name : "user";
      const stable = idOf("oty", createHash("sha256").update(name).digest().subarray(0, 17));
      return { ...out, id: localUserTypeId(name) ?? stable, display_name: name, description: `User type ${name}` };
    }
    case "okta_org_metadata":
      return { ...out, id: "00ostandinorg000001", pipeline: "idx", domains: { organization: ORG_URL, alternate: null }, settings: { analytics_collection_enabled: false, bug_reporting_enabled: false, om_enabled: false } };
    default:
      return { ...out, id: out.id ?? idFor(type) };
  }
}
