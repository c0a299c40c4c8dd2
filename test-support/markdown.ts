import MarkdownIt from "markdown-it";
import { COMMENT_MARKER } from "../review/markdown";

/**
 * A report as GitHub would show it: CommonMark with GFM tables and raw HTML allowed, as in a
 * comment or an issue body. What it renders is what a hostile value could make GitHub do.
 */
export function renderAsGitHub(markdown: string): string {
  return new MarkdownIt({ html: true, linkify: false }).render(markdown);
}

/** The visible text of rendered HTML outside code spans and blocks, with entities decoded. */
function textOutsideCode(html: string): string {
  return html
    .replace(/<code[^>]*>[\s\S]*?<\/code>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** What a hostile value made GitHub do with a report: empty when it stayed inert. */
export function activeContent(markdown: string, allowMarker = false): string[] {
  const html = renderAsGitHub(markdown);
  const found: string[] = [];
  const comments = html.match(/<!--[\s\S]*?(-->|$)/g) ?? [];
  const expected = allowMarker && markdown.startsWith(COMMENT_MARKER) ? 1 : 0;
  if (comments.length !== expected) found.push(`${comments.length} HTML comments: ${comments.join(" ")}`);
  for (const tag of html.match(/<(img|a|script|iframe|details|summary|style)\b[^>]*>/g) ?? []) {
    if (!/^<(details|summary)>$/.test(tag)) found.push(`tag ${tag}`);
  }
  // GitHub links @user and @org/team in text, never inside code.
  for (const m of textOutsideCode(html).match(/(^|[^\w`])@[A-Za-z0-9][\w/-]*/g) ?? []) found.push(`mention ${m.trim()}`);
  return found;
}
