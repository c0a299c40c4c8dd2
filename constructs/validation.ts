import { IConstruct } from "constructs";
import { Token } from "cdktf";
import { appendAll } from "./append-all";

/** One thing wrong with a construct's input. */
export interface Problem {
  /** What is wrong, in words a reviewer understands. */
  readonly what: string;
  /** The value received (printed as JSON). */
  readonly value: unknown;
  /** How to fix it. */
  readonly fix: string;
  /** Another config entry the problem is about (the first declaration of a duplicate): its place is printed too. */
  readonly seeAlso?: { readonly kind: "app" | "group" | "groupRule" | "api"; readonly key: string };
}

/** One problem of a run: at a construct path (`okta-dev/billing/App`) or a config path (`okta-dev config.apps[3] ("x").key`). */
export interface ErrorEntry {
  readonly kind: "construct" | "config";
  readonly path: string;
  readonly problem: Problem;
}

/**
 * Thrown when a construct's input is invalid. The message lists every problem found, each
 * with the construct path, the bad value and the fix, so one synth shows all of them.
 */
export class OktaConfigError extends Error {
  constructor(
    public readonly path: string,
    public readonly problems: readonly Problem[],
  ) {
    super(
      `Invalid Okta configuration at ${path} (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  - ${p.what}: got ${describe(p.value)}. Fix: ${p.fix}`).join("\n"),
    );
    this.name = "OktaConfigError";
  }
}

export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}

/**
 * Everything wrong with a whole run: every environment's config and constructs, so one synth
 * lists all problems. The message is rendered by `render` (stacks/config-errors.ts places each
 * problem at its file and line and prints a problem shared by environments once).
 */
export class OktaConfigErrors extends Error {
  constructor(
    readonly entries: readonly ErrorEntry[],
    render: (entries: readonly ErrorEntry[]) => string = plainMessage,
  ) {
    super(render(entries));
    this.name = "OktaConfigErrors";
  }
}

function plainMessage(entries: readonly ErrorEntry[]): string {
  return `Invalid Okta configuration (${entries.length} problem${entries.length === 1 ? "" : "s"}):\n${entries.map((e) => problemLine({ path: e.path, ...e.problem })).join("\n")}`;
}

/** One config-schema problem as a line: path, what, value, fix. */
export function problemLine(p: { path: string; what: string; value: unknown; fix: string }): string {
  return `  - ${p.path} ${p.what}: got ${describe(p.value)}. Fix: ${p.fix}`;
}

/**
 * Runs `build` and collects an OktaConfigError (or several) instead of stopping at the first,
 * so a run reports every construct's problems. Other errors are bugs and propagate.
 */
export function collectConfigErrors(into: ErrorEntry[], build: () => void): boolean {
  try {
    build();
    return true;
  } catch (e) {
    if (e instanceof OktaConfigErrors) appendAll(into, e.entries);
    else if (e instanceof OktaConfigError) appendAll(into, e.problems.map((problem) => ({ kind: "construct" as const, path: e.path, problem })));
    else throw e;
    return false;
  }
}

/** Collects problems during a constructor and throws them together. */
export class Problems {
  private readonly list: Problem[] = [];

  add(what: string, value: unknown, fix: string): void {
    this.list.push({ what, value, fix });
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** Throws one OktaConfigError for everything collected, naming the construct path. */
  throwIfAny(scope: IConstruct | string): void {
    if (this.list.length > 0) {
      throw new OktaConfigError(typeof scope === "string" ? scope : scope.node.path, this.list);
    }
  }
}

/** True for values cdktf will only know at apply time; those are not validated here. */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** Checks an integer range, skipping tokens. */
export function checkRange(
  problems: Problems,
  name: string,
  value: number | undefined,
  min: number,
  max: number,
  why: string,
): void {
  if (value === undefined || isToken(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.add(`${name} must be a whole number from ${min} to ${max} (${why})`, value, `set ${name} between ${min} and ${max}.`);
  }
}

/** Text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
