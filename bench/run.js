#!/usr/bin/env node
// npm run bench: our synth path vs the stock cdktf template path (type-checked ts-node), on
// the same constructs, for orgs of 10, 100 and 1,000 apps; plus `npm run synth` of the seed
// environments, the review report, and the full `npm test`. Several runs each; median and min, since the
// machine is noisy. BENCH_RUNS (default 3), BENCH_SIZES (default 10,100,1000) and, for the
// three-environment scale org, BENCH_SCALE_SIZES (default 1000,10000) override.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { build } = require("../scripts/run.js");

const root = path.resolve(__dirname, "..");
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_SIZES ?? "10,100,1000").split(",").map(Number);
const env = { ...process.env, CHECKPOINT_DISABLE: "1" };

function timed(cmd, args, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

function series(cmd, args, extraEnv = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { seconds, stdout } = timed(cmd, args, extraEnv);
    const last = stdout.trim().split("\n").pop();
    samples.push({ seconds, ...(last.startsWith("{") ? JSON.parse(last) : {}) });
  }
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], rss: Math.max(...samples.map((s) => s.maxRssMb ?? 0)), sample: samples[0], samples };
}

const f = (s) => s.toFixed(2);
build();
const tsNode = path.join(root, "node_modules", ".bin", "ts-node");
console.log(`runs per cell: ${runs}; times in seconds (median / min); RSS = peak of the synth process in MB\n`);
console.log("| apps | resources | ours: wall | ours: RSS | stock ts-node: wall | stock: RSS | speed-up (median) |");
console.log("|---:|---:|---:|---:|---:|---:|---:|");
const ours = {};
for (const n of sizes) {
  const a = series("node", ["scripts/run.js", "bench/synth-org", String(n)]);
  const b = series(tsNode, ["bench/synth-org.ts", String(n)]);
  ours[n] = a.median;
  console.log(`| ${n} | ${a.sample.resources} | ${f(a.median)} / ${f(a.min)} | ${a.rss} | ${f(b.median)} / ${f(b.min)} | ${b.rss} | ${(b.median / a.median).toFixed(1)}x |`);
}
if (ours[100] !== undefined && ours[1000] !== undefined) {
  console.log(`\nper-app slope, 100 → 1,000 apps: ${((ours[1000] - ours[100]) / 900 * 1000).toFixed(2)} ms per app`);
}
console.log("\n| apps | review (read, access of both sides, diff, Markdown) | + grant rows | Markdown chars | truncated | RSS (whole process, incl. 2 synths) |");
console.log("|---:|---:|---:|---:|---|---:|");
for (const n of sizes) {
  const r = JSON.parse(timed("node", ["scripts/run.js", "bench/review-org", String(n)]).stdout.trim().split("\n").pop());
  console.log(`| ${n} | ${f(r.reviewSeconds)} s | ${r.addedGrantRows} | ${r.markdownChars} | ${r.truncated ? "yes" : "no"} | ${r.maxRssMb} |`);
}
/** min / median / max of a field over a series' samples. */
const spread = (samples, key, digits = 2) => {
  const v = samples.map((s) => s[key]).filter((x) => typeof x === "number").sort((a, b) => a - b);
  return v.length ? `${v[0].toFixed(digits)} / ${v[Math.floor(v.length / 2)].toFixed(digits)} / ${v[v.length - 1].toFixed(digits)}` : "n/a";
};
// The scale org at 1,000 and 10,000 apps (BENCH_SCALE_SIZES overrides), as issue 23 set its goals
// (no authentication policies) and with a policy of its own for every user-facing app.
const scaleSizes = (process.env.BENCH_SCALE_SIZES ?? "1000,10000").split(",").map(Number);
console.log("\n| apps (20 teams, 10 APIs, 3 environments) | authentication policies | resources per environment | synth of 3 environments (min / median / max) | its CPU s (one thread) | CPU steal during synth, % | peak RSS after synth | review | peak RSS (2 synths + review) |");
console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
const goalRuns = {};
for (const n of scaleSizes) {
  for (const policies of [false, true]) {
    const r = series("node", ["scripts/run.js", "bench/synth-scale", String(n)], { BENCH_POLICIES: policies ? "1" : "0" });
    if (!policies) goalRuns[n] = r;
    console.log(`| ${n} | ${policies ? "one per user-facing app" : "none (issue 23's org)"} | ${r.sample.resourcesPerEnv} | ${spread(r.samples, "synthSeconds")} s | ${spread(r.samples, "synthCpuSeconds")} | ${spread(r.samples, "stealPercent", 0)} | ${Math.max(...r.samples.map((s) => s.rssAfterSynthMb))} MB | ${spread(r.samples, "reviewSeconds")} s | ${r.rss} MB |`);
  }
}
/** Issue 23's synth goals, on the medians of its org (no policies): a line per size measured. */
for (const [n, seconds, mb] of [[10000, 15, 1024], [1000, 3, undefined]]) {
  const r = goalRuns[n];
  if (!r) continue;
  const median = r.samples.map((s) => s.synthSeconds).sort((a, b) => a - b)[Math.floor(r.samples.length / 2)];
  const rss = Math.max(...r.samples.map((s) => s.rssAfterSynthMb));
  const met = median < seconds && (mb === undefined || rss < mb);
  console.log(`goal, ${n} apps × 3 under ${seconds} s${mb ? " and 1 GB" : ""}: ${met ? "met" : "NOT met"} (median ${f(median)} s${mb ? `, RSS up to ${rss} MB` : ""})`);
}
const review = series("npm", ["run", "--silent", "review", "--", "--base", "HEAD"]);
console.log(`\nnpm run review --base HEAD (worktree synth of the base + working tree synth + report): ${f(review.median)} / ${f(review.min)} s`);
const synth = series("npm", ["run", "--silent", "synth"]);
console.log(`npm run synth (dev, staging, prod): ${f(synth.median)} / ${f(synth.min)} s`);
const direct = series("node", ["scripts/run.js", "main"]);
console.log(`node scripts/run.js main (same, without npm's start-up): ${f(direct.median)} / ${f(direct.min)} s`);
const test = timed("npm", ["test", "--silent"]);
console.log(`npm test (type-check + all suites), one run: ${f(test.seconds)} s`);
