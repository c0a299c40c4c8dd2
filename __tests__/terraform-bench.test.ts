import * as fs from "fs";
import * as path from "path";
import { benchOrg } from "../bench/org";
import { ok, synthesized, terraform, terraformSuite } from "../test-support/terraform";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

// The bench org's shape at a size where every kind of its apps appears (a SPA, a web app and a
// service app repeat every three). Its scale runs are benchmarks, kept out of npm test:
// npm run bench:terraform (1,000 apps) and npm run bench:plan (10 / 100 / 1,000).
terraformSuite()("Terraform checks the bench org", () => {
  test("validates and plans the bench org: every resource it synthesizes is one to add", () => {
    const bench = synthesized([benchOrg(12)]);
    const dir = bench.stacks.get("okta-staging")!;
    const json = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) as { resource: Record<string, Record<string, unknown>> };
    const resources = Object.values(json.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(resources).toBeGreaterThan(12);
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "validate"));
    const plan = ok(terraform(dir, "plan", "-input=false", "-lock=false", "-refresh=false"));
    expect(plan.output).toContain(`Plan: ${resources} to add, 0 to change, 0 to destroy.`);
  });
});
