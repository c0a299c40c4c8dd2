import * as fs from "fs";
import * as path from "path";
import { EnvironmentName } from "../constructs/environment";
import { Finding, Level } from "./types";

export interface GuardrailReport {
  readonly stack: string;
  readonly environment: EnvironmentName;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number; readonly suppressed: number };
  readonly findings: readonly Finding[];
}

const ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2 };

export function buildReport(stack: string, environment: EnvironmentName, findings: Finding[]): GuardrailReport {
  const sorted = [...findings].sort(
    (a, b) =>
      Number(!!a.suppressed) - Number(!!b.suppressed) || ORDER[a.level] - ORDER[b.level] || a.rule.localeCompare(b.rule) || a.path.localeCompare(b.path) || a.detail.localeCompare(b.detail),
  );
  const active = sorted.filter((f) => !f.suppressed);
  return {
    stack,
    environment,
    summary: {
      errors: active.filter((f) => f.level === "error").length,
      warnings: active.filter((f) => f.level === "warning").length,
      infos: active.filter((f) => f.level === "info").length,
      suppressed: sorted.length - active.length,
    },
    findings: sorted,
  };
}

/** The one-line summary `npm run synth` prints per stack. */
export function summaryLine(report: GuardrailReport): string {
  const s = report.summary;
  return `${report.stack}: guardrails ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}, ${s.infos} info${s.infos === 1 ? "" : "s"}, ${s.suppressed} suppressed`;
}

/** A finding as one line: rule, level, what, fix and source (the path is shown beside it). */
export function findingMessage(f: Finding): string {
  const suffix = f.suppressed ? ` (suppressed: ${f.suppressed.reason})` : f.suppressionIgnored ? ` (suppression ignored: ${f.suppressionIgnored})` : "";
  return `${f.rule} ${f.level}: ${f.title}: ${f.detail}. Fix: ${f.fix} (${f.source})${suffix}`;
}

/** One line per finding for the console: `[path] OKTA-xx level: …`. */
export function findingLine(f: Finding): string {
  return `[${f.path}] ${findingMessage(f)}`;
}

export function toMarkdown(report: GuardrailReport): string {
  const lines = [`# Guardrails: ${report.stack} (${report.environment})`, "", summaryLine(report), ""];
  if (report.findings.length === 0) return lines.concat("No findings.", "").join("\n");
  lines.push("| rule | level | resource | finding | suppression |", "|---|---|---|---|---|");
  for (const f of report.findings) {
    const cell = (s: string) => s.replace(/\|/g, "\\|");
    lines.push(`| ${f.rule} | ${f.level} | \`${f.path}\` | ${cell(f.title)}: ${cell(f.detail)} | ${cell(f.suppressed?.reason ?? f.suppressionIgnored ?? "")} |`);
  }
  return lines.concat("").join("\n");
}

/** Writes guardrails.json and guardrails.md next to the stack's cdk.tf.json. */
export function writeReport(outdir: string, report: GuardrailReport): void {
  const dir = path.join(outdir, "stacks", report.stack);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "guardrails.json"), JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, "guardrails.md"), toMarkdown(report));
}
