import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { selectEnvironments } from "../config";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { Args } from "./args";
import { MAX_TARGETS } from "./cost";

/**
 * `npm run plan -- okta-<env>`: the plan of a pull request, costing what the change costs
 * (issue 23). A full refresh reads every resource in state from Okta (about 2,850 requests at
 * 1,000 apps, shared with the org's own traffic under Okta's rate limits). Instead:
 *
 * 1. plan without refresh against the last state (no Okta reads): Terraform itself says which
 *    resources the change creates, updates, replaces or destroys;
 * 2. plan again, targeted at exactly those (`-target`), with refresh: Terraform reads them and
 *    what they depend on, nothing else.
 *
 * What it can miss: a change made in Okta outside code to a resource the pull request does not
 * touch (the daily drift run's full refresh reports those), and a console edit to a dependency
 * Terraform does not refresh (a deploy then fails, or a later drift run shows it).
 */

export interface PrPlan {
  readonly stack: string;
  /** Addresses the change touches (Terraform's own no-refresh plan). */
  readonly targets: readonly string[];
  /** `terraform show -json` of the final plan. */
  readonly planJson: Record<string, unknown>;
  /** The final plan's human text. */
  readonly text: string;
  /** "targeted" (refresh of the targets), "none" (nothing changes: no refresh at all) or "full" (asked for, or more than MAX_TARGETS change). */
  readonly mode: "targeted" | "none" | "full";
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function terraform(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const r = spawnSync("terraform", [...args, "-no-color"], { cwd: dir, env: { ...env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8", maxBuffer: 512 << 20 });
  if (r.error) throw new Error(`terraform could not be run (${r.error.message}). Fix: install Terraform 1.11 and put it on PATH.`);
  return { code: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function ok(r: Run, what: string): Run {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stdout}${r.stderr}`);
  return r;
}

/** The PR plan of one synthesized stack directory (terraform init is run when needed). */
export function prPlan(stack: string, dir: string, options: { full?: boolean; env?: NodeJS.ProcessEnv; planOut?: string; maxTargets?: number } = {}): PrPlan {
  const env = options.env ?? process.env;
  if (!fs.existsSync(path.join(dir, ".terraform"))) ok(terraform(dir, ["init", "-input=false"], env), `terraform init of ${stack}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "okta-plan-"));
  try {
    const show = (file: string) => JSON.parse(ok(terraform(dir, ["show", "-json", file], env), "terraform show").stdout) as Record<string, unknown>;
    const fullRefresh = (targets: readonly string[]): PrPlan => {
      const full = ok(terraform(dir, ["plan", "-input=false", "-lock=false", `-out=${path.join(tmp, "full.tfplan")}`], env), `terraform plan of ${stack}`);
      return { stack, targets, planJson: show(path.join(tmp, "full.tfplan")), text: full.stdout, mode: "full" };
    };
    if (options.full) return fullRefresh([]);
    // 1. What the change touches, with no Okta read at all.
    const quick = ok(terraform(dir, ["plan", "-input=false", "-lock=false", "-refresh=false", `-out=${path.join(tmp, "quick.tfplan")}`], env), `terraform plan -refresh=false of ${stack}`);
    const quickJson = show(path.join(tmp, "quick.tfplan"));
    const targets = ((quickJson.resource_changes ?? []) as { address: string; mode?: string; change?: { actions?: string[] } }[])
      .filter((c) => c.mode !== "data" && (c.change?.actions ?? []).some((a) => a !== "no-op" && a !== "read"))
      .map((c) => c.address)
      .sort();
    if (!targets.length) return { stack, targets, planJson: quickJson, text: quick.stdout, mode: "none" };
    if (targets.length > (options.maxTargets ?? MAX_TARGETS)) return fullRefresh(targets);
    // 2. Exactly those, refreshed (Terraform adds what they depend on).
    const final = ok(terraform(dir, ["plan", "-input=false", "-lock=false", ...targets.map((t) => `-target=${t}`), `-out=${path.join(tmp, "pr.tfplan")}`], env), `terraform plan -target of ${stack}`);
    return { stack, targets, planJson: show(path.join(tmp, "pr.tfplan")), text: final.stdout, mode: "targeted" };
  } finally {
    // The plan to apply, when asked for (a deploy applies exactly the plan it checked).
    if (options.planOut) {
      // The last plan made: a targeted or full one after the quick one, which alone means nothing changes.
      const made = ["pr.tfplan", "full.tfplan", "quick.tfplan"].map((f) => path.join(tmp, f)).find((f) => fs.existsSync(f));
      if (made) fs.copyFileSync(made, path.resolve(dir, options.planOut));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const USAGE = `Usage: npm run plan -- okta-<env> [--from <cdktf.out>] [--json-out <file>] [--plan-out <file>] [--full]

  Plans what the working tree's change does to one environment, reading from Okta only what the
  change touches: a plan without refresh finds the resources that change, then a plan targeted
  at them refreshes exactly those (and what they depend on). Nothing changed: no resource is read
  (Terraform still reads data sources, such as the Everyone group).
  --from <dir>      use this synthesized cdktf.out (default: synthesize the environment into cdktf.out)
  --json-out <file> write \`terraform show -json\` of the plan there (for npm run review -- --plan);
                    it holds sensitive values in clear: keep it local, never upload it
  --plan-out <file> keep the plan file (relative to the stack's directory) for terraform apply
  --full            a full refresh instead (what the daily drift run does)`;

export function runPrPlan(argv: readonly string[], write: (t: string) => void = (t) => process.stdout.write(t)): number {
  let stack: string | undefined;
  let from: string | undefined;
  let jsonOut: string | undefined;
  let full = false;
  let planOut: string | undefined;
  const args = new Args(argv, USAGE);
  for (let arg = args.next(); arg !== undefined; arg = args.next()) {
    const value = () => args.value(arg!);
    if (arg === "--help" || arg === "-h") {
      write(`${USAGE}\n`);
      return 0;
    } else if (arg === "--from") from = value();
    else if (arg === "--json-out") jsonOut = value();
    else if (arg === "--full") full = true;
    else if (arg === "--plan-out") planOut = value();
    else if (!arg.startsWith("-") && !stack) stack = arg;
    else throw new Error(`Unknown argument ${JSON.stringify(arg)}.\n\n${USAGE}`);
  }
  const m = /^okta-([a-z0-9-]+)$/.exec(stack ?? "");
  if (!m) throw new Error(`Name the stack to plan: got ${JSON.stringify(stack)}.\n\n${USAGE}`);
  const outdir = from ?? "cdktf.out";
  if (!from) synthesizeAll(buildOrgApp(selectEnvironments(m[1]), { outdir }).app);
  const dir = path.join(outdir, "stacks", stack!);
  if (!fs.existsSync(path.join(dir, "cdk.tf.json"))) throw new Error(`${dir} has no cdk.tf.json. Fix: synthesize first (npm run synth), or name a stack that exists.`);
  const plan = prPlan(stack!, dir, { full, planOut });
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(plan.planJson));
  write(plan.text);
  write(
    plan.mode === "none"
      ? `\n${stack}: nothing changes; planned against the last state, reading no resource from Okta (data sources only).\n`
      : plan.mode === "full"
        ? `\n${stack}: full refresh (every resource read from Okta)${full ? "" : `: the change touches ${plan.targets.length} resources, more than the ${MAX_TARGETS} a plan is targeted at`}.\n`
        : `\n${stack}: ${plan.targets.length} resource${plan.targets.length === 1 ? "" : "s"} change; only those (and what they depend on) were read from Okta. Changes made outside code elsewhere are the daily drift run's to find.\n`,
  );
  return 0;
}
