import { TerraformOutput, TerraformStack } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { Group } from "@cdktf/provider-okta/lib/group";
import { ok, rawStackDir, terraform, terraformSuite } from "../test-support/terraform";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

terraformSuite()("Terraform refuses broken raw resources", () => {
  test.each([
    [
      "an unknown attribute",
      (s: TerraformStack) => new AppOauth(s, "app", { label: "A", type: "web" }).addOverride("refresh_token_leeway_seconds", 30),
      /Error: Extraneous JSON object property[\s\S]*No argument or block type is named "refresh_token_leeway_seconds"/,
    ],
    ["a wrong type", (s: TerraformStack) => new AppOauth(s, "app", { label: "A", type: "web" }).addOverride("pkce_required", ["yes"]), /Inappropriate value for attribute "pkce_required": bool required/],
    [
      "a reference to a missing attribute",
      (s: TerraformStack) => new TerraformOutput(s, "out", { value: "${okta_group.g.client_secret}" }) && new Group(s, "g", { name: "G" }).overrideLogicalId("g"),
      /Error: Unsupported attribute[\s\S]*okta_group\.g\.client_secret[\s\S]*no argument, nested block, or exported attribute named\s+"client_secret"/,
    ],
    [
      "a depends_on cycle",
      (s: TerraformStack) => {
        const a = new Group(s, "a", { name: "A" });
        const b = new Group(s, "b", { name: "B", dependsOn: [a] });
        a.dependsOn = [`okta_group.${b.friendlyUniqueId}`];
      },
      /Error: Cycle: okta_group\.\w+, okta_group\.\w+/,
    ],
  ])("fails a broken raw resource with Terraform's own message: %s", (_name, build, message) => {
    const dir = rawStackDir(build as (s: TerraformStack) => void);
    ok(terraform(dir, "init", "-input=false"));
    const validate = terraform(dir, "validate");
    const failed = validate.code !== 0 ? validate : terraform(dir, "plan", "-input=false", "-lock=false");
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(message);
  });
});

