import * as fs from "fs";
import * as path from "path";
import { configFor } from "../config";
import { SEED_002_TIERS } from "../constructs/api-center-auth-server";
import { ok, run, terraform, terraformSuite, workDir } from "../test-support/terraform";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

terraformSuite()("cdktf's own CLI deploys through the stand-in", () => {
  // The binary `npx cdktf` runs (CDK Terrain's, see node-support.test.ts), without npx's second
  // of package resolution per command.
  const CLI = path.resolve(__dirname, "..", "node_modules", ".bin", "cdktf");

  test("cdktf deploy of okta-bootstrap-dev and okta-dev, cdktf diff with no changes after it, and readable outputs", () => {
    const root = workDir("okta-cdktf-");
    const out = path.join(root, "cdktf.out");
    const cdktf = (...args: string[]) => ok(run(CLI, [...args, "--output", out, "--skip-provider-lock", "--no-color"], path.resolve(__dirname, ".."), { CI: "true", OKTA_ENVIRONMENTS: "dev" }));
    // As a user runs it into a log: no --no-color, no OKTA_ENVIRONMENTS (issue 25). The diff
    // below reuses this synth (--skip-synth): a synth through the CLI costs seconds.
    const deploy = ok(run(CLI, ["deploy", "okta-bootstrap-dev", "okta-dev", "--auto-approve", "--output", out, "--skip-provider-lock"], path.resolve(__dirname, ".."), { CI: "true", OKTA_ENVIRONMENTS: "" }));
    // Not a terminal: no escape codes; only okta-dev's stacks named; each finding once.
    expect(deploy.output).not.toContain("\x1b");
    expect(deploy.output).not.toMatch(/okta-(bootstrap-)?(staging|prod)\b/);
    expect(deploy.output.match(/OKTA-10/g)).toHaveLength(1);
    // cdktf interleaves the two stacks' output in chunks whose boundaries vary with load, so each
    // stack's apply is judged by its state, and the output by its two "Apply complete!" lines.
    expect(deploy.output.match(/Apply complete! Resources: \d+ added/g)).toHaveLength(2);
    for (const stack of ["okta-bootstrap-dev", "okta-dev"]) {
      // Local state went where configureBackend put it, beside cdktf.out and never inside it.
      const state = JSON.parse(fs.readFileSync(path.join(root, `terraform.${stack}.tfstate`), "utf8")) as { resources: { mode: string }[] };
      expect({ stack, managed: state.resources.filter((r) => r.mode === "managed").length > 0 }).toEqual({ stack, managed: true });
    }

    // `cdktf output` is left out: it wraps `terraform output` (below), and this diff already
    // shows the CLI finds each stack's state where configureBackend put it.
    const again = cdktf("diff", "okta-dev", "--skip-synth");
    expect(again.output).toContain("No changes. Your infrastructure matches the configuration.");

    const dir = path.join(out, "stacks", "okta-dev");
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
  });
});
