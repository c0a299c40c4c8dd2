// `npm run demo`: adopt an org and catch a console change, offline, with no Okta account
// (issue 20). A sample org (the example org's staging, as Okta would hold it) is served by a
// local Okta API; `npm run import` reads it; the first deploy runs through the okta provider
// stand-in; then someone edits the org "in the Admin Console" (its JSON), and `npm run drift`
// reports it in the review's terms. Everything lands in one temporary directory, printed.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { configFor } from "../config";
import { runImport } from "../importer/import-cli";
import { OrgSnapshot } from "../importer/okta-objects";
import { runDrift } from "../review/drift-cli";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { installStandIn } from "../terraform/stand-in/install";
import { startOktaApiServer } from "../test-support/okta-api-server";
import { orgFromStacks } from "../test-support/okta-org-from-stacks";

const ENV = "staging";
const STACK = `okta-${ENV}`;

export interface DemoResult {
  readonly dir: string;
  /** The import report's first line: what the first deploy changes in access. */
  readonly importReport: string;
  readonly driftExitCode: number;
  readonly drift: string;
  readonly seconds: number;
}

function terraform(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync("terraform", args, { cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`terraform could not run (${r.error.message}). Fix: install Terraform ≥ 1.5 and put it on PATH.`);
  if (r.status !== 0) throw new Error(`terraform ${args.join(" ")} failed in ${dir}:\n${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * How Terraform reaches the okta provider stand-in: its compiled entry point, installed for
 * Terraform to start as it starts a real provider (npm run demo), or the environment for a
 * stand-in already running with these settings (the tests' shared one, test-support/terraform.ts).
 */
export type DemoStandIn = string | ((settings: Record<string, string>) => NodeJS.ProcessEnv);

/** The whole demo, in `dir`; `say` gets each step's line. */
export async function runDemo(dir: string, standIn: DemoStandIn, say: (line: string) => void): Promise<DemoResult> {
  const started = Date.now();
  const step = (n: number, text: string) => say(`[${n}/5 ${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);

  step(1, "A sample org on a local server: the example org's staging, as Okta would hold it after a deploy.");
  const sampleOut = path.join(dir, "sample");
  synthesizeAll(buildOrgApp([configFor(ENV)], { outdir: sampleOut }).app);
  const read = (id: string) => JSON.parse(fs.readFileSync(path.join(sampleOut, "stacks", id, "cdk.tf.json"), "utf8"));
  const { org } = orgFromStacks([read(STACK), read(`okta-bootstrap-${ENV}`)], "sample");
  const orgFile = path.join(dir, "org.json");
  fs.writeFileSync(orgFile, JSON.stringify(org, null, 2));
  fs.copyFileSync(orgFile, path.join(dir, "org-at-deploy.json"));

  const server = await startOktaApiServer(org, { authorization: "SSWS demo-token" });
  let importReport = "";
  try {
    step(2, `npm run import -- --environment ${ENV} --org-url ${server.url}`);
    const run = await runImport(["--environment", ENV, "--org-url", server.url, "--out", path.join(dir, "config", "imported", `${ENV}.ts`)], { OKTA_API_TOKEN: "demo-token" }, (t) => (importReport += t), () => undefined);
    if (!run) throw new Error("the import wrote nothing");
    say(`      ${importReport.split("\n").find((l) => l.trim()) ?? ""}`);
    importReport = fs.readFileSync(path.join(dir, "config", "imported", `${ENV}.report.md`), "utf8").split("\n")[0];
    say(`      ${importReport}`);

    step(3, "The first deploy adopts the org (import blocks), through the okta provider stand-in.");
    const out = path.join(dir, "cdktf.out");
    synthesizeAll(buildOrgApp([run.adoption.config], { outdir: out }).app);
    const settings = { OKTA_STAND_IN_ORG: orgFile, OKTA_STAND_IN_ORG_BASELINE: path.join(dir, "org-at-deploy.json") };
    const env = typeof standIn === "string" ? { ...process.env, ...installStandIn(standIn, dir).env, ...settings } : standIn(settings);
    const stackDir = path.join(out, "stacks", STACK);
    terraform(stackDir, env, "init", "-input=false");
    const applied = terraform(stackDir, env, "apply", "-input=false", "-auto-approve");
    say(`      ${applied.split("\n").find((l) => l.startsWith("Apply complete")) ?? "applied"}`);

    step(4, 'In the Admin Console, someone opens the gold tier to Everyone and lets Billing in from anywhere.');
    const edited = JSON.parse(fs.readFileSync(orgFile, "utf8")) as OrgSnapshot;
    const everyone = edited.groups.find((g) => g.type === "BUILT_IN")!.id;
    for (const s of edited.authServers) for (const p of s.policies) for (const r of p.rules) if (r.name === "gold tier") (r.conditions as { people: { groups: { include: string[] } } }).people.groups.include = [everyone];
    for (const p of edited.accessPolicies ?? []) for (const r of p.rules) if (r.name === "From the office") (r.conditions as { network: unknown }).network = { connection: "ANYWHERE" };
    fs.writeFileSync(orgFile, JSON.stringify(edited, null, 2));

    step(5, `npm run drift -- ${STACK} (a refresh-only plan, as the daily drift workflow runs it)`);
    terraform(stackDir, env, "plan", "-input=false", "-refresh-only", "-out=drift.bin");
    const planFile = path.join(dir, "drift.json");
    fs.writeFileSync(planFile, terraform(stackDir, env, "show", "-json", "drift.bin"));
    let drift = "";
    const driftExitCode = runDrift([STACK, "--plan", planFile], (t) => (drift += t));
    return { dir, importReport, driftExitCode, drift, seconds: (Date.now() - started) / 1000 };
  } finally {
    await server.close();
  }
}
