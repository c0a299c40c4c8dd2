import { AssignmentRow, ClaimRow, GrantRow, ManagementRow, OriginRow, SignInRow } from "./access";
import { AccessDiff, ResourceChange, RowDiff, rowsChanged } from "./diff";
import { Gate, ReviewReport, StackReview, isUnchanged, summaryOf } from "./review";
import { Cell, Markdown, code, inert, oneLine, render as cell } from "./inert";
import { accessDiffMermaid, mermaidBlock } from "./mermaid";
import { appendAll } from "../constructs/append-all";

/** Hidden marker the review workflow finds its sticky PR comment by. */
export const COMMENT_MARKER = "<!-- okta-as-code:review -->";

/** GitHub's comment limit is 65,536 characters; leave room for the workflow's own framing. */
export const MARKDOWN_LIMIT = 60_000;

type Detail = "full" | "no-attribute-diff" | "no-resource-lines" | "access-counts";

/** Where the whole report is when the comment cannot hold it. */
const WHOLE_REPORT = "run `npm run review` locally, or open `review-full.md` in the review workflow's `okta-review` artifact";

/**
 * The PR comment. If it is too long, the attribute diffs go first, then the per-resource
 * lines, then (a change of thousands of apps) the access rows, counted per table instead; every
 * summary line and warning is kept, and the comment says what was cut and where the whole
 * report is. What still does not fit is cut at the limit, so GitHub never refuses the comment
 * (it refuses more than 65,536 characters, and the gate's status would then never be set).
 */
export function toMarkdown(report: ReviewReport, limit = MARKDOWN_LIMIT, gate?: Gate): string {
  const levels: Detail[] = ["full", "no-attribute-diff", "no-resource-lines", "access-counts"];
  return fitted(levels.map((level) => () => render(report, level, gate)), limit, WHOLE_REPORT);
}

/**
 * The first of `renders` (the most detailed first) whose text fits `limit`; else the last one's
 * text cut at a line's end, saying so and where the whole report is (`whole`: "run …"). Each
 * render runs only when the one before did not fit.
 */
export function fitted(renders: readonly (() => string)[], limit: number, whole: string): string {
  let text = "";
  for (const render of renders) {
    text = render();
    if (text.length <= limit) return text;
  }
  const note = `\n\n> ✂️ Cut at ${limit.toLocaleString("en-US")} characters: the summaries and warnings alone are longer. For the whole report, ${whole}.\n`;
  const kept = text.slice(0, Math.max(0, limit - note.length));
  return kept.slice(0, Math.max(0, kept.lastIndexOf("\n"))) + note;
}

const CUT: Record<Exclude<Detail, "full">, string> = {
  "no-attribute-diff": "attribute diffs left out. Every summary, warning and access change is shown",
  "no-resource-lines": "attribute diffs and per-resource lines left out. Every summary, warning and access change is shown",
  "access-counts": "attribute diffs, per-resource lines and access rows left out; each access table's rows are counted. Every summary and warning is shown",
};

