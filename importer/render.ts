import { OrgConfig } from "../config/types";
import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "../config/terraform-keys";
import { findingMessage } from "../guardrails";
import { Adoption } from "./adopt";
import { Outcome, countsOf } from "./import-report";
import { accessDiffTables, markdownTable } from "../review/markdown";
import { rowsChanged } from "../review/diff";
import { code, inert } from "../review/inert";
import { appendAll } from "../constructs/append-all";

/**
 * The imported config as a TypeScript module of config/imported/: plain data typed as
 * OrgConfig (so tsc and the config schema check every edit), with the repo's Terraform keys
 * for the bootstrap stack rather than copies of them.
 */
export function renderConfig(config: OrgConfig, header: readonly string[]): string {
  const { bootstrap, environment, ...rest } = config;
  // Privileged service apps the bootstrap stack adopts, with their grants and roles.
  const imports = bootstrap.imports && Object.keys(bootstrap.imports).length ? `, imports: ${literal(bootstrap.imports, "  ")}` : "";
  // The repo's keys by name, unless the org's adopted identities hold others (public keys, kept as Okta has them).
  const env = environment as keyof typeof TERRAFORM_KEYS;
  const keys = (list: readonly unknown[], constant: string, repo: unknown) => (JSON.stringify(list) === JSON.stringify([repo]) ? `[${constant}.${environment}]` : literal(list, "  "));
  const label = bootstrap.label !== undefined ? `, label: ${JSON.stringify(bootstrap.label)}` : "";
  const body = literal({ environment, ...rest }, "").replace(
    /,\n}$/,
    () => `,\n  // Seed 004: Terraform's own identity, created by okta-bootstrap-${environment} (config/terraform-keys.ts).\n  bootstrap: { jwks: ${keys(bootstrap.jwks, "TERRAFORM_KEYS", TERRAFORM_KEYS[env])}, planJwks: ${keys(bootstrap.planJwks, "TERRAFORM_PLAN_KEYS", TERRAFORM_PLAN_KEYS[env])}${label}${imports} },\n}`,
  );
  return [
    ...header.map((l) => `// ${l}`),
    'import { OrgConfig } from "../types";',
    'import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "../terraform-keys";',
    "",
    `export const imported: OrgConfig = ${body};`,
    "",
  ].join("\n");
}

/** A TypeScript literal as a person would write it: identifier keys unquoted, short lists on one line. */
function literal(value: unknown, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    const items = value.map((v) => literal(v, inner));
    const flat = `[${items.join(", ")}]`;
    return flat.length + indent.length <= 100 && !flat.includes("\n") ? flat : `[\n${items.map((i) => inner + i).join(",\n")},\n${indent}]`;
  }
  // `__proto__: x` (quoted or not) in an object literal sets the prototype instead of a key, and
  // the entry would be gone from the written config though present in the checked one: computed.
  const keyOf = (k: string) => (k === "__proto__" ? '["__proto__"]' : /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  const entries = Object.entries(value).map(([k, v]) => `${keyOf(k)}: ${literal(v, inner)}`);
  const flat = `{ ${entries.join(", ")} }`;
  if (!entries.length) return "{}";
  return flat.length + indent.length <= 100 && !flat.includes("\n") && indent.length > 0 ? flat : `{\n${entries.map((e) => inner + e).join(",\n")},\n${indent}}`;
}

const OUTCOMES: Outcome[] = ["imported", "changed", "skipped", "not imported"];

