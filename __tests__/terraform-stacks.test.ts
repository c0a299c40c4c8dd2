import * as fs from "fs";
import * as path from "path";
import { ok, Run, run, synthesized, terraform, terraformSuite } from "../test-support/terraform";
import { ASSURANCE } from "../constructs/assurance";
import { exampleOrg } from "../config/example-org";
import { AuthenticationRuleConfig } from "../config/types";
import { editedConfig } from "../test-support";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

terraformSuite()("Terraform checks every stack of the example org (offline, okta provider stand-in)", () => {
  let example: { root: string; stacks: Map<string, string> };
  // Each stack is initialised once (init never uses the shared stand-in): the first test reads
  // what init said, the others plan in the initialised directories.
  const inits = new Map<string, Run>();
  beforeAll(() => {
    example = synthesized();
    for (const [id, dir] of example.stacks) inits.set(id, terraform(dir, "init", "-input=false"));
  });

  test("parses every synthesized stack: terraform init accepts all six", () => {
    expect([...example.stacks.keys()].sort()).toEqual(["okta-bootstrap-dev", "okta-bootstrap-prod", "okta-bootstrap-staging", "okta-dev", "okta-prod", "okta-staging"]);
    for (const [id, dir] of example.stacks) {
      const init = inits.get(id)!;
      expect({ id, code: init.code, errors: init.output.match(/Error: .*/g) ?? [] }).toEqual({ id, code: 0, errors: [] });
      // The range every stack pins, resolved against the stand-in's 6.12.0.
      expect(fs.readFileSync(path.join(dir, ".terraform.lock.hcl"), "utf8")).toContain('version     = "6.12.0"');
    }
  });

  test("Terraform starts the stand-in itself as it starts a real provider: go-plugin handshake and mTLS", () => {
    // Other Terraform tests reattach to one shared stand-in (test-support/terraform.ts); this one does not.
    const dir = example.stacks.get("okta-dev")!;
    ok(inits.get("okta-dev")!);
    const plan = ok(run("terraform", ["plan", "-input=false", "-lock=false", "-no-color"], dir, { TF_LOG: "DEBUG" }, true));
    expect(plan.output).toContain("configuring client automatic mTLS");
    expect(plan.output).toMatch(/plugin started.*terraform-provider-okta_v6\.12\.0/);
    expect(plan.output).toContain("using plugin: version=6");
    expect(plan.output).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
    expect(plan.output).not.toContain("reattach");
  });

  test("validates and plans every stack of the example org against the provider schema", () => {
    for (const [id, dir] of example.stacks) {
      ok(inits.get(id)!);
      expect({ id, validate: ok(terraform(dir, "validate")).output.trim() }).toEqual({ id, validate: "Success! The configuration is valid." });
      const plan = ok(terraform(dir, "plan", "-input=false", "-lock=false", "-out=plan.bin"));
      const count = (JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) as { resource: Record<string, object> }).resource;
      const resources = Object.values(count).reduce((n, byId) => n + Object.keys(byId).length, 0);
      expect(plan.output).toContain(`Plan: ${resources} to add, 0 to change, 0 to destroy.`);
    }
  });

  test("reads a user type a rule names at plan, writes its id into the rule, and plans no change after apply", () => {
    const config = editedConfig(exampleOrg("prod"), (c) => {
      (c.authenticationPolicies as unknown as Record<string, { rules: AuthenticationRuleConfig[] }>).standard.rules = [
        { name: "Contractors", priority: 1, access: "DENY", userTypes: { in: ["contractor"] }, zones: { notIn: ["Corporate network"] } },
        { name: "Everyone", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession },
      ];
    });
    const dir = synthesized([config]).stacks.get("okta-prod")!;
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "plan", "-input=false", "-lock=false", "-out=plan.bin"));
    const plan = JSON.parse(ok(terraform(dir, "show", "-json", "plan.bin")).stdout) as { resource_changes: { address: string; change: { after: Record<string, unknown> } }[] };
    const rule = plan.resource_changes.find((r) => r.address.startsWith("okta_app_signon_policy_rule.") && r.change.after.name === "Contractors")!;
    expect(rule.change.after.user_types_included).toEqual([expect.stringMatching(/^oty[0-9A-Za-z]{17}$/)]);
    ok(terraform(dir, "apply", "-input=false", "-lock=false", "plan.bin"));
    const again = terraform(dir, "plan", "-input=false", "-lock=false", "-detailed-exitcode");
    expect({ code: again.code, output: again.code === 0 ? "" : again.output }).toEqual({ code: 0, output: "" });
  });
});
