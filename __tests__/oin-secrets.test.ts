import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { configFor } from "../config";
import { OrgSnapshot } from "../importer/okta-objects";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { editedConfig, errorOf } from "../test-support";
import { deployed, importFromServer, synthStacks } from "../test-support/import";
import { terraformBinary, workDir } from "../test-support/terraform";

// Issue 20: credentials an OIN app holds in Okta never enter committed config: the import
// writes a variable the deploy supplies, config refuses a credential, and Terraform writes the
// secret's value into app_settings_json, JSON-quoted, at deploy.
const SECRET = 'tok-"quoted"\\and-${not-an-expression}';

describe("OIN app credentials", () => {
  test("the import writes a variable for a credential setting, never its value, and the report names TF_VAR_", async () => {
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org));
    const pagerduty = edited.apps.find((a: { name?: string }) => a.name === "pagerduty");
    pagerduty.settings.app = { ...pagerduty.settings.app, apiToken: SECRET, privateKey: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----" };
    const { run } = await importFromServer(edited as OrgSnapshot);
    const app = run.adoption.config.apps.find((a) => a.kind === "oin") as { catalog: { settings?: Record<string, unknown>; secretSettings?: Record<string, string> } };
    expect(app.catalog.secretSettings).toEqual({ apiToken: "pagerduty_api_token", privateKey: "pagerduty_private_key" });
    expect(Object.keys(app.catalog.settings ?? {})).not.toContain("apiToken");
    const written = fs.readFileSync(run.configFile, "utf8") + fs.readFileSync(run.reportFile, "utf8");
    expect(written).not.toContain("tok-");
    expect(written).not.toContain("BEGIN PRIVATE KEY");
    expect(fs.readFileSync(run.reportFile, "utf8")).toContain("TF_VAR_pagerduty_api_token");
    // The config synthesizes, with a sensitive variable and no value anywhere in the JSON.
    const stack = synthStacks([run.adoption.config]).get("okta-dev")!;
    expect(stack.variable.pagerduty_api_token).toEqual(expect.objectContaining({ sensitive: true, type: "string" }));
    expect(JSON.stringify(stack)).not.toContain("tok-");
  });

  test("config refuses a credential in plain settings, naming secretSettings as the fix, and never echoes it", () => {
    const synthError = (catalog: object) => {
      const config = editedConfig(configFor("dev"), (d) => d.apps.forEach((a) => a.kind === "oin" && Object.assign(a, { catalog })));
      return errorOf(() => synthesizeAll(buildOrgApp([config], { outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-oin-")) }).app));
    };
    // A typed catalog app: its settings schema knows no such key.
    const typed = synthError({ app: "pagerduty", settings: { subdomain: "acme", apiToken: "abc-secret" } });
    expect(typed).toContain("catalog.settings.apiToken is not a setting here (it would be ignored): got \"(not shown: it looks like a credential)\". Fix: credentials go in catalog.secretSettings");
    // Any other catalog app: the construct's check.
    const other = synthError({ app: "zendesk", signOnMode: "SAML_2_0", settings: { companySubdomain: "acme", apiToken: "abc-secret" } });
    expect(other).toContain("catalog setting apiToken looks like a credential, and secrets never go into config");
    expect(other).toContain('move it to secretSettings: { apiToken: "zendesk_api_token" }');
    expect(typed + other).not.toContain("abc-secret");
  });

  const tf = terraformBinary();
  (("reason" in tf) ? test.skip : test)("Terraform writes the supplied secret into app_settings_json, JSON-quoted, and evaluates nothing in it", () => {
    const config = editedConfig(configFor("dev"), (d) => d.apps.forEach((a) => a.kind === "oin" && Object.assign(a, { catalog: { ...(a as { catalog: object }).catalog, secretSettings: { apiToken: "pagerduty_api_token" } } })));
    const stack = synthStacks([config]).get("okta-dev")!;
    const saml = Object.values(stack.resource.okta_app_saml as Record<string, { preconfigured_app?: string; app_settings_json?: string }>).find((a) => a.preconfigured_app === "pagerduty")!;
    expect(saml.app_settings_json).toBe('{"apiToken":${jsonencode(var.pagerduty_api_token)},"subdomain":"example-dev"}');
    const dir = workDir("okta-oin-");
    fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify({ variable: { pagerduty_api_token: { type: "string" } }, locals: { v: saml.app_settings_json } }));
    const r = spawnSync("terraform", ["console", "-var", `pagerduty_api_token=${SECRET}`], { cwd: dir, input: "base64encode(local.v)\n", encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" } });
    expect(r.status).toBe(0);
    const evaluated = Buffer.from(JSON.parse(r.stdout.trim().split("\n").pop()!) as string, "base64").toString("utf8");
    expect(JSON.parse(evaluated)).toEqual({ apiToken: SECRET, subdomain: "example-dev" });
  });
});
