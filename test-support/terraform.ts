import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { StandIn, installStandIn } from "../terraform/stand-in/install";

const ROOT = path.resolve(__dirname, "..");

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
 * The okta provider stand-in, built from source (scripts/run.js transpiles it into .build/)
 * and installed once per test file into a temporary filesystem mirror.
 */
export function standInProvider(): StandIn {
  if (!standIn) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require(path.join(ROOT, "scripts", "run.js")) as { build: () => void }).build();
    standIn = installStandIn(path.join(ROOT, ".build", "terraform", "stand-in", "main.js"));
  }
  return standIn;
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
export function run(command: string, args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...standInProvider().env, NO_COLOR: "1", ...extraEnv },
    encoding: "utf8",
    maxBuffer: 256 << 20,
    timeout: 10 * 60 * 1000,
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
