import * as fs from "fs";
import * as path from "path";
import { configFor } from "../config";
import { SEED_002_TIERS } from "../constructs/api-center-auth-server";
import { ok, run, terraform, terraformSuite, workDir } from "../test-support/terraform";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

terraformSuite()("cdktf's own CLI deploys through the stand-in", () => {
  test("cdktf diff, then deploy of okta-bootstrap-dev and okta-dev, a second plan with no changes, and readable outputs", () => {
    const root = workDir("okta-cdktf-");
    const out = path.join(root, "cdktf.out");
    const cdktf = (...args: string[]) => ok(run("npx", ["cdktf", ...args, "--output", out, "--skip-provider-lock", "--no-color"], path.resolve(__dirname, ".."), { CI: "true", OKTA_ENVIRONMENTS: "dev" }));
    // As a user runs it into a log: no --no-color, no OKTA_ENVIRONMENTS (issue 25).
    const diff = ok(run("npx", ["cdktf", "diff", "okta-dev", "--output", out, "--skip-provider-lock"], path.resolve(__dirname, ".."), { CI: "true", OKTA_ENVIRONMENTS: "" }));
    expect(diff.output).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
    // Not a terminal: no escape codes; only okta-dev's stacks synthesized; each finding once.
    expect(diff.output).not.toContain("\x1b");
    expect(diff.output).not.toMatch(/okta-(staging|prod)\b/);
    expect(diff.output.match(/OKTA-10/g)).toHaveLength(1);
    const deploy = cdktf("deploy", "okta-bootstrap-dev", "okta-dev", "--auto-approve");
    // cdktf interleaves the two stacks' output in chunks whose boundaries vary with load, so each
    // stack's apply is judged by its state, and the output by its two "Apply complete!" lines.
    expect(deploy.output.match(/Apply complete! Resources: \d+ added/g)).toHaveLength(2);
    for (const stack of ["okta-bootstrap-dev", "okta-dev"]) {
      // Local state went where configureBackend put it, beside cdktf.out and never inside it.
      const state = JSON.parse(fs.readFileSync(path.join(root, `terraform.${stack}.tfstate`), "utf8")) as { resources: { mode: string }[] };
      expect({ stack, managed: state.resources.filter((r) => r.mode === "managed").length > 0 }).toEqual({ stack, managed: true });
    }

    const dir = path.join(out, "stacks", "okta-dev");
    const again = ok(terraform(dir, "plan", "-input=false", "-detailed-exitcode"));
    expect(again.output).toContain("No changes. Your infrastructure matches the configuration.");

    const outputs = JSON.parse(ok(terraform(dir, "output", "-json")).stdout) as Record<string, { value: unknown }>;
    // Derived from the org in config/, whatever it is: every OIDC app's client id, the issuer and the tier map.
    const dev = configFor("dev");
    for (const app of dev.apps.filter((a) => ["spa", "web", "native", "service"].includes(a.kind))) {
      const privileged = app.kind === "service" && (app.oktaApiScopes?.length ?? 0) > 0;
      expect({ app: app.id, value: outputs[`${app.id}_client_id`]?.value }).toEqual({ app: app.id, value: privileged ? (app.kind === "service" && app.clientId) || `${app.id}-dev` : expect.stringMatching(/^0oa\w+/) });
    }
    expect(outputs.api_center_issuer.value).toMatch(/^https:\/\/.+\/oauth2\/aus/);
    const tiers = dev.apiCenter!.tiers ?? SEED_002_TIERS;
    expect(Object.keys(outputs.api_center_tiers.value as object).sort()).toEqual(Object.keys(tiers).sort());
    for (const [name, tier] of Object.entries(tiers)) expect((outputs.api_center_tiers.value as Record<string, unknown>)[name]).toMatchObject({ scope: tier.scope, group: tier.groupName });
    const viaCdktf = cdktf("output", "okta-dev");
    expect(viaCdktf.output).toContain("api_center_issuer");
  });
});
