// `npm run drift -- <stack> --plan <file> [--json] [--out <file>]`: what changed in Okta outside
// code, from a real plan (terraform show -json). Exit 0: no drift; 2: drift; 1: error.
import * as fs from "fs";
import { driftMarkdown, driftOf } from "./drift";
import { readPlan } from "./plan";

const USAGE = `Usage: npm run drift -- <stack, e.g. okta-prod> --plan <file> [--json] [--out <file>]

  --plan <file>  the JSON of \`terraform show -json <planfile>\` for that stack; a refresh-only plan
                 (terraform plan -refresh-only) shows exactly what changed in Okta since the last apply
  --json         machine-readable report
  --out <file>   write the report there instead of stdout
Exit code: 0 no drift, 2 drift, 1 error.`;

export function runDrift(argv: readonly string[], write: (text: string) => void = (t) => process.stdout.write(t)): number {
  let stack: string | undefined;
  let plan: string | undefined;
  let out: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      write(`${USAGE}\n`);
      return 0;
    } else if (arg === "--json") json = true;
    else if (arg === "--plan" || arg === "--out") {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value.\n\n${USAGE}`);
      if (arg === "--plan") plan = v;
      else out = v;
    } else if (!arg.startsWith("-") && !stack) stack = arg;
    else throw new Error(`Unknown argument ${JSON.stringify(arg)}.\n\n${USAGE}`);
  }
  if (!stack || !plan) throw new Error(`Name the stack and its plan.\n\n${USAGE}`);
  const report = driftOf(stack, readPlan(plan));
  const text = json ? JSON.stringify(report, null, 2) + "\n" : driftMarkdown(report);
  if (out) fs.writeFileSync(out, text);
  else write(text);
  return report.drifted.length ? 2 : 0;
}
