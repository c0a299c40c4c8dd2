import * as fs from "fs";
import * as path from "path";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { Group } from "@cdktf/provider-okta/lib/group";
import { configFor, selectEnvironments } from "../config";
import { runReview } from "../review/cli";
import { readPlan } from "../review/plan";
import { editedConfig } from "../test-support";
import { setEnvironment } from "../constructs/environment";
import { oktaProvider } from "../stacks/provider-version";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { benchOrg } from "../bench/org";
import { Run, run, terraform, terraformBinary, workDir } from "../test-support/terraform";

// Terraform itself checks every stack: it parses the JSON, type-checks it against the okta
// provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph and
// plans, offline. Where terraform is absent the suite skips and says why; it never fakes.
const binary = terraformBinary();
if ("reason" in binary) console.log(`Skipping the Terraform suite: ${binary.reason}.`);
const suite = "path" in binary ? describe : describe.skip;
jest.setTimeout(5 * 60 * 1000);

function ok(r: Run): Run {
  if (r.code !== 0) throw new Error(`exit ${r.code}:\n${r.output}`);
  return r;
}

/** Synthesizes configs the way `npm run synth` does, into `<fresh dir>/cdktf.out`; returns the stack dirs. */
function synthesized(configs = selectEnvironments()): { root: string; stacks: Map<string, string> } {
  const root = workDir();
  const outdir = path.join(root, "cdktf.out");
  synthesizeAll(buildOrgApp(configs, { outdir }).app);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { workingDirectory: string }> };
  return { root, stacks: new Map(Object.entries(manifest.stacks).map(([id, s]) => [id, path.join(outdir, s.workingDirectory)])) };
}

/** A hand-built stack written straight to JSON, as a raw resource or escape hatch would be, bypassing our synth checks. */
function rawStackDir(build: (stack: TerraformStack) => void): string {
  const root = workDir();
  const app = new App({ outdir: path.join(root, "cdktf.out"), skipValidation: true });
  const stack = new TerraformStack(app, "raw");
  setEnvironment(stack, "dev");
  oktaProvider(stack, {});
  build(stack);
  app.synth();
  return path.join(root, "cdktf.out", "stacks", "raw");
}

suite("Terraform checks every stack (offline, okta provider stand-in)", () => {
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

  test("validates and plans the 1,000-app bench org", () => {
    const bench = synthesized([benchOrg(1000)]);
    const dir = bench.stacks.get("okta-staging")!;
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "validate"));
    const plan = ok(terraform(dir, "plan", "-input=false", "-lock=false", "-refresh=false"));
    expect(plan.output).toMatch(/Plan: \d{4} to add, 0 to change, 0 to destroy\./);
    console.log(`1,000-app bench org: terraform plan took ${plan.seconds.toFixed(1)} s`);
  });

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

