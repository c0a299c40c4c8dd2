// npm run bench:plan: what a plan and a deploy cost in Okta reads, counted by the okta provider
// stand-in (OKTA_STAND_IN_READ_LOG / OKTA_STAND_IN_WRITE_LOG), for the bench org at 10, 100 and
// 1,000 apps (BENCH_SIZES overrides): a full refresh; the PR plan of a one-app change (npm run
// plan's targeted refresh); and the deploy of that plan. API requests are the reads times the
// provider's GET calls per type (constructs/okta-api-operations.ts). Goal: the one-app PR plan
// and deploy stay under 10 reads per environment at every size.
import * as fs from "fs";
import * as path from "path";
import { benchOrg } from "./org";
import { OKTA_API_OPERATIONS } from "../constructs/okta-api-operations";
import { prPlan } from "../review/pr-plan";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { editedConfig } from "../test-support";
import { ok, standInProvider, terraform, workDir } from "../test-support/terraform";

const sizes = (process.env.BENCH_SIZES ?? "10,100,1000").split(",").map(Number);
// Applying 1,000 apps through the stand-in takes over ten minutes (each service policy waits for the one before).
process.env.OKTA_TF_TIMEOUT_MINUTES ??= "60";
const requestsOf = (reads: string[]) => reads.reduce((n, t) => n + (OKTA_API_OPERATIONS[t]?.plan.length || 1), 0);

console.log("| apps | resources | full plan: reads / API requests | one-app PR plan: reads / requests | its deploy: reads + writes | seconds (apply of the org) |");
console.log("|---:|---:|---:|---:|---:|---:|");
for (const n of sizes) {
  const root = workDir("okta-bench-plan-");
  const out = path.join(root, "cdktf.out");
  const config = benchOrg(n);
  synthesizeAll(buildOrgApp([config], { outdir: out }).app);
  const dir = path.join(out, "stacks", "okta-staging");
  const reads = path.join(root, "reads.log");
  const writes = path.join(root, "writes.log");
  fs.writeFileSync(reads, "");
  fs.writeFileSync(writes, "");
  // Every Terraform run below (the helpers' too) logs to these files.
  Object.assign(process.env, standInProvider().env, { OKTA_STAND_IN_READ_LOG: reads, OKTA_STAND_IN_WRITE_LOG: writes });
  const env = process.env;
  ok(terraform(dir, "init", "-input=false"));
  const start = Date.now();
  ok(terraform(dir, "apply", "-input=false", "-auto-approve", "-refresh=false"));
  const applySeconds = (Date.now() - start) / 1000;
  const counted = (run: () => void) => {
    fs.writeFileSync(reads, "");
    fs.writeFileSync(writes, "");
    run();
    return { reads: fs.readFileSync(reads, "utf8").split("\n").filter(Boolean), writes: fs.readFileSync(writes, "utf8").split("\n").filter(Boolean) };
  };
  const full = counted(() => prPlan("okta-staging", dir, { env, full: true }));
  const resources = Object.values(JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")).resource as Record<string, object>).reduce((k, r) => k + Object.keys(r).length, 0);
  // One app changes (its label): the PR plan, then the deploy of exactly that plan.
  const first = config.apps[0];
  synthesizeAll(buildOrgApp([editedConfig(config, (d) => d.apps.forEach((a) => a.id === first.id && Object.assign(a, { label: `${a.label} (renamed)` })))], { outdir: out }).app);
  let targets: readonly string[] = [];
  const pr = counted(() => (targets = prPlan("okta-staging", dir, { env, planOut: "deploy.tfplan" }).targets));
  if (targets.length !== 1) throw new Error(`a one-app change should touch one resource: got ${JSON.stringify(targets)}`);
  const deploy = counted(() => ok(terraform(dir, "apply", "-input=false", "deploy.tfplan")));
  // The deploy itself reads nothing more (the plan did); the real provider reads each write back.
  const deployReads = pr.reads.length + deploy.writes.length;
  console.log(`| ${n} | ${resources} | ${full.reads.length} / ${requestsOf(full.reads)} | ${pr.reads.length} / ${requestsOf(pr.reads)} | ${deployReads} + ${deploy.writes.length} | ${applySeconds.toFixed(1)} |`);
  fs.rmSync(root, { recursive: true, force: true });
}
