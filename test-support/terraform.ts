import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { OrgConfig, selectEnvironments } from "../config";
import { setEnvironment } from "../constructs/environment";
import { buildOrgApp } from "../stacks/org-app";
import { oktaProvider } from "../stacks/provider-version";
import { synthesizeAll } from "../stacks/synthesize";
import { StandIn, installStandIn } from "../terraform/stand-in/install";

// The project root, whether this runs from test-support/ (jest) or .build/test-support/ (scripts/run.js, the bench).
const ROOT = __dirname.split(path.sep).includes(".build") ? path.resolve(__dirname, "..", "..") : path.resolve(__dirname, "..");

/** The terraform binary on PATH, or why there is none (tests then skip, saying so). */
export function terraformBinary(): { path: string } | { reason: string } {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = dir && path.join(dir, "terraform");
    if (candidate && fs.existsSync(candidate)) return { path: candidate };
  }
  return { reason: "no terraform binary on PATH (Terraform 1.11 is at /usr/local/bin on the project's machines)" };
}

let standIn: StandIn | undefined;

/**
 * The stand-in's compiled entry point, built from source first: a fresh clone has no .build/,
 * and a test file may be the first to need it (scripts/run.js transpiles only what changed).
 */
export function standInEntry(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(path.join(ROOT, "scripts", "run.js")) as { build: () => void }).build();
  return path.join(ROOT, ".build", "terraform", "stand-in", "main.js");
}

/** The okta provider stand-in, installed once per test file into a temporary filesystem mirror. */
export function standInProvider(): StandIn {
  standIn ??= installStandIn(standInEntry());
  return standIn;
}

let reattachConfig: string | undefined;

/**
 * TF_REATTACH_PROVIDERS for one stand-in process that serves every Terraform command of this
 * test file: Terraform otherwise starts the provider two to four times per command, most of a
 * plan's time here. The stand-in writes its address to a file; this waits for it (synchronously,
 * as run() is). It ends when this process does (its stdin closes).
 */
function reattachProviders(): string {
  if (reattachConfig && alive(reattachPid)) return reattachConfig;
  const { dir } = standInProvider();
  const file = reattachFile();
  // A stand-in that died (it should not) is started again, rather than failing every command after.
  fs.rmSync(file, { force: true });
  const log = fs.openSync(path.join(dir, "reattach.log"), "a");
  const child = spawn(process.execPath, [standInEntry(), "--reattach", file], { stdio: ["pipe", "ignore", log], env: { ...process.env, NODE_COMPILE_CACHE: path.join(dir, "compile-cache") } });
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 1000 && !fs.existsSync(file); i++) Atomics.wait(wait, 0, 0, 10);
  if (!fs.existsSync(file)) throw new Error(`the okta provider stand-in did not start within 10 s: ${fs.readFileSync(path.join(dir, "reattach.log"), "utf8")}`);
  reattachConfig = fs.readFileSync(file, "utf8");
  reattachPid = child.pid;
  return reattachConfig;
}

let reattachPid: number | undefined;

/** Where the shared stand-in writes its address; it reads each command's settings from `<this>.settings.json`. */
function reattachFile(): string {
  return path.join(standInProvider().dir, "reattach.json");
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a command may use the shared stand-in: Terraform itself, except `init` (a reattached
 * provider is not installed, so init would write no lock file), and cdktf's CLI run with
 * --skip-provider-lock. Set `launch` (or OKTA_TEST_REATTACH=0) for Terraform to start the
 * provider itself, handshake and mTLS included.
 */
function reattachable(command: string, args: readonly string[], launch: boolean): boolean {
  if (launch || process.env.OKTA_TEST_REATTACH === "0") return false;
  if (command === "terraform") return args[0] !== "init";
  return path.basename(command) === "cdktf" && args.includes("--skip-provider-lock");
}

/**
 * This process's environment, with Go's collector set to run less often in Terraform: a plan of
 * the example org then takes about a quarter less CPU (0.6 → 0.45 s), and the suites are CPU-bound
 * on two cores. Terraform's heap stays small. A GOGC the caller set wins.
 */
function terraformTuning(): NodeJS.ProcessEnv {
  return { GOGC: "400", ...process.env };
}

/**
 * The environment for Terraform commands run by code under test (npm run plan, drift…): the
 * stand-in's, reattached, with the settings the stand-in would read from its own environment
 * (OKTA_STAND_IN_READ_LOG…) handed to the shared process for the commands that follow.
 */
export function standInEnv(settings: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...terraformTuning(), ...standInProvider().env, ...settings };
  return process.env.OKTA_TEST_REATTACH === "0" ? env : reattached(env);
}