suite("npm run review --plan reads a real plan", () => {
  test("adds Terraform's create and update per resource next to the access diff", () => {
    const root = workDir("okta-plan-");
    const base = path.join(root, "cdktf.out");
    const head = path.join(root, "head.out");
    const dev = configFor("dev");
    synthesizeAll(buildOrgApp([dev], { outdir: base }).app);
    // The head: Billing also for silver subscribers, and a renamed status page.
    const edited = editedConfig(dev, (c) => {
      for (const app of c.apps) {
        if (app.id === "billing" && app.kind === "web") Object.assign(app, { assignTo: ["goldSubscribers", "silverSubscribers"] });
        if (app.id === "status-page") Object.assign(app, { label: "Service Status" });
      }
    });
    synthesizeAll(buildOrgApp([edited], { outdir: head }).app);
    // Both outdirs keep local state in `root`, so the head plans against what the base applied.
    const baseDir = path.join(base, "stacks", "okta-dev");
    ok(terraform(baseDir, "init", "-input=false"));
    ok(terraform(baseDir, "apply", "-input=false", "-auto-approve"));
    const headDir = path.join(head, "stacks", "okta-dev");
    ok(terraform(headDir, "init", "-input=false"));
    ok(terraform(headDir, "plan", "-input=false", "-out=plan.bin"));
    const planFile = path.join(root, "okta-dev.plan.json");
    fs.writeFileSync(planFile, ok(terraform(headDir, "show", "-json", "plan.bin")).stdout);

    const out: string[] = [];
    expect(runReview({ baseOut: base, headOut: head, json: true, failOnBroadening: [], plans: [{ file: planFile }] }, (t) => out.push(t))).toBe(0);
    const report = JSON.parse(out.join("")) as { stacks: { stack: string; plan?: { summary: Record<string, number>; changes: { address: string; action: string; path: string }[] }; access: { grants: { added: unknown[] } } }[] };
    const stack = report.stacks.find((s) => s.stack === "okta-dev")!;
    expect(stack.plan?.summary).toEqual({ create: 1, update: 1, replace: 0, delete: 0, import: 0, read: 0 });
    expect(stack.plan?.changes.map((c) => [c.action, c.path])).toEqual([
      ["update", "okta-dev/status-page/App"],
      ["create", "okta-dev/billing/Assignment-silverSubscribers"],
    ]);
    expect(stack.access.grants.added.length).toBeGreaterThan(0);
    const markdown: string[] = [];
    runReview({ baseOut: base, headOut: head, json: false, failOnBroadening: [], plans: [{ stack: "okta-dev", file: planFile }] }, (t) => markdown.push(t));
    expect(markdown.join("")).toContain("#### Terraform plan");
    expect(markdown.join("")).toMatch(/- `\+` okta_app_group_assignment `okta-dev\/billing\/Assignment-silverSubscribers`/);
  });

  test("refuses a file that is not a plan's JSON, naming it", () => {
    const file = path.join(workDir(), "plan.txt");
    fs.writeFileSync(file, "Plan: 1 to add");
    expect(() => readPlan(file)).toThrow(`${file} is not JSON. Fix: pass the output of \`terraform show -json <planfile>\``);
  });
});

suite("cdktf's own CLI deploys through the stand-in", () => {
  test("cdktf diff, then deploy of okta-bootstrap-dev and okta-dev, a second plan with no changes, and readable outputs", () => {
    const root = workDir("okta-cdktf-");
    const out = path.join(root, "cdktf.out");
    const cdktf = (...args: string[]) => ok(run("npx", ["cdktf", ...args, "--output", out, "--skip-provider-lock", "--no-color"], path.resolve(__dirname, ".."), { CI: "true", OKTA_ENVIRONMENTS: "dev" }));
    const diff = cdktf("diff", "okta-dev");
    expect(diff.output).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
    const deploy = cdktf("deploy", "okta-bootstrap-dev", "okta-dev", "--auto-approve");
    expect(deploy.output).toMatch(/okta-bootstrap-dev\s+Apply complete! Resources: \d+ added/);
    expect(deploy.output).toMatch(/okta-dev\s+Apply complete! Resources: \d+ added/);
    // Local state went where configureBackend put it, beside cdktf.out and never inside it.
    expect(fs.existsSync(path.join(root, "terraform.okta-dev.tfstate"))).toBe(true);

    const dir = path.join(out, "stacks", "okta-dev");
    const again = ok(terraform(dir, "plan", "-input=false", "-detailed-exitcode"));
    expect(again.output).toContain("No changes. Your infrastructure matches the configuration.");

    const outputs = JSON.parse(ok(terraform(dir, "output", "-json")).stdout) as Record<string, { value: unknown }>;
    expect(outputs.portal_client_id.value).toMatch(/^0oa\w+/);
    expect(outputs.api_center_issuer.value).toMatch(/^https:\/\/.+\/oauth2\/aus/);
    expect(outputs.api_center_tiers.value).toMatchObject({ silver: { scope: "http://myapp.com/scp/silver", group: "silverSubscribers" } });
    expect(outputs["reports-service_client_id"].value).toBe("reports-service-dev");
    const viaCdktf = cdktf("output", "okta-dev");
    expect(viaCdktf.output).toContain("api_center_issuer");
  });
});
