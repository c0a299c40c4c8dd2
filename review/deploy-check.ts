import * as fs from "fs";
import { Markdown, code, inert } from "./inert";
import { stackJsonFromState, stateResources } from "./drift";
import { toMarkdown } from "./markdown";
import { planOf, readPlan } from "./plan";
import { Gate, OUTAGE_TYPES, ReviewReport, StackReview, buildReview, gateOf } from "./review";
import { SynthesizedStack, readSynthesized } from "./stack-json";
import { Args } from "./args";

/**
 * The check that matters, at deploy time on main's code (issue 19): the pull-request report is
 * computed from JSON the pull request's own code wrote, so before a deploy applies a gated
 * environment, the deploy computes the access diff again between what the environment has now
 * (the plan's prior state, as Terraform last applied and refreshed it) and what it is about to
 * apply (the synthesized JSON of main), takes destroys and replacements from Terraform's own
 * plan, and refuses every broadening or outage that no approval covers. The plan checked is the
 * plan applied (`terraform apply <planfile>`), as Atlantis and HCP Terraform keep plan and apply
 * together, so nothing changes between the check and the apply.
 */

type Json = Record<string, unknown>;

export interface DeployCheck {
  readonly report: ReviewReport;
  readonly gate: Gate;
  /** The approvals given, and whether one covers the gate's digest. */
  readonly approved: boolean;
}

interface PlannedResource {
  address?: string;
  type?: string;
  mode?: string;
  change?: { actions?: string[]; before?: Json | null };
}

/** Destroys and replacements Terraform plans for resources whose loss is an outage. */
export function plannedOutages(plan: Json): string[] {
  return ((plan.resource_changes ?? []) as PlannedResource[])
    .filter((r) => r.mode !== "data" && r.type && OUTAGE_TYPES.test(r.type) && (r.change?.actions ?? []).includes("delete"))
    .map((r) => {
      const label = r.change?.before?.label ?? r.change?.before?.name;
      const replace = (r.change?.actions ?? []).includes("create");
      return `${replace ? "replaces" : "destroys"} ${r.type}${typeof label === "string" ? ` ${JSON.stringify(label)}` : ""} (${r.address})`;
    })
    .sort();
}

export function deployCheck(stack: string, plan: Json, planFile: string, synthesized: SynthesizedStack, environments: readonly string[], approvals: readonly string[]): DeployCheck {
  const values = (plan.prior_state as Json | undefined)?.values as Json | undefined;
  const now: SynthesizedStack = { id: stack, json: stackJsonFromState(stateResources(values?.root_module as Json | undefined)), findings: [], owners: {} };
  const built = buildReview(new Map([[stack, now]]), new Map([[stack, synthesized]]), { base: `${stack} now (state)`, head: `${stack} to apply (main)` });
  // State and JSON differ in computed attributes: the resource lines come from Terraform's plan instead.
  const review: StackReview = { ...built.stacks[0], resources: [], warnings: [], newFindings: [], outages: plannedOutages(plan), plan: planOf(planFile, plan, synthesized) };
  const report: ReviewReport = { ...built, stacks: [review], outagesIn: review.outages.length ? [review.environment] : [] };
  const gate = gateOf(report.stacks, environments);
  return { report, gate, approved: gate.items.length === 0 || approvals.includes(gate.digest) };
}

const USAGE = `Usage: npm run deploy-check -- <stack, e.g. okta-prod> --plan <plan.json> [--from <cdktf.out>] [--gate <env>[,<env>]] [--approved <digest>]... [--out <file>]

  --plan <file>      \`terraform show -json <planfile>\` of the plan about to be applied
  --from <dir>       the synthesized cdktf.out that plan was made from (default cdktf.out)
  --gate <envs>      environments whose broadening and outages need approval (default prod)
  --approved <hex>   a gate digest someone with rights approved (the merged pull request's, or a
                     maintainer's for this run); repeat for several
  --out <file>       write the Markdown report there (the job summary) instead of stdout
Exit code: 0 nothing to approve or approved, 2 needs an approval it does not have, 1 error.`;

export function runDeployCheck(argv: readonly string[], write: (text: string) => void = (t) => process.stdout.write(t), warn: (text: string) => void = (t) => process.stderr.write(t)): number {
  let stack: string | undefined;
  let planFile: string | undefined;
  let from = "cdktf.out";
  let out: string | undefined;
  let environments = ["prod"];
  const approvals: string[] = [];
  const args = new Args(argv, USAGE);
  for (let arg = args.next(); arg !== undefined; arg = args.next()) {
    const value = () => args.value(arg!);
    if (arg === "--help" || arg === "-h") {
      write(`${USAGE}\n`);
      return 0;
    } else if (arg === "--plan") planFile = value();
    else if (arg === "--from") from = value();
    else if (arg === "--out") out = value();
    else if (arg === "--gate") environments = value().split(",").map((e) => e.trim().replace(/^okta-/, "")).filter(Boolean);
    else if (arg === "--approved") {
      // Empty is allowed: a workflow passes its optional input as it is.
      const v = args.raw();
      for (const d of v.split(/[\s,]+/).filter(Boolean)) {
        if (!/^[0-9a-f]{64}$/.test(d)) throw new Error(`--approved ${JSON.stringify(d)} is not a gate digest. Fix: pass the 64-hex digest the report shows (review.json gate.digest).`);
        approvals.push(d);
      }
    } else if (!arg.startsWith("-") && !stack) stack = arg;
    else throw new Error(`Unknown argument ${JSON.stringify(arg)}.\n\n${USAGE}`);
  }
  if (!stack || !planFile) throw new Error(`Name the stack and its plan.\n\n${USAGE}`);
  const synthesized = readSynthesized(from).get(stack);
  if (!synthesized) throw new Error(`${from} has no stack ${stack}. Fix: synthesize main (npm run synth) and name one of its stacks.`);
  const check = deployCheck(stack, readPlan(planFile), planFile, synthesized, environments, approvals);
  const verdict: Markdown = check.gate.items.length === 0
    ? new Markdown(`✅ No access broadening and no outage in ${inert(environments.join(", "))}: nothing to approve.`)
    : check.approved
      ? new Markdown(`✅ Approved: gate digest ${code(check.gate.digest)} covers these ${check.gate.items.length} changes.`)
      : new Markdown(`🛑 **Not applied.** ${check.gate.items.length} change${check.gate.items.length === 1 ? "" : "s"} need${check.gate.items.length === 1 ? "s" : ""} an approval that covers gate digest ${code(check.gate.digest)}: approve them on the pull request (label), or run this deploy by hand with that digest as approved-digest after reading the report.`);
  const text = `${verdict.text}\n\n${toMarkdown(check.report, undefined, check.gate)}`;
  if (out) fs.writeFileSync(out, text);
  else write(text);
  if (!check.approved) warn(`Deploy refused: ${check.gate.items.length} change(s) in ${environments.join(", ")} need an approval covering gate digest ${check.gate.digest}.\n`);
  return check.approved ? 0 : 2;
}
