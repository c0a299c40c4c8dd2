import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { buildReview } from "../review/review";
import { readSynthesized } from "../review/stack-json";
import { toMarkdown } from "../review/markdown";
import { benchOrg } from "./org";

// One review benchmark run: synthesize an org of N apps and a head in which every tenth
// user-facing app is also assigned to goldSubscribers, then time the review alone (reading
// cdktf.out, effective access of both sides, diff, Markdown) and print figures as JSON.
const n = Number(process.argv[2] ?? "10");
function synth(edit: boolean): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-bench-review-"));
  const org = benchOrg(n);
  const apps = edit
    ? org.apps.map((a, i) => (i % 10 === 0 && a.kind === "spa" ? { ...a, assignTo: ["silverSubscribers", "goldSubscribers"] } : a))
    : org.apps;
  synthesizeAll(buildOrgApp([{ ...org, apps }], { outdir }).app);
  return outdir;
}
const base = synth(false);
const head = synth(true);
const start = process.hrtime.bigint();
const report = buildReview(readSynthesized(base), readSynthesized(head), { base: "base", head: "head" });
const markdown = toMarkdown(report);
const reviewSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const stack = report.stacks[0];
for (const dir of [base, head]) fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    n,
    reviewSeconds,
    addedGrantRows: stack.access.grants.added.length,
    markdownChars: markdown.length,
    truncated: markdown.includes("Truncated to fit"),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