/**
 * An environment for commands on the shared stand-in: TF_REATTACH_PROVIDERS set, and its
 * OKTA_STAND_IN_* settings handed to the stand-in (it reads them when Terraform configures it).
 */
function reattached(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const config = reattachProviders();
  const settings = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith("OKTA_STAND_IN_") && k !== "OKTA_STAND_IN_TLS"));
  fs.writeFileSync(`${reattachFile()}.settings.json`, JSON.stringify(settings));
  return { ...env, TF_REATTACH_PROVIDERS: config };
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr, for assertions on Terraform's own messages. */
  readonly output: string;
  readonly seconds: number;
}

/** Runs a command with the stand-in's environment (offline, nothing in $HOME touched). */
export function run(command: string, args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}, launch = false): Run {
  const start = process.hrtime.bigint();
  const own: NodeJS.ProcessEnv = { ...terraformTuning(), ...standInProvider().env, NO_COLOR: "1", ...extraEnv };
  const env = reattachable(command, args, launch) ? reattached(own) : own;
  const r = spawnSync(command, args, {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 256 << 20,
    // Scale runs (npm run bench:plan at 1,000 apps) need longer: OKTA_TF_TIMEOUT_MINUTES.
    timeout: Number(process.env.OKTA_TF_TIMEOUT_MINUTES ?? 10) * 60 * 1000,
  });
  const stdout = r.stdout ?? "";
  const stderr = r.stderr ?? "";
  return { code: r.status ?? -1, stdout, stderr, output: stdout + stderr, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** `terraform <args>` in a stack directory. */
export function terraform(dir: string, ...args: string[]): Run {
  return run("terraform", [...args, "-no-color"], dir);
}

/** A fresh temporary directory whose `cdktf.out` local state paths stay inside it. */
export function workDir(prefix = "okta-tf-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * `describe` where terraform is on PATH, else `describe.skip` with the reason printed once:
 * Terraform suites never fake a run.
 */
export function terraformSuite(): jest.Describe {
  const binary = terraformBinary();
  if ("reason" in binary) {
    console.log(`Skipping a Terraform suite: ${binary.reason}.`);
    return describe.skip;
  }
  jest.setTimeout(5 * 60 * 1000);
  return describe;
}

/** The run, or a failure carrying Terraform's whole output. */
export function ok(r: Run): Run {
  if (r.code !== 0) throw new Error(`exit ${r.code}:\n${r.output}`);
  return r;
}

/** Synthesizes configs the way `npm run synth` does, into `<fresh dir>/cdktf.out`; returns the stack dirs. */
export function synthesized(configs: readonly OrgConfig[] = selectEnvironments()): { root: string; stacks: Map<string, string> } {
  const root = workDir();
  const outdir = path.join(root, "cdktf.out");
  synthesizeAll(buildOrgApp(configs, { outdir }).app);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { workingDirectory: string }> };
  return { root, stacks: new Map(Object.entries(manifest.stacks).map(([id, s]) => [id, path.join(outdir, s.workingDirectory)])) };
}

/** A hand-built stack written straight to JSON, as a raw resource or escape hatch would be, bypassing our synth checks. */
export function rawStackDir(build: (stack: TerraformStack) => void): string {
  const root = workDir();
  const app = new App({ outdir: path.join(root, "cdktf.out"), skipValidation: true });
  const stack = new TerraformStack(app, "raw");
  setEnvironment(stack, "dev");
  oktaProvider(stack, {});
  build(stack);
  app.synth();
  return path.join(root, "cdktf.out", "stacks", "raw");
}
