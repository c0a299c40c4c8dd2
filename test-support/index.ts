import "cdktf/lib/testing/adapters/jest";
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { oktaProvider } from "../stacks/provider-version";
import { EnvironmentName, setEnvironment } from "../constructs/environment";

/** A fresh stack in a fresh app, set to one environment, with the okta provider declared. */
export function testStack(environment: EnvironmentName = "dev", id = "test"): TerraformStack {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, id);
  setEnvironment(stack, environment);
  oktaProvider(stack, {});
  return stack;
}

/** The synthesized Terraform JSON of a stack, parsed. */
export function synthJson(stack: TerraformStack): TerraformJson {
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

export interface TerraformJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown; sensitive?: boolean }>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
}

/** All resources of one type, keyed by Terraform logical id (which starts with the construct path). */
export function resourcesOf(json: TerraformJson, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}

/** The only resource of a type; fails loudly if there is not exactly one. */
export function onlyResource(json: TerraformJson, type: string): Record<string, unknown> {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The message of the error a function throws (fails the test if it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error, but none was thrown");
}

/** A deep copy of an environment's config with edits applied, for bad-input tests. */
export function editedConfig<T>(config: T, edit: (draft: Mutable<T>) => void): T {
  const draft = structuredClone(config) as Mutable<T>;
  edit(draft);
  return draft as T;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/** Every file under `dir`, by path relative to it, with its text: two synth outputs compare as maps. */
export function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), fs.readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return files;
}