function render(report: ReviewReport, detail: Detail, gate?: Gate): string {
  const out: string[] = [COMMENT_MARKER, "## Okta change review", ""];
  out.push(`Base ${code(report.base)} → head ${code(report.head)}. Computed from the synthesized Terraform JSON: no Terraform, no credentials.`, "");
  for (const env of report.broadeningIn) {
    const stacks = report.stacks.filter((s) => s.environment === env && s.broadensAccess);
    out.push(`> 🚨 **Access broadens in ${inert(env)}** (${stacks.map((s) => inert(s.stack)).join(", ")}): ${stacks.map(broadeningSummary).join("; ")}.`);
  }
  for (const env of report.outagesIn) {
    const stacks = report.stacks.filter((s) => s.environment === env && s.outages.length);
    out.push(`> 🛑 **Outage in ${inert(env)}**: ${stacks.flatMap((s) => s.outages.map(inert)).join("; ")}. Every user or client of these loses access until they are given the new ids.`);
  }
  for (const s of report.stacks) for (const w of s.warnings) out.push(`> ⚠️ **${inert(s.stack)}** ${w}`);
  if (gate?.items.length) {
    out.push(`> 🔏 **Needs approval in ${gate.environments.map(inert).join(", ")}**: ${gate.items.length} change${gate.items.length === 1 ? "" : "s"} above (access broadening and outages). An approval covers exactly these: gate digest ${code(gate.digest.slice(0, 16))}; a later push that changes them needs a new one.`);
  }
  if (report.broadeningIn.length || report.outagesIn.length || report.stacks.some((s) => s.warnings.length)) out.push("");
  if (detail !== "full") {
    out.push(
      `> ✂️ Truncated to fit a GitHub comment: ${CUT[detail]}. For the rest, ${WHOLE_REPORT}.`,
      "",
    );
  }
  for (const s of report.stacks) out.push(`- ${isUnchanged(s) ? `${inert(s.stack)}: no changes` : `**${summaryOf(s)}**${s.broadensAccess ? " — access broadens" : ""}${s.presence !== "both" ? ` (stack ${s.presence})` : ""}`}`);
  for (const s of report.stacks) if (!isUnchanged(s)) appendAll(out, ["", ...renderStack(s, detail)]);
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function broadeningSummary(s: StackReview): string {
  const a = s.access;
  const parts = [
    [a.grants.added.length, "token grant"],
    [a.assignments.added.length, "app assignment"],
    [a.management.added.length, "management grant"],
    [a.origins.added.length, "trusted origin scope"],
    [a.claims.added.length, "claim value"],
    [a.signIns.added.length, "weaker sign-in"],
  ]
    .filter(([n]) => n)
    .map(([n, what]) => `+${n} ${what}${n === 1 ? "" : "s"}`);
  return [...parts, ...a.newMarkers.map((m) => `new: ${inert(m)}`)].join(", ");
}

function renderStack(s: StackReview, detail: Detail): string[] {
  const out = [`### ${summaryOf(s)}`, ""];
  if (s.resources.length) {
    const c = s.cost;
    out.push(`Okta API cost (estimate): the PR plan reads ≈ ${c.planReads}, the deploy makes ≈ ${c.deployRequests} requests, ≈ ${c.minutes} min at worst (${c.capacity} % of a 100-a-minute bucket).`, "");
  }
  const a = s.access;
  const changed = rowsChanged(a);
  const accessChanged = changed.added || changed.removed || a.newMarkers.length;
  if (s.byTeam.some((t) => t.accessAdded || t.accessRemoved || t.resources)) {
    out.push("#### By team", "");
    appendAll(out, markdownTable(["team", "access rows +", "access rows -", "resources changed"], s.byTeam.filter((t) => t.accessAdded || t.accessRemoved || t.resources).map((t) => [t.team, String(t.accessAdded), String(t.accessRemoved), String(t.resources)]))).push("");
  }
  out.push("#### Access changes", "");
  if (!accessChanged) out.push("No change in who can get what.", "");
  appendAll(out, detail === "access-counts" ? accessDiffCounts(a) : accessDiffTables(a));
  if (a.newMarkers.length) appendAll(out, a.newMarkers.map((m) => `- 🚨 new: ${inert(m)}`)).push("");
  const picture = detail === "full" ? accessDiffMermaid(a) : undefined;
  if (picture) appendAll(out, ["<details><summary>Picture of the change (groups → apps → APIs)</summary>", "", ...mermaidBlock(picture), "", "</details>", ""]);
  // Per-resource lines are the third thing to go, after attribute diffs.
  const resourceLines = detail === "full" || detail === "no-attribute-diff";
  if (s.resources.length) {
    out.push("#### Resource changes", "");
    if (!resourceLines) out.push(`${s.summary.add} added, ${s.summary.change} changed, ${s.summary.destroy} destroyed (lines left out to fit).`, "");
    else {
      appendAll(out, s.resources.map(resourceLine)).push("");
      if (detail === "full") appendAll(out, attributeDiff(s)).push("");
    }
  }
  if (s.plan) {
    const p = s.plan;
    const sum = `+${p.summary.create} ~${p.summary.update} -/+${p.summary.replace} -${p.summary.delete}${p.summary.import ? ` ⇐${p.summary.import} imported` : ""}`;
    out.push(`#### Terraform plan (${code(p.file)}): ${sum}`, "");
    if (!p.changes.length) out.push("No changes.", "");
    else if (!resourceLines) out.push("(per-resource lines left out to fit)", "");
    else appendAll(out, p.changes.map((c) => `- \`${PLAN_SIGN[c.action]}\` ${inert(c.type)} ${code(c.path)}${c.action === "replace" ? " **replaced**" : ""}`)).push("");
  }
  if (s.newFindings.length) {
    out.push("#### New guardrail findings", "");
    appendAll(out, s.newFindings.map((f) => `- **${inert(f.rule)} ${inert(f.level)}** ${code(f.path)}: ${inert(f.detail)}. Fix: ${inert(f.fix)}`)).push("");
  }
  return out;
}

export interface AccessTable<T> {
  readonly title: string;
  readonly columns: string[];
  readonly cells: (row: T) => Cell[];
}

/** Each access table's title, columns and cells: one definition for the review's diffs and `npm run access`'s matrix. */
export const ACCESS_TABLES: {
  readonly grants: AccessTable<GrantRow>;
  readonly assignments: AccessTable<AssignmentRow>;
  readonly management: AccessTable<ManagementRow>;
  readonly origins: AccessTable<OriginRow>;
  readonly claims: AccessTable<ClaimRow>;
  readonly signIns: AccessTable<SignInRow>;
} = {
  grants: {
    title: "Token grants (authorization servers)",
    columns: ["server", "client", "owner", "who", "grant", "scope", "request", "via", "claims", "sign-in"],
    cells: (r) => [r.server, r.client, r.owner ?? "", r.who, r.grant, r.scope, r.request, r.via, r.claims ?? "", r.signIn ?? ""],
  },
  assignments: { title: "App assignments (who can sign in)", columns: ["app", "owner", "group"], cells: (r) => [r.app, r.owner ?? "", r.group] },
  management: { title: "Okta management access (okta.* scopes, admin roles)", columns: ["app", "access"], cells: (r) => [r.app, r.access] },
  origins: { title: "Trusted origins", columns: ["origin", "scope"], cells: (r) => [r.origin, r.scope] },
  claims: { title: "Token claims (custom claims, per value)", columns: ["server", "client", "owner", "who", "scope", "token", "claim", "value"], cells: (r) => [r.server, r.client, r.owner ?? "", r.who, r.scope, r.token, r.claim, r.value] },
  signIns: { title: "Sign-in (authentication policies): who, with which factors, from where", columns: ["app", "owner", "who", "assurance", "where", "via"], cells: (r) => [r.app, r.owner ?? "", r.who, r.assurance, r.where, r.via] },
};

/** Every access table's changed rows: the review's and the import report's. */
export function accessDiffTables(a: AccessDiff): string[] {
  const t = ACCESS_TABLES;
  return [
    ...rowDiffTable(t.grants.title, t.grants.columns, a.grants, t.grants.cells),
    ...rowDiffTable(t.assignments.title, t.assignments.columns, a.assignments, t.assignments.cells),
    ...rowDiffTable(t.management.title, t.management.columns, a.management, t.management.cells),
    ...rowDiffTable(t.origins.title, t.origins.columns, a.origins, t.origins.cells),
    ...rowDiffTable(t.claims.title, t.claims.columns, a.claims, t.claims.cells),
    ...signInDiffTable(a.signIns),
  ];
}

/** Each access table's count of changed rows, for a change too large to list them in a comment. */
export function accessDiffCounts(a: AccessDiff, whole = WHOLE_REPORT): string[] {
  const t = ACCESS_TABLES;
  const counts: [string, number, number, number][] = [
    [t.grants.title, a.grants.added.length, a.grants.removed.length, 0],
    [t.assignments.title, a.assignments.added.length, a.assignments.removed.length, 0],
    [t.management.title, a.management.added.length, a.management.removed.length, 0],
    [t.origins.title, a.origins.added.length, a.origins.removed.length, 0],
    [t.claims.title, a.claims.added.length, a.claims.removed.length, 0],
    [t.signIns.title, a.signIns.added.length, a.signIns.removed.length, a.signIns.strengthened.length],
  ];
  const rows = (n: number, sign: string) => `${n} row${n === 1 ? "" : "s"} \`${sign}\``;
  const lines = counts.filter(([, added, removed, stronger]) => added || removed || stronger).map(([title, added, removed, stronger]) => `- **${title}**: ${rows(added, "+")}, ${rows(removed, "-")}${stronger ? `, ${rows(stronger, "^")}` : ""}`);
  return lines.length ? [...lines, "", `(access rows left out to fit; for them, ${whole})`, ""] : [];
}

/** Sign-in changes: `+` a weaker way in (broadening), `-` a way in gone, `^` a stronger way in or a new deny. */
export function signInDiffTable(d: AccessDiff["signIns"], legend?: string): string[] {
  const t = ACCESS_TABLES.signIns;
  if (!d.added.length && !d.removed.length && !d.strengthened.length) return [];
  const rows = [...d.removed.map((r) => ["-", ...t.cells(r)]), ...d.strengthened.map((r) => ["^", ...t.cells(r)]), ...d.added.map((r) => ["+", ...t.cells(r)])];
  return [`**${t.title}**${legend ? ` ${legend}` : ""} (\`+\` weaker, broadens; \`^\` stronger or denied; \`-\` gone)`, "", ...markdownTable(["", ...t.columns], rows), ""];
}

/** One access table's removed (`-`) and added (`+`) rows, or nothing when neither; shared by the review and the drift report. */
export function rowDiffTable<T>(title: string, columns: string[], diff: RowDiff<T>, cells: (row: T) => Cell[], legend?: string): string[] {
  if (!diff.added.length && !diff.removed.length) return [];
  const rows = [...diff.removed.map((r) => ["-", ...cells(r)]), ...diff.added.map((r) => ["+", ...cells(r)])];
  return [`**${title}**${legend ? ` ${legend}` : ""}`, "", ...markdownTable(["", ...columns], rows), ""];
}

/**
 * A Markdown table; shared by the review, the access view, drift and the import report. A
 * string cell is a value from outside and is made inert; a Markdown cell is this project's own.
 */
export function markdownTable(columns: readonly string[], rows: readonly (readonly Cell[])[]): string[] {
  const header = `|${columns.map((c) => (c ? ` ${c} ` : " ")).join("|")}|`;
  return [header, `|${columns.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(tableCell).join(" | ")} |`)];
}

