import { fixtureConfig } from "../test-support/fixture-org";
import * as fs from "fs";
import * as path from "path";
import { runReview } from "../review/cli";
import { readPlan } from "../review/plan";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { editedConfig } from "../test-support";
import { ok, terraform, terraformSuite, workDir } from "../test-support/terraform";

// Terraform itself checks what we synthesize: it parses the JSON, type-checks it against the
// okta provider 6.12.0 schema (served by the stand-in in terraform/stand-in/), builds the graph
// and plans, offline. Where terraform is absent the suite skips and says why; it never fakes.

terraformSuite()("npm run review --plan reads a real plan", () => {
  test("adds Terraform's create and update per resource next to the access diff", () => {
    const root = workDir("okta-plan-");
    const base = path.join(root, "cdktf.out");
    const head = path.join(root, "head.out");
    const dev = fixtureConfig("dev");
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

