/**
 * Every value the reports show comes from outside: config a pull request wrote, objects an org
 * holds, a plan a workflow made. GitHub renders the PR comment and the drift issue as Markdown
 * with HTML, mentions and images, so a label such as
 * `<!-- okta-as-code:review --> @org/team ![x](https://evil.example/p.png)` would spoof the
 * sticky comment's marker, ping a team, load an image and hide the rest of the report.
 * Here is the one place that turns such a value into inert text; every table, list and
 * heading of the review, the access view, drift and the import report goes through it.
 */

/** Markdown written by this project's own code, with any outside values already made inert. */
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a report may put in a line or a table cell: inert text, or its own Markdown. */
export type Cell = string | Markdown;

/** Invisible or line-breaking characters, and bidi controls that make text read differently than it is. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** Text on one line, with invisible characters shown by their code point. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ").replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

/** A GitHub mention or team mention starts with `@` and a letter or digit: a zero-width joiner after `@` stops it. */
function noMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, "@\u2060");
}

/**
 * Plain text as inert Markdown on one line: HTML is escaped as entities (no tags, no comments,
 * so no marker), the punctuation Markdown acts on is backslash-escaped (no links, images,
 * emphasis, code spans or table cells; URLs stay readable), and mentions are broken. Displays as the value itself.
 */
export function inert(text: string): string {
  return noMentions(
    oneLine(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/[\\`*[\]|~]/g, (c) => `\\${c}`),
  );
}

/**
 * A value as an inline code span: Markdown, HTML and mentions inside are not interpreted by
 * GitHub. The fence is longer than any backtick run in the value, so the value cannot close it.
 * `|` is escaped, which GFM requires inside a table cell and shows as `\|` elsewhere: code spans
 * go in tables or carry identifiers that have none.
 */
export function code(text: string): Markdown {
  const value = oneLine(text).replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = value.startsWith("`") || value.endsWith("`") || value.startsWith(" ") ? " " : "";
  return new Markdown(`${fence}${pad}${value}${pad}${fence}`);
}

/** A cell or line part as Markdown: this project's Markdown as it is, anything else made inert. */
export function render(cell: Cell): string {
  return cell instanceof Markdown ? cell.text : inert(cell);
}

/** Joins Markdown written here with inert values: md`- ${label} in ${code(path)}`. */
export function md(strings: TemplateStringsArray, ...values: Cell[]): Markdown {
  return new Markdown(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ""), ""));
}
