import * as fs from "fs";
import * as path from "path";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { configFor } from "../config";
import { deployed, importFromServer } from "../test-support/import";
import { ok, terraform, terraformSuite, workDir } from "../test-support/terraform";
import { planOf, readPlan } from "../review/plan";

// The first deploy of an imported org must adopt, not duplicate: Terraform itself plans the
// imported config's stack (import blocks against the okta provider stand-in) and must show
// only imports, no creates.
terraformSuite()("Terraform plans an imported org as imports (offline, okta provider stand-in)", () => {
  test("plans every resource of the imported example org as an import and none as a create", async () => {
    const { org } = deployed(configFor("dev"));
    const { run } = await importFromServer(org);
    const root = workDir();
    synthesizeAll(buildOrgApp([run.adoption.config], { outdir: path.join(root, "cdktf.out") }).app);
    const dir = path.join(root, "cdktf.out", "stacks", "okta-dev");
    const imports = Object.keys(run.adoption.config.imports ?? {}).length;
    expect(imports).toBeGreaterThan(40);
    ok(terraform(dir, "init", "-input=false"));
    const plan = ok(terraform(dir, "plan", "-input=false", "-lock=false", "-out=plan.bin"));
    expect(plan.output).toMatch(new RegExp(`Plan: ${imports} to import, 0 to add, \\d+ to change, 0 to destroy\\.`));
    const shown = JSON.parse(ok(terraform(dir, "show", "-json", "plan.bin")).stdout) as { resource_changes: { address: string; change: { actions: string[]; importing?: { id: string } } }[] };
    const importing = shown.resource_changes.filter((c) => c.change.importing);
    expect(importing.map((c) => c.change.importing!.id).sort()).toEqual(Object.values(run.adoption.config.imports!).sort());
    expect(shown.resource_changes.filter((c) => c.change.actions.includes("create"))).toEqual([]);
    // The review of that real plan counts them as imports too.
    fs.writeFileSync(path.join(root, "plan.json"), JSON.stringify(shown));
    const reviewed = planOf("plan.json", readPlan(path.join(root, "plan.json")), { id: "okta-dev", json: JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")), findings: [], owners: {} });
    expect(reviewed.summary).toMatchObject({ create: 0, import: imports, delete: 0, replace: 0 });
    // okta-bootstrap-dev adopts the privileged reports-service and Terraform's own two identities,
    // each with its okta.* grant and admin roles: it creates nothing.
    const boot = path.join(root, "cdktf.out", "stacks", "okta-bootstrap-dev");
    const bootImports = run.adoption.config.bootstrap.imports ?? {};
    expect(Object.keys(bootImports).filter((a) => a.startsWith("okta_app_oauth.")).length).toBe(3);
    ok(terraform(boot, "init", "-input=false"));
    ok(terraform(boot, "plan", "-input=false", "-lock=false", "-out=plan.bin"));
    const bootShown = JSON.parse(ok(terraform(boot, "show", "-json", "plan.bin")).stdout) as { resource_changes: { address: string; change: { actions: string[]; importing?: { id: string } } }[] };
    expect(bootShown.resource_changes.filter((c) => c.change.importing).map((c) => c.change.importing!.id).sort()).toEqual(Object.values(bootImports).sort());
    expect(bootShown.resource_changes.filter((c) => c.change.actions.includes("create"))).toEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
