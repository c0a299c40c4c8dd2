import { benchOrg } from "../bench/org";
import { ok, synthesized, terraform, terraformSuite } from "../test-support/terraform";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

terraformSuite()("Terraform checks the 1,000-app bench org", () => {
  test("validates and plans the 1,000-app bench org", () => {
    const bench = synthesized([benchOrg(1000)]);
    const dir = bench.stacks.get("okta-staging")!;
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "validate"));
    const plan = ok(terraform(dir, "plan", "-input=false", "-lock=false", "-refresh=false"));
    expect(plan.output).toMatch(/Plan: \d{4} to add, 0 to change, 0 to destroy\./);
    console.log(`1,000-app bench org: terraform plan took ${plan.seconds.toFixed(1)} s`);
  });
});