/** In a table, a `|` of this project's Markdown must be escaped too (inert text and code spans already are). */
function tableCell(c: Cell): string {
  return c instanceof Markdown ? c.text.replace(/(?<!\\)\|/g, "\\|") : cell(c);
}

const SIGN = { add: "+", import: "⇐", change: "~", destroy: "-" } as const;
const PLAN_SIGN = { create: "+", update: "~", replace: "-/+", delete: "-", import: "⇐", read: "<=" } as const;

function resourceLine(r: ResourceChange): string {
  const sign = r.replacedBy ? "-/+" : SIGN[r.kind];
  const attrs = r.kind === "change" ? ` (${r.attributes.map((c) => c.attribute).join(", ")})` : "";
  const replace = r.replacedBy ? ` **replaced**: ${inert(r.replacedBy.join(", "))} forces a new resource` : "";
  return `- \`${sign}\` ${inert(r.type)} ${r.label ? `**${inert(r.label)}** ` : ""}${code(r.path)}${inert(attrs)}${replace}`;
}

function attributeDiff(s: StackReview): string[] {
  const lines: string[] = [];
  for (const r of s.resources) {
    lines.push(`${SIGN[r.kind]} ${r.address}`);
    for (const c of r.attributes) {
      if (c.before !== undefined) lines.push(`-   ${c.attribute} = ${c.before}`);
      if (c.after !== undefined) lines.push(`+   ${c.attribute} = ${c.after}`);
    }
  }
  return ["<details><summary>Attribute diff</summary>", "", "```diff", ...lines.map((l) => oneLine(l).replace(/```/g, "ʼʼʼ")), "```", "", "</details>"];
}

