import * as path from "path";
import { selectEnvironments } from "./config";
import { findingLine, summaryLine } from "./guardrails";
import { synthesizeOrg } from "./stacks/synthesize-org";
import { dampHeapGrowth } from "./stacks/heap";

const HELP = `Usage: npm run synth [-- --help]

Synthesizes every environment's main and bootstrap stack (config/) into cdktf.out/stacks/,
after checking config, constructs, guardrails, the okta provider 6.12 schema and Terraform
expressions; nothing is written when anything fails. OKTA_ENVIRONMENTS=dev,prod narrows it.`;

// Every environment by default; OKTA_ENVIRONMENTS=dev,prod narrows it.
if (process.argv.slice(2).some((a) => a === "--help" || a === "-h")) {
  console.log(HELP);
} else try {
  dampHeapGrowth();
  const { files, reports, outdir } = synthesizeOrg(selectEnvironments(process.env.OKTA_ENVIRONMENTS));
  for (const file of files) console.log(`synthesized ${path.relative(process.cwd(), file)}`);
  // Under `npx cdktf` the CLI prints each finding (a construct annotation): here, the summary only.
  const findingsByCli = process.env.OKTA_FINDINGS_BY_CLI === "1";
  for (const report of reports) {
    console.log(`${summaryLine(report)} (report: ${path.relative(process.cwd(), path.join(outdir, "stacks", report.stack, "guardrails.md"))})`);
    if (!findingsByCli) for (const finding of report.findings) if (!finding.suppressed) console.log(`  ${findingLine(finding)}`);
  }
} catch (error) {
  // Configuration errors are for people: the message names path, value and fix; a stack
  // trace would only bury it.
  console.error((error as Error).message);
  process.exitCode = 1;
}
