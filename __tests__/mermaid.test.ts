import { configFor } from "../config";
import { runAccess } from "../review/access-cli";
import { toMarkdown } from "../review/markdown";
import { editedConfig } from "../test-support";
import { reviewOf, synthesizeTo } from "../test-support/review";

// Who gets what as a picture (issue 25): groups → apps → APIs and scopes, drawn by GitHub.
const configs = () => ["dev", "staging", "prod"].map(configFor);

function mermaidOf(dir: string): string {
  const out: string[] = [];
  runAccess(["okta-prod", "--mermaid", "--from", dir], (t) => out.push(t));
  return out.join("");
}

/** Node id of a label in a flowchart (`n3["Billing"]` → n3). */
function node(diagram: string, text: string): string {
  const m = new RegExp(`^\\s+(n\\d+)[\\[(]+"${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "m").exec(diagram);
  if (!m) throw new Error(`no node ${text} in\n${diagram}`);
  return m[1];
}

describe("npm run access -- --mermaid", () => {
  test("draws groups → apps → APIs with the scopes granted", () => {
    const diagram = mermaidOf(synthesizeTo(configs()));
    expect(diagram.startsWith("```mermaid\nflowchart LR\n")).toBe(true);
    const viewers = node(diagram, "paymentsViewers");
    const consoleApp = node(diagram, "Payments Console");
    const payments = node(diagram, "Payments");
    expect(diagram).toContain(`  ${viewers} --> ${consoleApp}\n`);
    expect(diagram).toContain(`  ${consoleApp} -->|"payments:read"| ${payments}\n`);
  });

  test("a hostile label cannot end its node or add markup", () => {
    const hostile = 'X"] --> evil["<img src=x>`|';
    const diagram = mermaidOf(synthesizeTo(configs().map((c) => editedConfig(c, (d) => d.apps.forEach((a) => a.id === "payments-console" && Object.assign(a, { label: hostile }))))));
    expect(diagram).not.toContain("<img");
    expect(diagram).toContain("X#quot;] --#gt; evil[#quot;#lt;img src=x#gt;#96;#124;");
    // Every line is a node or an edge of this picture: nothing the label added.
    for (const line of diagram.split("\n").slice(2, -2)) expect(line).toMatch(/^  n\d+(\[|\(| (-->|==>|-\.->))/);
  });

  test("the review draws the changed part: an added assignment and its scopes thick", () => {
    const base = synthesizeTo(configs());
    const head = synthesizeTo(configs().map((c) => editedConfig(c, (d) => d.apps.forEach((a) => a.id === "billing" && Object.assign(a, { assignTo: ["goldSubscribers", "silverSubscribers"] })))));
    const markdown = toMarkdown(reviewOf(base, head));
    const block = /<summary>Picture of the change \(groups → apps → APIs\)<\/summary>\n\n```mermaid\n([\s\S]*?)\n```/.exec(markdown);
    expect(block).not.toBeNull();
    const diagram = block![1];
    expect(diagram).toContain(`${node(diagram, "silverSubscribers")} ==>|"+ "| ${node(diagram, "Billing")}`);
  });
});
