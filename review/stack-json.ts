import * as fs from "fs";
import * as path from "path";
import { Finding } from "../guardrails/types";
import { JsonTooDeepError, isJsonObject, parseOutsideJson, tooLarge } from "./outside-json";
import { ownEntry } from "../constructs/own-entry";

type Json = Record<string, unknown>;

/** One synthesized stack as cdktf wrote it: its Terraform JSON and guardrail findings. */
export interface SynthesizedStack {
  readonly id: string;
  readonly json: Json;
  /** Unsuppressed and suppressed findings from guardrails.json, if the stack has one. */
  readonly findings: readonly Finding[];
  /** App construct path → owning team, from owners.json (empty when apps have no owner). */
  readonly owners: Readonly<Record<string, string>>;
}

/** A Terraform block of a stack, keyed as Terraform addresses it. */
export interface Block {
  /** `okta_app_oauth.portal_App_1234`, `provider.okta` or `terraform.backend`. */
  readonly address: string;
  readonly type: string;
  readonly id: string;
  /** Construct path from cdktf's metadata, or the address. */
  readonly path: string;
  readonly attrs: Json;
}

/** The ids cdktf gives stacks here (okta-dev, okta-bootstrap-prod): never a path. */
const STACK_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Reads every stack of a cdktf output directory (`<dir>/stacks/<id>/cdk.tf.json`). Only
 * files are read: no Terraform and no credentials.
 */
export function readSynthesized(outdir: string): Map<string, SynthesizedStack> {
  const stacksDir = path.join(outdir, "stacks");
  if (!fs.existsSync(stacksDir)) throw new Error(`${outdir} holds no synthesized stacks (no ${stacksDir}). Fix: run npm run synth, or point at a cdktf.out directory.`);
  // The manifest says which stacks this synth wrote; a folder it does not list is stale.
  const manifestFile = path.join(outdir, "manifest.json");
  const manifest = fs.existsSync(manifestFile) ? (readJson(manifestFile) as { stacks?: Record<string, { workingDirectory?: string }> }) : undefined;
  if (manifest && (typeof manifest.stacks !== "object" || manifest.stacks === null)) throw new Error(`${manifestFile} lists no stacks. Fix: synthesize again (npm run synth).`);
  const ids = manifest ? Object.keys(manifest.stacks!).sort() : fs.readdirSync(stacksDir).sort();
  // A stack id names a folder under stacks/: a manifest (a pull request writes it) must not
  // point a trusted step at another folder ("../../elsewhere").
  for (const id of ids) {
    if (!STACK_ID.test(id)) throw new Error(`${manifest ? manifestFile : stacksDir} lists the stack ${JSON.stringify(id)}, which is not a stack id (letters, digits, _ and -). Fix: synthesize again (npm run synth).`);
  }
  const stacks = new Map<string, SynthesizedStack>();
  for (const id of ids) {
    const file = path.join(stacksDir, id, "cdk.tf.json");
    if (!fs.existsSync(file)) {
      if (manifest) throw new Error(`${manifestFile} lists ${id}, but ${file} is missing. Fix: synthesize again (npm run synth).`);
      continue;
    }
    const json = readJson(file);
    if (!isJsonObject(json)) throw new Error(`${file} is not a Terraform JSON object (got ${Array.isArray(json) ? "an array" : JSON.stringify(json)}). Fix: synthesize again (npm run synth).`);
    for (const section of ["resource", "data", "provider", "output", "terraform"]) {
      const value = json[section];
      if (value !== undefined && (value === null || typeof value !== "object")) {
        throw new Error(`${file}: "${section}" is ${JSON.stringify(value)}, not an object. Fix: synthesize again (npm run synth).`);
      }
    }
    // Every block is walked by the access model: a type or block that is no object crashed it.
    const refuse = (at: string, value: unknown, what: string) => new Error(`${file}: ${at} is ${JSON.stringify(value)?.slice(0, 80)}, not ${what}. Fix: synthesize again (npm run synth).`);
    for (const section of ["resource", "data"]) {
      for (const [type, byName] of Object.entries((json[section] ?? {}) as Json)) {
        if (!isJsonObject(byName)) throw refuse(`${section}.${type}`, byName, "an object of blocks by name");
        for (const [name, block] of Object.entries(byName)) if (!isJsonObject(block)) throw refuse(`${section}.${type}.${name}`, block, "a block (an object)");
      }
    }
    const report = path.join(stacksDir, id, "guardrails.json");
    const parsed = fs.existsSync(report) ? (readJson(report) as { findings?: unknown }) : undefined;
    if (parsed !== undefined && (!parsed || typeof parsed !== "object" || (parsed.findings !== undefined && !Array.isArray(parsed.findings)))) {
      throw new Error(`${report} is not a guardrail report. Fix: synthesize again (npm run synth).`);
    }
    // Each finding is rendered into the trusted review: a field of another type crashed it.
    const problems = ((parsed?.findings as unknown[] | undefined) ?? []).map(findingProblem);
    const wrong = problems.findIndex((p) => p !== undefined);
    if (wrong >= 0) throw new Error(`${report} is not a guardrail report: findings[${wrong}]${problems[wrong]}. Fix: synthesize again (npm run synth).`);
    const ownersFile = path.join(stacksDir, id, "owners.json");
    const owners = fs.existsSync(ownersFile) ? readJson(ownersFile) : {};
    if (!isJsonObject(owners)) throw new Error(`${ownersFile} is not an object of construct paths to teams. Fix: synthesize again (npm run synth).`);
    stacks.set(id, { id, json: json as Json, findings: (parsed?.findings as Finding[] | undefined) ?? [], owners: owners as Record<string, string> });
  }
  return stacks;
}

