import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OrgConfig } from "../config/types";
import { ImportRun, runImport } from "../importer/import-cli";
import { OrgSnapshot } from "../importer/okta-objects";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { OktaApiServerOptions, startOktaApiServer } from "./okta-api-server";
import { orgFromStacks } from "./okta-org-from-stacks";
import { addressOf, parseReference } from "../review/stack-json";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Runs `npm run import`'s code against a local server answering for the org; output under a temp dir. */
export async function importFromServer(
  org: OrgSnapshot,
  options: Partial<OktaApiServerOptions> & { readonly environment?: string } = {},
): Promise<{ run: ImportRun; requests: Map<string, number>; methods: Set<string>; printed: string }> {
  const server = await startOktaApiServer(org, { authorization: "SSWS test-token", ...options });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-import-"));
  let printed = "";
  try {
    const run = await runImport(["--environment", options.environment ?? "dev", "--org-url", server.url, "--out", path.join(dir, "config", "imported", "dev.ts")], { OKTA_API_TOKEN: "test-token" }, (t) => {
      printed += t;
    }, () => undefined);
    return { run: run!, requests: server.requests, methods: server.methods, printed };
  } finally {
    await server.close();
  }
}

/** Synthesizes configs into a temp dir; the cdk.tf.json of each stack by id. */
export function synthStacks(configs: readonly OrgConfig[]): Map<string, Json> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-synth-"));
  synthesizeAll(buildOrgApp(configs, { outdir }).app);
  const out = new Map<string, Json>();
  for (const id of fs.readdirSync(path.join(outdir, "stacks"))) out.set(id, JSON.parse(fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8")));
  return out;
}

/** The org Okta would hold after deploying a config's main and bootstrap stacks. */
export function deployed(config: OrgConfig) {
  const stacks = synthStacks([config]);
  return { stacks, ...orgFromStacks([stacks.get(`okta-${config.environment}`)!, stacks.get(`okta-bootstrap-${config.environment}`)!]) };
}

/**
 * A stack's resources keyed by the Okta object each stands for, with references replaced by
 * the Okta ids they resolve to: two stacks that manage the same objects the same way compare
 * equal whatever their construct ids.
 */
export function byOktaObject(stack: Json, idOf: (address: string) => string | undefined): Map<string, { address: string; attrs: Json }> {
  const clientOrId = (address: string, attr: string) => (attr === "client_id" || attr === "id" ? idOf(address) : undefined);
  const resolve = (v: unknown): unknown => {
    if (typeof v === "string") {
      const ref = parseReference(v);
      return ref ? (clientOrId(addressOf(ref), ref.attribute) ?? v) : v;
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  const out = new Map<string, { address: string; attrs: Json }>();
  for (const [type, byName] of Object.entries((stack.resource ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [name, attrs] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      const { "//": _meta, depends_on: _deps, lifecycle: _life, ...rest } = attrs;
      const resolved = resolve(rest) as Json;
      // A set in the provider's schema: its order is not a difference (the constructs sort it by construct id).
      if (Array.isArray(resolved.client_whitelist)) resolved.client_whitelist = [...resolved.client_whitelist].sort();
      out.set(`${type}:${idOf(address) ?? `(new) ${address}`}`, { address, attrs: resolved });
    }
  }
  return out;
}
