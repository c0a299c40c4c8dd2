import { AccessMatrix, AssignmentRow, GrantRow, SIGN_IN_ONLY } from "./access";
import { AccessDiff } from "./diff";

/**
 * Who gets what, as a picture GitHub draws (Mermaid): groups → apps they are assigned to →
 * the APIs and scopes those apps get tokens for. The access view draws it whole; the review
 * draws the part a change touches, added links thick and removed links dotted.
 */

type Edge = { from: string; to: string; label: string; kind: "same" | "added" | "removed" };

/** A value as Mermaid label text: quotes, angle brackets and line breaks cannot end the label or inject markup. */
function label(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;")
    .replace(/\|/g, "#124;");
}

function edgesOf(assignments: readonly AssignmentRow[], grants: readonly GrantRow[], kind: Edge["kind"]): Edge[] {
  const edges: Edge[] = assignments.map((a) => ({ from: `group:${a.group}`, to: `app:${a.app}`, label: "", kind }));
  for (const g of grants) {
    if (g.scope === SIGN_IN_ONLY) continue;
    edges.push({ from: `app:${g.client}`, to: `api:${g.server}`, label: g.scope, kind });
  }
  return edges;
}

function render(edges: readonly Edge[]): string {
  const merged = new Map<string, Edge & { labels: Set<string> }>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}\u0000${e.kind}`;
    const m = merged.get(key) ?? { ...e, labels: new Set<string>() };
    if (e.label) m.labels.add(e.label);
    merged.set(key, m);
  }
  const nodes = [...new Set([...merged.values()].flatMap((e) => [e.from, e.to]))].sort();
  const id = new Map(nodes.map((n, i) => [n, `n${i}`]));
  const shape = (n: string) => {
    const [kind, ...rest] = n.split(":");
    const text = label(rest.join(":"));
    return kind === "group" ? `(["${text}"])` : kind === "api" ? `[("${text}")]` : `["${text}"]`;
  };
  const arrow = { same: "-->", added: "==>", removed: "-.->" } as const;
  const lines = ["flowchart LR", ...nodes.map((n) => `  ${id.get(n)}${shape(n)}`)];
  for (const e of [...merged.values()].sort((a, b) => `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`))) {
    const text = [...e.labels].sort().join(", ");
    const sign = e.kind === "added" ? "+ " : e.kind === "removed" ? "- " : "";
    lines.push(`  ${id.get(e.from)} ${arrow[e.kind]}${text || sign ? `|"${label(`${sign}${text}`)}"|` : ""} ${id.get(e.to)}`);
  }
  return lines.join("\n");
}

/** The whole picture of one stack's access. */
export function accessMermaid(m: AccessMatrix): string {
  return render(edgesOf(m.assignments, m.grants, "same"));
}

/** The changed part of the picture, or undefined when no assignment or token grant changed. */
export function accessDiffMermaid(d: AccessDiff): string | undefined {
  const edges = [...edgesOf(d.assignments.added, d.grants.added, "added"), ...edgesOf(d.assignments.removed, d.grants.removed, "removed")];
  return edges.length ? render(edges) : undefined;
}

/** A Mermaid block for GitHub Markdown. */
export function mermaidBlock(diagram: string): string[] {
  return ["```mermaid", diagram, "```"];
}