/** The import report: counts, what the first deploy will change or create, what was left out and why, and the audit. */
export function renderReport(adoption: Adoption, source: string, seconds: number, requests: number): string {
  const { mapped, creates, findings } = adoption;
  const entries = mapped.log.entries;
  const counts = countsOf(entries);
  const a = adoption.access;
  const { added, removed } = rowsChanged(a);
  const out = [
    // First: what the first deploy does to who can get in. The default is nothing.
    added || removed
      ? `**The first deploy changes access: ${added} access row${added === 1 ? "" : "s"} added, ${removed} removed** (listed below; review each before deploying).`
      : "**The first deploy changes no access**: every token grant, app assignment, claim, trusted origin and way to sign in stays as it is in Okta.",
    "",
    `# Import of ${inert(source)} (okta-${inert(adoption.config.environment)})`,
    "",
    `Read with ${requests} API requests; read, mapped and synthesized in ${seconds.toFixed(1)} s. ${Object.keys(adoption.config.imports ?? {}).length} Terraform resources adopt existing objects (import blocks); ${creates.length} would be created.`,
    "",
    ...markdownTable(["kind", ...OUTCOMES], Object.entries(counts).map(([kind, c]) => [kind, ...OUTCOMES.map((o) => String(c[o] ?? 0))])),
    "",
  ];
  if (added || removed) {
    out.push("## Access the first deploy changes", "", "`-` Okta allows it now and will not after the deploy; `+` the deploy adds it.", "");
    appendAll(out, accessDiffTables(a));
  }
  const section = (title: string, outcome: Outcome, intro: string) => {
    const rows = entries.filter((e) => e.outcome === outcome);
    if (!rows.length) return;
    out.push(`## ${title} (${rows.length})`, "", intro, "");
    appendAll(out, markdownTable(["kind", "name", "id", "why"], rows.map((e) => [e.kind, e.name, code(e.id), e.why ?? ""]))).push("");
  };
  section("Not imported", "not imported", "These stay in Okta, unmanaged: nothing in the config stands for them, and a deploy leaves them alone.");
  section("Imported with a change", "changed", "The first deploy changes these: the constructs enforce a secure or consistent setting. Review each before deploying.");
  if (adoption.changes.length) {
    out.push(`## What the first deploy changes (${adoption.changes.length} attribute${adoption.changes.length === 1 ? "" : "s"})`, "");
    out.push("Each adopted resource as synthesized, against what Okta answered (attributes config sets and the import reads). Read the first `cdktf diff` for the rest.", "");
    const value = (v: unknown) => JSON.stringify(v) ?? "(none)";
    appendAll(out, markdownTable(["resource", "attribute", "Okta now", "config"], adoption.changes.map((c) => [code(c.address), c.attribute, value(c.okta), value(c.config)]))).push("");
  }
  if (creates.length) {
    out.push(`## Created by the first deploy (${creates.length})`, "", "The constructs need these and Okta has none: the first plan shows them as creates.", "");
    appendAll(out, creates.map((c) => `- ${code(c.address)} (${inert(c.path)})`)).push("");
  }
  const secrets = adoption.config.apps.flatMap((app) => Object.entries((app as { catalog?: { secretSettings?: Record<string, string> } }).catalog?.secretSettings ?? {}).map(([key, name]) => [app.id, key, name]));
  if (secrets.length) {
    out.push(`## Credentials the deploy supplies (${secrets.length})`, "", "These settings hold credentials in Okta. They were not written to config: each is a Terraform variable the deploy supplies as `TF_VAR_<name>` (a secret of the deploy environment), or the first deploy fails asking for it.", "");
    appendAll(out, markdownTable(["app", "setting", "TF_VAR_ name"], secrets.map(([app, key, name]) => [app, key, code(`TF_VAR_${name}`)]))).push("");
  }
  section("Skipped", "skipped", "Okta's own objects: referenced, never recreated.");
  out.push(`## Security audit (${findings.length} finding${findings.length === 1 ? "" : "s"})`, "");
  out.push(findings.length ? "The guardrails, in report mode, on the imported org. Errors fail `npm run synth` once this config is used: fix them (each says how) or suppress with a reason." : "The guardrails find nothing in the imported org.", "");
  for (const f of findings) out.push(`- **${inert(f.level)}** ${code(f.path)}: ${inert(findingMessage(f))}`);
  out.push("");
  return out.join("\n");
}
