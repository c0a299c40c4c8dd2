import * as fs from "fs";
import * as path from "path";
import { runAccess } from "../review/access-cli";
import { driftMarkdown, driftOf } from "../review/drift";
import { code, inert } from "../review/inert";
import { COMMENT_MARKER, markdownTable, toMarkdown } from "../review/markdown";
import { editedConfig } from "../test-support";
import { fixtureEnvironments } from "../test-support/fixture-org";
import { activeContent, renderAsGitHub } from "../test-support/markdown";
import { reviewOf, synthesizeTo } from "../test-support/review";

// The label a hostile pull request (or an org's admin) could give an app: it would spoof the
// sticky comment's marker, ping a user and a team, and load an image (issue 19).
const HOSTILE = "<!-- okta-as-code:review --> @octocat @example-org/identity-team ![x](https://evil.example/p.png)";

describe("inert rendering of outside values", () => {
  test("a hostile value renders as its own text: no comment, mention, image or link", () => {
    const text = inert(HOSTILE);
    expect(activeContent(text)).toEqual([]);
    const html = renderAsGitHub(text);
    expect(html).toContain("&lt;!-- okta-as-code:review --&gt;");
    expect(html).toContain("example.png".replace("example", "evil.example/p"));
  });

  test("the check itself sees what a raw value would do (so the tests below can fail)", () => {
    expect(activeContent(HOSTILE)).toEqual(expect.arrayContaining([expect.stringContaining("1 HTML comments"), "mention @octocat", "mention @example-org/identity-team"]));
    // A comment at a line's start makes the rest of the line raw HTML; after some text, the image renders.
    expect(activeContent(`x ${HOSTILE}`)).toEqual(expect.arrayContaining([expect.stringContaining("tag <img")]));
  });

  test("a code span cannot be closed by backticks in the value, nor break a table with a pipe or a newline", () => {
    const table = markdownTable(["path"], [[code("a``b` | <img src=x>\nc")]]).join("\n");
    const html = renderAsGitHub(table);
    expect(html).toContain("<code>a``b` | &lt;img src=x&gt; c</code>");
    expect(activeContent(table)).toEqual([]);
  });

  test("bidi overrides and invisible characters are shown by their code point", () => {
    expect(inert("finance\u202eTeam")).toBe("finance⟨U+202E⟩Team");
  });
});

