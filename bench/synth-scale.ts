import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { synthesizeOrg } from "../stacks/synthesize-org";
import { dampHeapGrowth } from "../stacks/heap";
import { buildReview } from "../review/review";
import { readSynthesized } from "../review/stack-json";
import { toMarkdown } from "../review/markdown";
import { scaleOrg } from "./scale-org";

// One scale run: three environments of an org of 20 teams, 10 APIs and N apps, synthesized the
// way `npm run synth` does; then a review of a head in which every eighth app (a SPA) is also
// assigned to its API's writers.
const n = Number(process.argv[2] ?? "1000");
// BENCH_POLICIES=0: the same org without authentication policies (the figures before issue 24).
const policies = process.env.BENCH_POLICIES !== "0";
// BENCH_ENVS=prod: fewer environments (one environment's cost, without the others).
const envs = (process.env.BENCH_ENVS ?? "dev,staging,prod").split(",").map((e) => {
  if (e !== "dev" && e !== "staging" && e !== "prod") throw new Error(`BENCH_ENVS names ${JSON.stringify(e)}: use dev, staging and prod, comma-separated`);
  return e;
});
// As `npm run synth` (main.ts) runs; to compare, BENCH_HEAP_GROWTH=v8 keeps V8's own growth
// and BENCH_HEAP_GROWTH=<percent> sets another step.
const growth = process.env.BENCH_HEAP_GROWTH;
if (growth !== undefined && growth !== "v8" && !/^[1-9]\d{0,2}$/.test(growth)) throw new Error(`BENCH_HEAP_GROWTH=${growth}: use v8 or a percent from 1 to 999`);
if (growth !== "v8") dampHeapGrowth(growth === undefined ? undefined : Number(growth));
/** This thread's CPU seconds (Node >= 23.9), to read a wall time on a machine that shares its cores. */
function threadCpu(): number {
  const usage = (process as unknown as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.() ?? process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Linux's count of CPU time the hypervisor gave to others ("steal"), and the total, from /proc/stat. */
function cpuTicks(): { steal: number; total: number } | undefined {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { steal: fields[7] ?? 0, total: fields.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

function synth(edit: boolean): { outdir: string; seconds: number; cpuSeconds: number; stealPercent?: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-bench-scale-"));
  const ticks = cpuTicks();
  const cpu = threadCpu();
  const start = process.hrtime.bigint();
  const configs = envs.map((e) => {
    const org = scaleOrg(e, 20, 10, n, policies);
    return edit ? { ...org, apps: org.apps.map((a, i) => (i % 8 === 0 && a.kind === "spa" ? { ...a, assignTo: [...(a.assignTo as string[]), `${a.apis![0]}-writers`] } : a)) } : org;
  });
  synthesizeOrg(configs, { outdir });
  const after = cpuTicks();
  const stealPercent = ticks && after && after.total > ticks.total ? (100 * (after.steal - ticks.steal)) / (after.total - ticks.total) : undefined;
  return { outdir, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: threadCpu() - cpu, ...(stealPercent !== undefined ? { stealPercent } : {}) };
}
const base = synth(false);
const rssAfterSynth = Math.round(process.resourceUsage().maxRSS / 1024);
const head = synth(true);
const start = process.hrtime.bigint();
const report = buildReview(readSynthesized(base.outdir), readSynthesized(head.outdir), { base: "base", head: "head" });
const markdown = toMarkdown(report);
const reviewSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const resources = Object.values(JSON.parse(fs.readFileSync(path.join(base.outdir, "stacks", `okta-${envs[envs.length - 1]}`, "cdk.tf.json"), "utf8")).resource as Record<string, object>).reduce((s, byId) => s + Object.keys(byId).length, 0);
for (const d of [base.outdir, head.outdir]) fs.rmSync(d, { recursive: true, force: true });
console.log(JSON.stringify({ n, policies, synthSeconds: base.seconds, synthCpuSeconds: base.cpuSeconds, stealPercent: base.stealPercent, resourcesPerEnv: resources, rssAfterSynthMb: rssAfterSynth, reviewSeconds, markdownChars: markdown.length, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
