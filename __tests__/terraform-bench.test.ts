import { benchOrg } from "../bench/org";
import { ok, synthesized, terraform, terraformSuite } from "../test-support/terraform";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

// The 1,000-app run is a scale run: npm run bench:terraform (kept out of npm test, which stays quick).
terraformSuite()("Terraform checks the bench org", () => {
  test("validates and plans the 100-app bench org", () => {
    const bench = synthesized([benchOrg(100)]);
    const dir = bench.stacks.get("okta-staging")!;
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "validate"));
    const plan = ok(terraform(dir, "plan", "-input=false", "-lock=false", "-refresh=false"));
    expect(plan.output).toMatch(/Plan: \d{3} to add, 0 to change, 0 to destroy\./);
  });
});
