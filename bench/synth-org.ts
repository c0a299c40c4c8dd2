import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { benchOrg } from "./org";

// One benchmark run: synthesize an org of N apps the way `npm run synth` does (including the
// guardrails), then print resources and this process's peak RSS as JSON.
const n = Number(process.argv[2] ?? "10");
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-bench-"));
const { app } = buildOrgApp([benchOrg(n)], { outdir });
const { files } = synthesizeAll(app);
const tf = JSON.parse(fs.readFileSync(files[0], "utf8")) as { resource: Record<string, object> };
const resources = Object.values(tf.resource).reduce((sum, byId) => sum + Object.keys(byId).length, 0);
fs.rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({ n, resources, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