describe("reports render values from config, Okta and plans inert", () => {
  const hostileConfigs = () => fixtureEnvironments().map((c) => editedConfig(c, (d) => d.apps.forEach((a) => a.id === "billing" && Object.assign(a, { label: HOSTILE }))));

  test("the review comment: a hostile app label in every environment leaves one marker and nothing active", () => {
    const base = synthesizeTo();
    const head = synthesizeTo(hostileConfigs());
    const markdown = toMarkdown(reviewOf(base, head));
    expect(markdown.startsWith(COMMENT_MARKER)).toBe(true);
    // The label's marker shows inside the attribute diff's code block only, as text: the comment is found by its start and author.
    expect(renderAsGitHub(markdown).match(/<!--/g)).toHaveLength(1);
    expect(markdown).toContain("okta-as-code:review");
    expect(activeContent(markdown, true)).toEqual([]);
  });

  test("the review comment stays inert at every shortening that fits it to GitHub, and when cut at the limit", () => {
    const report = reviewOf(synthesizeTo(), synthesizeTo(hostileConfigs()));
    // Each level is the text one character too long for the level before it gives; then a cut.
    const levels = [1, 2, 3].reduce<string[]>((texts) => [...texts, toMarkdown(report, texts[texts.length - 1].length - 1)], [toMarkdown(report)]);
    const cut = toMarkdown(report, 500);
    expect(cut).toContain("> ✂️ Cut at 500 characters");
    for (const text of [...levels, cut]) {
      expect(text.startsWith(COMMENT_MARKER)).toBe(true);
      expect(activeContent(text, true)).toEqual([]);
    }
  });

  test("the review comment: a head JSON edited by hand (label and construct path) stays inert", () => {
    const base = synthesizeTo();
    const head = synthesizeTo();
    const file = path.join(head, "stacks", "okta-prod", "cdk.tf.json");
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    const [name, app] = Object.entries(json.resource.okta_app_oauth as Record<string, Record<string, unknown>>)[0];
    app.label = HOSTILE;
    (app["//"] as { metadata: { path: string } }).metadata.path = "okta-prod/x`` <img src=https://evil.example/q.png> @octocat";
    json.resource.okta_app_oauth[name] = app;
    fs.writeFileSync(file, JSON.stringify(json));
    const markdown = toMarkdown(reviewOf(base, head));
    expect(markdown).toContain("evil.example/q.png");
    expect(activeContent(markdown, true)).toEqual([]);
  });

  test("the access view", () => {
    const out: string[] = [];
    runAccess(["okta-prod", "--from", synthesizeTo(hostileConfigs())], (t) => out.push(t));
    const markdown = out.join("");
    expect(markdown).toContain("okta-as-code:review");
    expect(activeContent(markdown)).toEqual([]);
  });

  test("the drift issue: a label changed in Okta", () => {
    const plan = {
      format_version: "1.2",
      prior_state: { values: { root_module: { resources: [{ address: "okta_app_oauth.billing", mode: "managed", type: "okta_app_oauth", name: "billing", values: { id: "0oa1", label: "Billing", type: "web" } }] } } },
      resource_drift: [{ address: "okta_app_oauth.billing", mode: "managed", type: "okta_app_oauth", name: "billing", change: { actions: ["update"], before: { id: "0oa1", label: "Billing", type: "web" }, after: { id: "0oa1", label: HOSTILE, type: "web" } } }],
    };
    const markdown = driftMarkdown(driftOf("okta-prod", plan));
    expect(markdown).toContain("okta-as-code:review");
    expect(activeContent(markdown)).toEqual([]);
  });

  test("the drift issue: a rule opened to EVERYONE in Okta, whose name is hostile (the broad-access line quotes it)", () => {
    const server = { address: "okta_auth_server.s", mode: "managed", type: "okta_auth_server", name: "s", values: { id: "aus1", name: "API" } };
    const policy = { address: "okta_auth_server_policy.p", mode: "managed", type: "okta_auth_server_policy", name: "p", values: { id: "00p1", name: "User access", auth_server_id: "aus1", priority: 1, client_whitelist: [] } };
    const rule = { id: "0pr1", name: HOSTILE, policy_id: "00p1", auth_server_id: "aus1", priority: 1, grant_type_whitelist: ["authorization_code"], scope_whitelist: ["openid"], group_whitelist: [] as string[] };
    const plan = {
      format_version: "1.2",
      prior_state: { values: { root_module: { resources: [server, policy, { address: "okta_auth_server_policy_rule.r", mode: "managed", type: "okta_auth_server_policy_rule", name: "r", values: rule }] } } },
      resource_drift: [{ address: "okta_auth_server_policy_rule.r", mode: "managed", type: "okta_auth_server_policy_rule", name: "r", change: { actions: ["update"], before: rule, after: { ...rule, group_whitelist: ["EVERYONE"] } } }],
    };
    const report = driftOf("okta-prod", plan);
    expect(report.access.newMarkers).toEqual([expect.stringContaining("EVERYONE in rule")]);
    const markdown = driftMarkdown(report);
    expect(markdown).toContain("🚨 outside code: EVERYONE in rule");
    expect(activeContent(markdown)).toEqual([]);
  });
});

describe("drift redacts what the plan marks sensitive, private JWK members and credential settings", () => {
  test("a crafted plan's secrets appear nowhere in the drift report, Markdown or JSON", () => {
    const secrets = ["s3cr3t-custom", "PRIVATE-d-VALUE", "PRIVATE-p-VALUE", "tok-123456", "hunter2"];
    const code = { id: "0oa1", label: "Billing", custom_field: "old", jwks: [{ kid: "k1", kty: "RSA", e: "AQAB", n: "public-n" }], app_settings_json: '{"domain":"old.example.com"}' };
    const real = {
      id: "0oa1",
      label: "Billing",
      custom_field: secrets[0],
      jwks: [{ kid: "k1", kty: "RSA", e: "AQAB", n: "public-n", d: secrets[1], p: secrets[2] }],
      app_settings_json: JSON.stringify({ domain: "new.example.com", apiToken: secrets[3], nested: { adminPassword: secrets[4] } }),
    };
    const plan = {
      format_version: "1.2",
      prior_state: { values: { root_module: { resources: [{ address: "okta_app_oauth.billing", mode: "managed", type: "okta_app_oauth", name: "billing", values: code }] } } },
      resource_drift: [{ address: "okta_app_oauth.billing", mode: "managed", type: "okta_app_oauth", name: "billing", change: { actions: ["update"], before: code, after: real, before_sensitive: {}, after_sensitive: { custom_field: true } } }],
    };
    const report = driftOf("okta-prod", plan);
    const shown = `${driftMarkdown(report)}\n${JSON.stringify(report)}`;
    for (const s of secrets) expect(shown).not.toContain(s);
    // What changed is still told: the public parts, the setting that is not a secret, and that secrets changed.
    expect(shown).toContain("new.example.com");
    expect(shown).toContain("public-n");
    expect(report.drifted[0].attributes.map((a) => a.attribute)).toEqual(["app_settings_json", "custom_field", "jwks"]);
    expect(report.drifted[0].attributes.find((a) => a.attribute === "custom_field")).toEqual({ attribute: "custom_field", before: '"old"', after: "(sensitive)" });
  });
});
