// npm run bench:terraform: Terraform (with the okta provider stand-in) validates and plans the
// bench org at 1,000 apps (BENCH_APPS overrides), as the test suite once did: a scale run, kept
// out of `npm test` so the suite stays quick (the suite plans the 100-app org).
import { benchOrg } from "./org";
import { ok, synthesized, terraform } from "../test-support/terraform";

const n = Number(process.env.BENCH_APPS ?? 1000);
const bench = synthesized([benchOrg(n)]);
const dir = bench.stacks.get("okta-staging")!;
ok(terraform(dir, "init", "-input=false"));
const validate = ok(terraform(dir, "validate"));
const plan = ok(terraform(dir, "plan", "-input=false", "-lock=false", "-refresh=false"));
const summary = /Plan: (\d+) to add, 0 to change, 0 to destroy\./.exec(plan.output);
if (!summary) throw new Error(`unexpected plan:\n${plan.output.slice(-2000)}`);
console.log(JSON.stringify({ apps: n, resources: Number(summary[1]), validateSeconds: Number(validate.seconds.toFixed(1)), planSeconds: Number(plan.seconds.toFixed(1)) }));
