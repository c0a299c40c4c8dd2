import { fixtureConfig } from "../test-support/fixture-org";
import { signOn } from "../config/sign-on";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Lazy, TerraformStack, Token } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { OrgConfig } from "../config/types";
import { setEnvironment } from "../constructs/environment";
import { buildOrgApp } from "../stacks/org-app";
import { oktaProvider } from "../stacks/provider-version";
import { synthesizeAll } from "../stacks/synthesize";
import { unsafeExpressions, unsafeInterpolations } from "../terraform/interpolations";
import { errorOf } from "../test-support";

const PAYLOADS = ['${"\\u002a"}', "%{if true}x%{endif}", "${var.secret}", '${jsonencode("x")}', "$${x}${path.root}"];

/** Every path to a string in a config, with its value. */
function stringPaths(value: unknown, prefix: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof value === "string") return [{ path: prefix, value }];
  if (!value || typeof value !== "object") return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => stringPaths(v, [...prefix, k]));
}

function withString(config: OrgConfig, at: (string | number)[], text: string): OrgConfig {
  const copy = structuredClone(config) as unknown as Record<string | number, unknown>;
  let target = copy;
  for (const key of at.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[at[at.length - 1]] = text;
  return copy as unknown as OrgConfig;
}

/** Synthesizes; returns every stack's JSON, or the error. */
function synth(config: OrgConfig): { jsons: Record<string, unknown>[] } | { error: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
  try {
    synthesizeAll(buildOrgApp([config], { outdir }).app);
    const stacks = fs.readdirSync(path.join(outdir, "stacks"));
    return { jsons: stacks.map((s) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", s, "cdk.tf.json"), "utf8"))) };
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The prod fixture with the example org's zones and authentication policies, its sensitive apps on the policies the guardrails ask for. */
function prodWithSignOn(): OrgConfig {
  const fixture = fixtureConfig("prod");
  const POLICY_OF: Record<string, string> = { billing: "corporate-only", "api-center-client": "sensitive", mobile: "sensitive" };
  return { ...fixture, ...signOn("prod"), apps: fixture.apps.map((a) => (POLICY_OF[a.id] ? { ...a, authenticationPolicy: POLICY_OF[a.id] } : a)) } as OrgConfig;
}

describe("config cannot smuggle Terraform expressions", () => {
  // With the example org's zones and authentication policies: their names are free text too.
  const prod = prodWithSignOn();
  const strings = stringPaths(prod).filter((s) => s.path[0] !== "environment");

  test("every string field of the config either refuses an interpolation or reaches the JSON escaped", () => {
    expect(strings.length).toBeGreaterThan(60);
    const outcomes = { refused: 0, escaped: 0 };
    const escapedAt: string[] = [];
    for (const { path: at, value } of strings) {
      const payload = PAYLOADS[at.length % PAYLOADS.length];
      const result = synth(withString(prod, at, `${value}${payload}`));
      if ("error" in result) {
        expect({ at, error: result.error }).toEqual({ at, error: expect.stringMatching(/Terraform interpolation|Terraform would evaluate|Fix: /) });
        outcomes.refused++;
      } else {
        // Whatever got through, Terraform reads no expression from it but plain references.
        for (const json of result.jsons) expect({ at, unsafe: unsafeInterpolations(json) }).toEqual({ at, unsafe: [] });
        outcomes.escaped++;
        escapedAt.push(at.join("."));
      }
    }
    // Only free text (labels, names, descriptions: Okta stores them as written) and Okta's
    // template fields (SAML NameID template, attribute values) accept them, escaped.
    expect(escapedAt.filter((p) => !/(\.label|\.description|^groups\.\d+\.name|^groupRules\.\d+\.name|^apis\.\w+\.name|^apiCenter\.name|^networkZones\.\d+\.name|^authenticationPolicies\.[\w-]+\.name|^authenticationPolicies\.[\w-]+\.rules\.\d+\.name|nameIdTemplate|attributes\.\d+\.values\.\d+|catalog\.settings\..+)$/.test(p))).toEqual([]);
    expect(outcomes.escaped).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(strings.length / 2);
  });

  test("every string field refuses cdktf's token text, and none writes a whole Terraform reference live", () => {
    const LIVE = "${okta_app_oauth.x.client_secret}";
    const live = (v: unknown): boolean => v === LIVE || (Array.isArray(v) ? v.some(live) : v !== null && typeof v === "object" && Object.values(v).some(live));
    let written = 0;
    for (const { path: at } of strings) {
      const token = synth(withString(prod, at, "${TfToken[TOKEN.30]}"));
      // Refused by config, with its fix: never by cdktf's own "unrecognized token" or a written stack.
      expect({ at, refused: "error" in token ? /Fix: /.test(token.error) && !/Unrecognized token/i.test(token.error) : false }).toEqual({ at, refused: true });
      const whole = synth(withString(prod, at, LIVE));
      if ("error" in whole) continue;
      written++;
      expect({ at, live: whole.jsons.some(live) }).toEqual({ at, live: false });
    }
    // Template fields accept it and write it escaped; free text refuses it.
    expect(written).toBeGreaterThan(0);
  });

  test("refuses the review's example: a prod redirect URI that Terraform would turn into a wildcard", () => {
    const i = prod.apps.findIndex((a) => a.id === "portal");
    const message = errorOf(() => synthesizeAll(buildOrgApp([withString(prod, ["apps", i, "redirectUris", 0], 'https://${"\\u002a"}.example.com/cb')], { outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-")) }).app));
    expect(message).toContain('okta-prod config.apps[0] ("portal").redirectUris[0] contains a Terraform interpolation or directive');
  });

  test("keeps Okta's ${user.x} templates working: escaped for Terraform, literal for Okta", () => {
    const result = synth(prod);
    expect("jsons" in result).toBe(true);
    const text = JSON.stringify((result as { jsons: unknown[] }).jsons);
    expect(text).toContain('"subject_name_id_template":"$${user.email}"');
  });

  test("fails synth on an expression a construct or escape hatch wrote, naming the attribute", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "raw");
    setEnvironment(stack, "dev");
    oktaProvider(stack, {});
    new AppOauth(stack, "app", { label: "A", type: "web", redirectUris: ['https://${"\\u002a"}.example.com/cb'], grantTypes: ["authorization_code"] });
    const message = errorOf(() => synthesizeAll(app));
    expect(message).toContain("redirect_uris[0] holds \"${\\\"\\\\u002a\\\"}\", which Terraform would evaluate");
    expect(fs.existsSync(path.join(outdir, "stacks", "raw", "cdk.tf.json"))).toBe(false);
  });

  test("names the JSON path of every unsafe string, at any depth and after lists and skipped metadata", () => {
    const evaluated = '${file("/x")}';
    // eslint-disable-next-line no-sparse-arrays
    const holey = ["a", , evaluated];
    const json = {
      resource: {
        okta_app_oauth: { x: { "//": { metadata: { note: evaluated } }, redirect_uris: ["https://ok.example.com/cb", evaluated], label: evaluated, jwks: [{ kid: "k", n: [evaluated] }], later: holey } },
      },
      output: { o: { value: `%{ if true }y%{ endif }` } },
    };
    expect(unsafeInterpolations(json).map((i) => `${i.at} ${i.expression}`)).toEqual([
      `resource.okta_app_oauth.x.redirect_uris[1] ${evaluated}`,
      `resource.okta_app_oauth.x.label ${evaluated}`,
      `resource.okta_app_oauth.x.jwks[0].n[0] ${evaluated}`,
      `resource.okta_app_oauth.x.later[2] ${evaluated}`,
      "output.o.value %{ if true }",
      "output.o.value %{ endif }",
    ]);
  });

  test.each([
    ["a reference", "${okta_group.g_Group_1.id}", []],
    ["an escaped template", "$${user.email} %%{x}", []],
    ["a function call", '${file("/etc/passwd")}', ['${file("/etc/passwd")}']],
    ["a directive", "%{for x in y}${x}%{endfor}", ["%{for x in y}", "${x}", "%{endfor}"]],
  ])("tells %s apart", (_name, text, expected) => {
    expect(unsafeExpressions(text)).toEqual(expected);
  });

  test.each([
    ["a tab inside a URL", ["apps", 0, "redirectUris", 0], "https://portal.example.com/\tcb", "contains a control character"],
    ["a newline in a label", ["apps", 0, "label"], "Portal\nAdmin", "contains a control character"],
    ["a bidi override in a group name", ["groups", 0, "name"], "finance\u202eTeam", "bidi override"],
    ["a NUL in a description", ["groups", 0, "description"], "a\u0000b", "contains a control character"],
    ["an over-long label", ["apps", 0, "label"], "x".repeat(101), "is longer than Okta allows (100 characters)"],
    // No UTF-8 form: what reaches Okta could not be what config says. A whole pair (an emoji) is fine.
    ["half of a surrogate pair in a group name", ["groups", 0, "name"], "finance\ud800Team", "contains half of a UTF-16 surrogate pair, which is no character and has no UTF-8 form"],
    ["the other half in a description", ["groups", 0, "description"], "ends \udfff", "contains half of a UTF-16 surrogate pair"],
  ])("refuses %s", (_name, at, text, expected) => {
    const message = errorOf(() => synthesizeAll(buildOrgApp([withString(prod, at as (string | number)[], text as string)], { outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-")) }).app));
    expect(message).toContain(expected as string);
  });

  test("accepts a character beyond U+FFFF, both halves of its pair (an emoji in a label)", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
    synthesizeAll(buildOrgApp([withString(prod, ["apps", 0, "label"], "Portal \u{1F680}")], { outdir }).app);
    expect(fs.readFileSync(path.join(outdir, "stacks", "okta-prod", "cdk.tf.json"), "utf8")).toContain("Portal \u{1F680}");
  });
});

// cdktf replaces its own token text wherever it meets it in a string: an app label imported from
// Okta as `${TfToken[TOKEN.30]}` would be written as a live reference to some other resource
// (it was, before config refused it: `"label": "${okta_app_saml.pagerduty_App_D9DD1B19.id}"`).
describe("cdktf's token text in config or Okta's data", () => {
  const prod = fixtureConfig("prod");
  const encodedNumber = String(Token.asNumber(Lazy.numberValue({ produce: () => 7 })));

  test.each([
    ["a label that is a whole token", ["apps", 0, "label"], "${TfToken[TOKEN.30]}"],
    ["a token inside a description", ["groups", 0, "description"], "see ${TfToken[TOKEN.1]} here"],
    ["a list token in a group name", ["groups", 0, "name"], "#{TfToken[TOKEN.2]}"],
    ["a map token in a label", ["apps", 0, "label"], "&{TfToken[TOKEN.3]}"],
    ["a token key cdktf does not know", ["apps", 0, "label"], "${TfToken[NOT.A.TOKEN]}"],
    ["a number in cdktf's token encoding", ["apps", 0, "label"], `v ${encodedNumber}`],
    ["that number with a point before its exponent", ["apps", 0, "label"], `v ${encodedNumber.replace(/^(-?)(\d)\.(\d+)e\+(\d+)$/, (_m, sign: string, d: string, rest: string, exp: string) => `${sign}${d}${rest}.e+${Number(exp) - rest.length}`)}`],
  ])("refuses %s, naming where it is, and writes nothing", (_name, at, text) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
    const message = errorOf(() => synthesizeAll(buildOrgApp([withString(prod, at as (string | number)[], text as string)], { outdir }).app));
    expect(message).toMatch(new RegExp(`okta-prod config\\.${at[0]}\\[0\\] \\("[^"]+"\\)\\.${at[at.length - 1]} contains "`));
    expect(message).toContain("which cdktf reads as one of its tokens");
    expect(message).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(outdir, "stacks"))).toBe(false);
  });

  test("refuses it in a map's keys: an OIN app's settings and an authentication policy's id, which reach the JSON too", () => {
    const config = { ...structuredClone(prod), ...structuredClone(signOn("prod")) } as OrgConfig & { authenticationPolicies: Record<string, unknown> };
    const oin = config.apps.find((a) => a.kind === "oin") as { catalog: { settings?: Record<string, unknown> } } | undefined;
    expect(oin).toBeDefined();
    oin!.catalog.settings = { ...oin!.catalog.settings, "${TfToken[TOKEN.30]}": "x" };
    const [first] = Object.entries(config.authenticationPolicies);
    config.authenticationPolicies = { ...config.authenticationPolicies, "&{TfToken[TOKEN.31]}": first[1] };
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
    const message = errorOf(() => synthesizeAll(buildOrgApp([config], { outdir }).app));
    expect(message).toContain('.catalog.settings.${TfToken[TOKEN.30]} is a key holding "${TfToken[TOKEN.30]}", which cdktf reads as one of its tokens');
    expect(message).toContain('config.authenticationPolicies.&{TfToken[TOKEN.31]} is a key holding "&{TfToken[TOKEN.31]}"');
    expect(fs.existsSync(path.join(outdir, "stacks"))).toBe(false);
  });

  test("keeps text that only looks like it: number-like labels and an unclosed marker reach Okta as written", () => {
    const labels = ["1e5", "-1.8881545897087626e+289", "${TfToken[", "TfToken[x]", "$${TfToken[TOKEN.1]"];
    const config = structuredClone(prod) as OrgConfig;
    const apps = config.apps.map((a, i) => (i < labels.length ? { ...a, label: labels[i] } : a)) as OrgConfig["apps"];
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
    synthesizeAll(buildOrgApp([{ ...config, apps }], { outdir }).app);
    const written = fs.readFileSync(path.join(outdir, "stacks", "okta-prod", "cdk.tf.json"), "utf8");
    for (const label of ["1e5", "-1.8881545897087626e+289", "$${TfToken[", "TfToken[x]", "$$${TfToken[TOKEN.1]"]) expect(written).toContain(`"label": ${JSON.stringify(label)}`);
  });
});

// Free text reaches Okta escaped, except text that is exactly one Terraform reference, which
// escapeFreeText must leave live for what cdktf writes: a label imported from Okta as
// `${okta_app_oauth.x.client_secret}` was written as a live reference (Terraform would have put
// that app's secret in the label) before config refused it.
describe("free text written exactly as a Terraform reference", () => {
  const prod = fixtureConfig("prod");

  test.each([
    ["an app label", ["apps", 0, "label"], "${okta_app_oauth.x.client_secret}", "is exactly a Terraform reference"],
    ["a group name", ["groups", 0, "name"], "${data.okta_group.y.id}", "is exactly a Terraform reference"],
    ["a group description", ["groups", 0, "description"], '${okta_group.z["name"]}', "is exactly a Terraform reference"],
  ])("refuses %s, naming where it is, and writes nothing", (_name, at, text, expected) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
    const message = errorOf(() => synthesizeAll(buildOrgApp([withString(prod, at as (string | number)[], text as string)], { outdir }).app));
    expect(message).toMatch(new RegExp(`okta-prod config\\.${at[0]}\\[0\\] \\("[^"]+"\\)\\.${at[at.length - 1]} ${expected}`));
    expect(fs.existsSync(path.join(outdir, "stacks"))).toBe(false);
  });

  test("keeps a zone name with dots and a ${ as free text, where rules name it too: written escaped, as any name", () => {
    const config = prodWithSignOn();
    const old = config.networkZones![0].name;
    expect(JSON.stringify(config.authenticationPolicies)).toContain(JSON.stringify(old));
    const renamed = JSON.parse(JSON.stringify(config).split(JSON.stringify(old)).join(JSON.stringify("Office v1.2 ${x}"))) as OrgConfig;
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
    synthesizeAll(buildOrgApp([renamed], { outdir }).app);
    expect(fs.readFileSync(path.join(outdir, "stacks", "okta-prod", "cdk.tf.json"), "utf8")).toContain('"name": "Office v1.2 $${x}"');
  });

  test("keeps free text that only holds one, or is no reference, escaped so it reaches Okta as written", () => {
    const labels = ["see ${okta_group.z.name}", "${x}", "$${okta_group.z.name}", "${okta_group.z.name} "];
    const config = structuredClone(prod) as OrgConfig;
    const apps = config.apps.map((a, i) => (i < labels.length ? { ...a, label: labels[i] } : a)) as OrgConfig["apps"];
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-inject-"));
    synthesizeAll(buildOrgApp([{ ...config, apps }], { outdir }).app);
    const written = fs.readFileSync(path.join(outdir, "stacks", "okta-prod", "cdk.tf.json"), "utf8");
    for (const label of ["see $${okta_group.z.name}", "$${x}", "$$${okta_group.z.name}", "$${okta_group.z.name} "]) expect(written).toContain(`"label": ${JSON.stringify(label)}`);
  });
});