const FINDING_TEXT = ["rule", "title", "resourceType", "resource", "path", "detail", "fix", "source"] as const;

/** What is wrong with one finding of a guardrails.json (` is null, not an object`, `.rule is 5, not a string`), or undefined. */
function findingProblem(finding: unknown): string | undefined {
  if (!isJsonObject(finding)) return ` is ${JSON.stringify(finding)}, not an object`;
  const f = finding;
  for (const key of FINDING_TEXT) if (typeof f[key] !== "string") return `.${key} is ${JSON.stringify(f[key]) ?? "missing"}, not a string`;
  if (f.level !== "error" && f.level !== "warning" && f.level !== "info") return `.level is ${JSON.stringify(f.level) ?? "missing"}, not error, warning or info`;
  const suppressed = f.suppressed as Record<string, unknown> | undefined;
  if (suppressed !== undefined && (!suppressed || typeof suppressed !== "object" || typeof suppressed.reason !== "string" || typeof suppressed.at !== "string")) return ".suppressed is not { reason, at }";
  if (f.suppressionIgnored !== undefined && typeof f.suppressionIgnored !== "string") return ".suppressionIgnored is not a string";
  return undefined;
}

function readJson(file: string): unknown {
  const large = tooLarge(file);
  if (large) throw new Error(`${file} is ${large} (synth writes about 4 MB per 1,000 apps). Fix: synthesize again (npm run synth), or point at a cdktf.out directory.`);
  const text = fs.readFileSync(file, "utf8");
  try {
    return parseOutsideJson(text);
  } catch (e) {
    if (e instanceof JsonTooDeepError) throw new Error(`${file} is ${e.message} (synth writes about 8). Fix: synthesize again (npm run synth), or point at a cdktf.out directory.`);
    throw new Error(`${file} is not valid JSON (${(e as Error).message}). Fix: synthesize again (npm run synth), or point at a cdktf.out directory.`);
  }
}

/** One block, its cdktf metadata (`//`) taken off and its construct path kept. */
function blockOf(address: string, type: string, id: string, attrs: Json): Block {
  const meta = (attrs["//"] as Json | undefined)?.metadata as Json | undefined;
  const { ["//"]: _metadata, ...rest } = attrs;
  return { address, type, id, path: typeof meta?.path === "string" ? meta.path : address, attrs: rest };
}

