import { AccessMatrix, accessOf } from "./access";
import { ACCESS_TABLES, AccessTable, markdownTable } from "./markdown";
import { inert } from "./inert";
import { accessMermaid, mermaidBlock } from "./mermaid";
import { readSynthesized } from "./stack-json";
import { synthesizeWorkingTree } from "./synth";
import { cleanupTemp } from "./temp";

const USAGE = "Usage: npm run access -- <stack, e.g. okta-dev> [--json | --mermaid] [--from <cdktf.out dir>]\n  --mermaid  who gets what as a Mermaid flowchart (groups → apps → APIs and scopes), which GitHub draws";

/** The effective-access matrix of one stack, as Markdown tables (the same rows the review diffs). */
export function accessMarkdown(stack: string, m: AccessMatrix): string {
  const table = <T>(t: AccessTable<T>, rows: readonly T[]) => (rows.length ? [`**${t.title}**`, "", ...markdownTable(t.columns, rows.map(t.cells)), ""] : [`**${t.title}**: none`, ""]);
  return [
    `## Effective access: ${inert(stack)}`,
    "",
    ...table(ACCESS_TABLES.grants, m.grants),
    ...table(ACCESS_TABLES.assignments, m.assignments),
    ...table(ACCESS_TABLES.management, m.management),
    ...table(ACCESS_TABLES.origins, m.origins),
    ...table(ACCESS_TABLES.signIns, m.signIns),
    m.markers.length ? `**Broad grants**\n\n${m.markers.map((x) => `- ${inert(x)}`).join("\n")}\n` : "**Broad grants**: none\n",
  ].join("\n");
}

export function runAccess(argv: readonly string[], write: (text: string) => void = (t) => process.stdout.write(t)): number {
  let stack: string | undefined;
  let json = false;
  let mermaid = false;
  let from: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--help" || argv[i] === "-h") {
      write(`${USAGE}\n`);
      return 0;
    }
    if (argv[i] === "--json") json = true;
    else if (argv[i] === "--mermaid") mermaid = true;
    else if (argv[i] === "--from") from = argv[++i];
    else if (!argv[i].startsWith("--") && !stack) stack = argv[i];
    else throw new Error(`Unknown argument ${JSON.stringify(argv[i])}.\n${USAGE}`);
  }
  if (!stack) throw new Error(USAGE);
  try {
    if (json && mermaid) throw new Error(`Give --json or --mermaid, not both.\n${USAGE}`);
    return printAccess(stack, from, json ? "json" : mermaid ? "mermaid" : "markdown", write);
  } finally {
    cleanupTemp();
  }
}

function printAccess(stack: string, from: string | undefined, format: "json" | "mermaid" | "markdown", write: (text: string) => void): number {
  const stacks = readSynthesized(from ?? synthesizeWorkingTree());
  const found = stacks.get(stack);
  if (!found) throw new Error(`No stack ${JSON.stringify(stack)}. Fix: use one of ${[...stacks.keys()].join(", ")}.`);
  const matrix = accessOf(found.json, found.owners);
  write(format === "json" ? JSON.stringify({ stack, ...matrix }, null, 2) + "\n" : format === "mermaid" ? `${mermaidBlock(accessMermaid(matrix)).join("\n")}\n` : accessMarkdown(stack, matrix));
  return 0;
}

