import * as fs from "fs";
import * as path from "path";
import { ok, synthesized, terraform, terraformSuite } from "../test-support/terraform";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

terraformSuite()("Terraform checks every stack of the example org (offline, okta provider stand-in)", () => {
  let example: { root: string; stacks: Map<string, string> };
  beforeAll(() => {
    example = synthesized();
  });

  test("parses every synthesized stack: terraform init -backend=false accepts all six", () => {
    expect([...example.stacks.keys()].sort()).toEqual(["okta-bootstrap-dev", "okta-bootstrap-prod", "okta-bootstrap-staging", "okta-dev", "okta-prod", "okta-staging"]);
    for (const [id, dir] of example.stacks) {
      const init = terraform(dir, "init", "-backend=false", "-input=false");
      expect({ id, code: init.code, errors: init.output.match(/Error: .*/g) ?? [] }).toEqual({ id, code: 0, errors: [] });
      // The range every stack pins, resolved against the stand-in's 6.12.0.
      expect(fs.readFileSync(path.join(dir, ".terraform.lock.hcl"), "utf8")).toContain('version     = "6.12.0"');
    }
  });

  test("validates and plans every stack of the example org against the provider schema", () => {
    for (const [id, dir] of example.stacks) {
      ok(terraform(dir, "init", "-input=false"));
      expect({ id, validate: ok(terraform(dir, "validate")).output.trim() }).toEqual({ id, validate: "Success! The configuration is valid." });
      const plan = ok(terraform(dir, "plan", "-input=false", "-lock=false", "-out=plan.bin"));
      const count = (JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) as { resource: Record<string, object> }).resource;
      const resources = Object.values(count).reduce((n, byId) => n + Object.keys(byId).length, 0);
      expect(plan.output).toContain(`Plan: ${resources} to add, 0 to change, 0 to destroy.`);
    }
  });
});