/** A stack's resources of one type, as blocksOf holds them, without reading the rest of the stack. */
export function blocksOfType(json: Json, type: string): Block[] {
  return Object.entries(ownEntry((json.resource ?? {}) as Record<string, Record<string, Json>>, type) ?? {}).map(([id, attrs]) => blockOf(`${type}.${id}`, type, id, attrs));
}

/** Resources, provider blocks and the backend of a stack, by address. */
export function blocksOf(json: Json): Map<string, Block> {
  const blocks = new Map<string, Block>();
  const add = (address: string, type: string, id: string, attrs: Json) => blocks.set(address, blockOf(address, type, id, attrs));
  for (const [type, byId] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [id, attrs] of Object.entries(byId)) add(`${type}.${id}`, type, id, attrs);
  }
  for (const [name, list] of Object.entries((json.provider ?? {}) as Record<string, Json[]>)) {
    list.forEach((attrs, i) => add(`provider.${name}${i ? `.${i}` : ""}`, `provider.${name}`, name, attrs));
  }
  const backend = (json.terraform as Json | undefined)?.backend ?? (json.terraform as Json | undefined)?.cloud;
  if (backend) add("terraform.backend", "terraform.backend", "backend", backend as Json);
  return blocks;
}

/** A stack's data sources (the user types its rules look up by name), by address `data.<type>.<id>`. */
export function dataBlocksOf(json: Json): Map<string, Block> {
  const blocks = new Map<string, Block>();
  for (const [type, byId] of Object.entries((json.data ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [id, attrs] of Object.entries(byId)) blocks.set(`data.${type}.${id}`, blockOf(`data.${type}.${id}`, `data.${type}`, id, attrs));
  }
  return blocks;
}

/** A Terraform reference `${type.id.attr}` (or `${data.type.id.attr}`), parsed. */
export interface Reference {
  readonly data: boolean;
  readonly type: string;
  readonly id: string;
  readonly attribute: string;
}

const REFERENCE = /^\$\{(data\.)?([a-z0-9_]+)\.([^.}]+)\.([a-z0-9_.]+)\}$/;

export function parseReference(value: unknown): Reference | undefined {
  if (typeof value !== "string") return undefined;
  const m = REFERENCE.exec(value);
  return m ? { data: Boolean(m[1]), type: m[2], id: m[3], attribute: m[4] } : undefined;
}

/** The Terraform address a reference points at, e.g. `data.okta_everyone_group.EveryoneGroup`. */
export function addressOf(ref: Reference): string {
  return `${ref.data ? "data." : ""}${ref.type}.${ref.id}`;
}

/** Main stacks are okta-<env>, bootstrap stacks okta-bootstrap-<env>. */
export function environmentOfStack(stackId: string): string {
  return stackId.replace(/^okta-(bootstrap-)?/, "");
}

const ENV_ORDER = ["prod", "staging", "dev"];

/** Prod first, then staging, then dev; a main stack before its bootstrap stack. */
export function compareStacks(a: string, b: string): number {
  const rank = (id: string) => {
    const env = ENV_ORDER.indexOf(environmentOfStack(id));
    return (env < 0 ? ENV_ORDER.length : env) * 2 + (id.startsWith("okta-bootstrap-") ? 1 : 0);
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The team owning a construct path: the owner of the app it is under, if any. */
export function ownerOf(owners: Readonly<Record<string, string>>, constructPath: string): string | undefined {
  // Walk the path's own prefixes (okta-prod, okta-prod/billing, …): a lookup each, never a scan.
  // The longest wins: a service's own policy on another team's API is the service's team's.
  let prefix = "";
  let found: string | undefined;
  for (const part of constructPath.split("/")) {
    prefix = prefix ? `${prefix}/${part}` : part;
    const owner = ownEntry(owners, prefix);
    if (owner !== undefined) found = owner;
  }
  return found;
}
