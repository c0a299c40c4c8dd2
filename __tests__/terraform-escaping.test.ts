import { spawnSync } from "child_process";
import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { escapeTemplate } from "../constructs/template";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { editedConfig } from "../test-support";
import { fixtureConfig } from "../test-support/fixture-org";
import { terraformSuite, workDir } from "../test-support/terraform";

/** What Terraform itself evaluates each JSON string to (`terraform console`, one run for all). */
function evaluated(values: readonly string[]): string[] {
  const dir = workDir("okta-escape-");
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify({ locals: { v: values } }));
  // base64 of the JSON: the console prints it as a plain quoted string, with nothing to unescape.
  const r = spawnSync("terraform", ["console"], { cwd: dir, input: "base64encode(jsonencode(local.v))\n", encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" } });
  if (r.status !== 0) throw new Error(`terraform console: exit ${r.status}\n${r.stdout}${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop()!;
  return JSON.parse(Buffer.from(JSON.parse(line) as string, "base64").toString("utf8")) as string[];
}

// Every string reaches Okta exactly as written in config: judged by what Terraform evaluates the
// synthesized JSON to, not by its shape (issue 19: `$${…}` used to pass as "already escaped").
terraformSuite()("strings reach Okta as written", () => {
  test("escapeTemplate survives Terraform for any mix of $, %, braces, quotes and backslashes", () => {
    const alphabet = fc.constantFrom("$", "%", "{", "}", "a", '"', "\\", "${", "%{", "$${", "%%{", "$$", "}}");
    const strings = fc.sample(fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join("")), { numRuns: 300, seed: 19 });
    strings.push("$${x}", "$$${x}", "%%{x}", "%%%{x}", "${user.email}", "$", "%", "$$", "a$${b}%%{c}${d}");
    expect(evaluated(strings.map(escapeTemplate))).toEqual(strings);
  });

  test("a SAML NameID template and attribute values written with $${ or %%{ reach Okta unchanged", () => {
    const template = "$${user.email}";
    const values = ["user.email", "%%{literal}", "$$${x}"];
    const config = editedConfig(fixtureConfig("dev"), (d) =>
      d.apps.forEach((a) => a.kind === "saml" && Object.assign(a, { nameIdTemplate: template, attributes: [{ name: "email", values }] })),
    );
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-escape-"));
    synthesizeAll(buildOrgApp([config], { outdir }).app);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "okta-dev", "cdk.tf.json"), "utf8"));
    const saml = Object.values(json.resource.okta_app_saml as Record<string, { subject_name_id_template: string; attribute_statements: { name: string; values: string[] }[] }>)[0];
    const statement = saml.attribute_statements.find((s) => s.name === "email")!;
    expect(evaluated([saml.subject_name_id_template, ...statement.values])).toEqual([template, ...values]);
  });

  test("labels, names and descriptions reach Okta exactly as written: $${, %{, runs of $ and %, quotes, newlines, non-ASCII", () => {
    const label = 'Billing $${okta_app_oauth.x.client_secret} %{if x} "q" ü';
    const description = "Line one ${var.x}\nline two $$${y} %%{z}";
    const apiName = "Pay$${x}ments";
    const config = editedConfig(fixtureConfig("dev"), (d) => {
      d.apps.forEach((a) => a.id === "billing" && Object.assign(a, { label }));
      Object.assign(d.groups![0], { description });
      if (d.apis?.payments) Object.assign(d.apis.payments, { name: apiName });
    });
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-escape-"));
    synthesizeAll(buildOrgApp([config], { outdir }).app);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "okta-dev", "cdk.tf.json"), "utf8"));
    const app = Object.values(json.resource.okta_app_oauth as Record<string, { label: string }>).find((a) => a.label.includes("client_secret"))!;
    const group = Object.values(json.resource.okta_group as Record<string, { name: string; description: string }>).find((g) => g.name === config.groups![0].name)!;
    const values = [app.label, group.description];
    const expected = [label, description];
    const server = Object.values(json.resource.okta_auth_server as Record<string, { name: string }>).find((s) => s.name.startsWith("Pay"));
    if (server) {
      values.push(server.name);
      expected.push(apiName);
    }
    expect(evaluated(values)).toEqual(expected);
  });
});
