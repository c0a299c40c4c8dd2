import { EntryRef, SourceLocation, entryOfConfigPath, entryOfConstructPath, formatLocation, locate, locateAll } from "../config/source-map";
import { slug } from "../constructs/app-assignments";
import { ENVIRONMENTS } from "../constructs/environment";
import { ErrorEntry, describe } from "../constructs/validation";

/**
 * A run's problems as a person fixes them: each at the file and line of its config entry
 * (team file or environment file) and key, with the value and the fix, and a problem that is
 * the same in several environments printed once, naming them.
 */

const ENV_PREFIX = new RegExp(`okta-(${ENVIRONMENTS.join("|")})\\b`, "g");

interface Placed {
  readonly env?: string;
  readonly where: string;
  readonly subject: string;
  readonly what: string;
  readonly value: string;
  readonly fix: string;
}

function envOf(path: string): string | undefined {
  return /^okta-([a-z0-9-]+)[\s/]/.exec(path)?.[1];
}

function label(ref: EntryRef): string {
  const names = { app: "app", group: "group", groupRule: "group rule", api: "API", apiCenter: "API Center", zone: "network zone", policy: "authentication policy" } as const;
  return ref.kind === "apiCenter" ? "apiCenter" : `${names[ref.kind]} ${JSON.stringify(ref.key)}`;
}

function restPath(rest: readonly (string | number)[]): string {
  return rest.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("");
}

function place(e: ErrorEntry, locatable: (env: string | undefined) => boolean): Placed {
  const env = envOf(e.path);
  // Only an environment whose config is the one config/ exports has entries at those lines.
  const ref = !locatable(env) ? undefined : e.kind === "config" ? entryOfConfigPath(e.path) : entryOfConstructPath(e.path, slug);
  const at: SourceLocation | undefined = ref ? locate(ref) : undefined;
  const generic = (text: string) => text.replace(ENV_PREFIX, "okta-<env>");
  let subject: string;
  if (ref && at && e.kind === "config") subject = `${label(ref)}${restPath(ref.rest)}`;
  else if (ref && at) subject = `${label(ref)} (${generic(e.path)})`;
  else subject = generic(e.path);
  let what = e.problem.what;
  if (e.problem.seeAlso) {
    const places = locateAll(e.problem.seeAlso).map(formatLocation);
    if (places.length) what += ` (declared at ${places.join(" and ")})`;
  }
  return { env, where: at ? formatLocation(at) : "", subject, what: generic(what), value: describe(e.problem.value), fix: generic(e.problem.fix) };
}

/** The message of a run that failed: one line per distinct problem, environments and values folded in. */
export function renderProblems(entries: readonly ErrorEntry[], locatable: (env: string | undefined) => boolean = () => true): string {
  const groups = new Map<string, Placed[]>();
  for (const p of entries.map((e) => place(e, locatable))) {
    const key = JSON.stringify([p.where, p.subject, p.what, p.fix]);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const lines = [...groups.values()].map((ps) => {
    const p = ps[0];
    const envs = [...new Set(ps.map((x) => x.env).filter((x): x is string => !!x))];
    const values = [...new Set(ps.map((x) => x.value))];
    const got = values.length === 1 ? values[0] : ps.map((x) => `${x.value} in okta-${x.env}`).filter((v, i, a) => a.indexOf(v) === i).join(", ");
    // One environment: its own names; several: okta-<env>, and which ones.
    const one = (text: string) => (envs.length === 1 ? text.replace(/okta-<env>/g, `okta-${envs[0]}`) : text);
    const inEnvs = envs.length > 1 ? ` [in ${envs.map((x) => `okta-${x}`).join(", ")}]` : "";
    return one(`${p.where ? `${p.where}: ` : ""}${p.subject} ${p.what}: got ${got}. Fix: ${p.fix}`) + inEnvs;
  });
  return `Invalid Okta configuration (${lines.length} problem${lines.length === 1 ? "" : "s"}):\n${lines.map((l) => `  - ${l}`).join("\n")}`;
}
