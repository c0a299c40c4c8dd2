import * as fs from "fs";

/**
 * JSON from outside (a pull request's cdktf.out, a plan file, an Okta answer) is parsed whole
 * and then walked by recursive code: the review, the access model, redaction, the import.
 * JSON.parse itself accepts any depth, so `[[[[…]]]]` 200,000 levels deep parsed, and the first
 * recursive walk over it crashed the trusted review-report with "Maximum call stack size
 * exceeded". Nothing these tools read nests anywhere near MAX_JSON_DEPTH (synthesized stacks
 * about 8 levels, plans about 12, Okta answers about 8), so deeper is refused before any walk.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * The largest file read as JSON from outside: synth writes about 4 MB per 1,000 apps (a 10,000-app
 * environment about 40 MB). A larger file would be read whole and parsed, and a few hundred MB
 * of JSON takes the process past its memory before any check could speak.
 */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Why a file is too large to read as outside JSON (`300 MB, more than …`), or undefined. */
export function tooLarge(file: string): string | undefined {
  const size = fs.statSync(file).size;
  return size > MAX_JSON_BYTES ? `${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_JSON_BYTES / 1024 / 1024} MB read here` : undefined;
}

/** Thrown by parseOutsideJson for JSON nested deeper than MAX_JSON_DEPTH; callers name the file. */
export class JsonTooDeepError extends Error {
  constructor() {
    super(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.name = "JsonTooDeepError";
  }
}

/** A JSON object (not null, not a list): what a shape check of outside JSON asks of a block, a plan's module or its change. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** JSON.parse, refusing (JsonTooDeepError) what nests deeper than MAX_JSON_DEPTH. Checked without recursion. */
export function parseOutsideJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    if (next === null || typeof next !== "object") continue;
    if (depth > MAX_JSON_DEPTH) throw new JsonTooDeepError();
    for (const child of Array.isArray(next) ? next : Object.values(next)) if (child !== null && typeof child === "object") pending.push([child, depth + 1]);
  }
  return value;
}
