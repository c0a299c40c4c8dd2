import { TerraformStack } from "cdktf";
import { OrgConfig } from "../config/types";
import { OktaConfigErrors, OktaConfigError, describe, escapeRegExp } from "../constructs/validation";
import { Finding, OktaGuardrails, findingMessage } from "../guardrails";
import { buildOrgApp } from "../stacks/org-app";
import { constructFailures, jsonFailures, resolvedJson } from "../stacks/synthesize";
import { MappedOrg, mapOrg } from "./to-config";
import { FirstDeployChange, firstDeployAccess, firstDeployChanges } from "./first-deploy";
import { AccessDiff } from "../review/diff";
import { OrgSnapshot } from "./okta-objects";
import { EnvironmentName } from "../constructs/environment";
import { constructKey } from "../constructs/app-assignments";
import { appendAll } from "../constructs/append-all";

export interface Adoption {
  /** The config to write, with `imports`. */
  readonly config: OrgConfig;
  readonly mapped: MappedOrg;
  /** Resources the first deploy creates: the constructs need them and Okta has none. */
  readonly creates: readonly { readonly address: string; readonly path: string }[];
  /** Attributes the first deploy changes in Okta (adopted resources, attributes the import reads). */
  readonly changes: readonly FirstDeployChange[];
  /** Who gains or loses a token, an app or a claim at the first deploy (every object, imported or not); none by default. */
  readonly access: AccessDiff;
  /** Guardrail findings on the imported org, in report mode (nothing fails). */
  readonly findings: readonly Finding[];
  /** Apps the constructs refused, by config id, with the error (logged as not imported). */
  readonly refused: ReadonlyMap<string, { readonly label: string; readonly oktaId: string; readonly error: string }>;
}

type Json = Record<string, unknown>;

/**
 * Maps the org, synthesizes the config in memory (guardrails in report mode) and pairs every
 * synthesized resource with the Okta object it stands for, so the config's `imports` adopt
 * them all. An app the constructs refuse is left out and reported with the constructs' own
 * error; the rest is synthesized again with its import blocks, as a deploy will.
 */
export function adoptOrg(snapshot: OrgSnapshot, environment: EnvironmentName, outdir: string): Adoption {
  const refused = new Map<string, { label: string; oktaId: string; error: string }>();
  // Groups and group rules the constructs refuse stand alone too: left out, each with its reason.
  const refusedObjects = new Map<string, string>();
  for (let round = 0; ; round++) {
    const mapped = mapOrg(snapshot, { environment, exclude: new Set(refused.keys()), excludeObjects: refusedObjects });
    const built = tryBuild(mapped.config, outdir);
    if ("failures" in built) {
      // Each app is judged by its own problems only: its construct path or its config entry.
      const own = (a: { id: string }) => {
        // At its construct path, or at another's (a server's check of its assignments) naming it.
        const construct = new RegExp(`okta-${environment}/${escapeRegExp(a.id)}(?![\\w-])`);
        const entry = `apps[${mapped.config.apps.indexOf(a as never)}] (${JSON.stringify(a.id)})`;
        return built.failures.filter((f) => construct.test(f.path) || construct.test(f.text) || f.path.includes(entry));
      };
      const culprits = mapped.config.apps.filter((a) => own(a).length);
      // A group, group rule, network zone or authentication policy at fault: by its construct
      // path (Group-<key>, GroupRule-<key>, Zone-<key>, AuthPolicy-<key>) or its config entry.
      const objects = new Map<string, string>();
      for (const f of built.failures) {
        const construct = /^okta-[a-z0-9-]+\/((Group|GroupRule|AuthPolicy|Zone)-[^/]+)/.exec(f.path)?.[1] ?? constructOfConfigPath(mapped.config, f.path);
        const kind = construct?.slice(0, construct.indexOf("-")) as keyof typeof ADOPTED_CHILD | undefined;
        const id = construct && kind ? mapped.adopt.get(`${construct}/${ADOPTED_CHILD[kind]}`) : undefined;
        if (id) objects.set(id, [objects.get(id), f.text].filter(Boolean).join(" ").slice(0, 600));
      }
      if ((!culprits.length && !objects.size) || round >= 20) throw new Error(`The imported config does not synthesize, and no single object is the cause:\n${built.message}`);
      for (const [id, why] of objects) refusedObjects.set(id, why);
      for (const app of culprits) refused.set(app.id, { label: app.label, oktaId: mapped.adopt.get(`${app.id}/App`) ?? app.id, error: own(app).map((f) => f.text).join(" ").slice(0, 600) });
      continue;
    }
    const { stack, json } = built;
    const imports: Record<string, string> = {};
    const creates: { address: string; path: string }[] = [];
    for (const [type, resources] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Json>>)) {
      for (const [name, attrs] of Object.entries(resources)) {
        const path = String(((attrs["//"] as Json | undefined)?.metadata as Json | undefined)?.path ?? "").replace(`okta-${environment}/`, "");
        const id = type === "okta_trusted_origin" ? mapped.origins.get(String(attrs.origin)) : mapped.adopt.get(path);
        if (id !== undefined) imports[`${type}.${name}`] = id;
        else creates.push({ address: `${type}.${name}`, path });
      }
    }
    // Privileged service apps, their grants and roles: adopted by okta-bootstrap-<env>.
    const bootstrapImports: Record<string, string> = {};
    for (const [type, resources] of Object.entries((built.bootstrapJson.resource ?? {}) as Record<string, Record<string, Json>>)) {
      for (const [name, attrs] of Object.entries(resources)) {
        const path = String(((attrs["//"] as Json | undefined)?.metadata as Json | undefined)?.path ?? "").replace(`okta-bootstrap-${environment}/`, "");
        const id = mapped.bootstrapAdopt.get(path);
        if (id !== undefined) bootstrapImports[`${type}.${name}`] = id;
      }
    }
    const findings = (OktaGuardrails.reportOf(stack)?.findings ?? []).filter((f) => !f.suppressed);
    for (const r of refused.values()) mapped.log.add("app", r.label, r.oktaId, "not imported", `the constructs refuse it: ${r.error}`);
    const sorted = Object.fromEntries(Object.entries(imports).sort(([a], [b]) => a.localeCompare(b)));
    const bootstrapSorted = Object.fromEntries(Object.entries(bootstrapImports).sort(([a], [b]) => a.localeCompare(b)));
    const config: OrgConfig = {
      ...mapped.config,
      ...(Object.keys(bootstrapSorted).length ? { bootstrap: { ...mapped.config.bootstrap, imports: bootstrapSorted } } : {}),
      ...(Object.keys(sorted).length ? { imports: sorted } : {}),
    };
    const check = tryBuild(config, outdir);
    if ("failures" in check) throw new Error(`The imported config does not synthesize with its imports:\n${check.message}`);
    return { config, mapped, creates, findings, refused, changes: firstDeployChanges(json, mapped.snapshot, sorted), access: firstDeployAccess(check.json, mapped.snapshot, sorted) };
  }
}

/** The resource under each object construct that the import adopts by the object's Okta id. */
const ADOPTED_CHILD = { Group: "Group", GroupRule: "Rule", AuthPolicy: "Policy", Zone: "Zone" } as const;

/** The construct id of the object a config path is about (`okta-dev config.groups[2].name` → `Group-<key>`). */
function constructOfConfigPath(config: OrgConfig, at: string): string | undefined {
  const c = /^okta-[a-z0-9-]+ config\.(?:(groups|groupRules|networkZones)\[(\d+)\]|authenticationPolicies\.([^.[\s]+))/.exec(at);
  if (!c) return undefined;
  if (c[3] !== undefined) return `AuthPolicy-${c[3]}`;
  const entry = { groups: config.groups, groupRules: config.groupRules, networkZones: config.networkZones }[c[1] as "groups" | "groupRules" | "networkZones"]?.[Number(c[2])];
  return entry ? `${{ groups: "Group", groupRules: "GroupRule", networkZones: "Zone" }[c[1] as "groups"]}-${constructKey(entry)}` : undefined;
}

/** A build that failed: the message, and each problem with the construct or config path it is at. */
interface Failed {
  readonly message: string;
  readonly failures: readonly { readonly path: string; readonly text: string }[];
}

/** `[okta-dev/x/App] message` (constructFailures, jsonFailures) as a path and its text. */
function failureOf(line: string): { path: string; text: string } {
  const m = /^\[([^\]]+)\] ([\s\S]*)$/.exec(line);
  return m ? { path: m[1], text: m[2] } : { path: "", text: line };
}

/** Builds and checks the main stack like synthesizeAll, except that guardrail findings are reported, not failures. */
function tryBuild(config: OrgConfig, outdir: string): { stack: TerraformStack; json: Json; bootstrapJson: Json } | Failed {
  let stack: TerraformStack;
  let bootstrap: TerraformStack;
  try {
    const built = buildOrgApp([config], { outdir });
    stack = built.stacks[0];
    bootstrap = built.bootstrapStacks[0];
  } catch (e) {
    if (e instanceof OktaConfigErrors) return { message: e.message, failures: e.entries.map((x) => ({ path: x.path, text: `${x.problem.what}: got ${describe(x.problem.value)}. Fix: ${x.problem.fix}` })) };
    if (e instanceof OktaConfigError) return { message: e.message, failures: e.problems.map((p) => ({ path: e.path, text: `${p.what}: got ${describe(p.value)}. Fix: ${p.fix}` })) };
    throw e;
  }
  // The guardrails annotate each finding with its message: in report mode those are the audit.
  const isFinding = (annotation: string) => (OktaGuardrails.reportOf(stack)?.findings ?? []).some((f) => findingMessage(f) === annotation);
  const failures = constructFailures(stack, isFinding);
  if (failures.length) return { message: failures.join("\n"), failures: failures.map(failureOf) };
  const json = resolvedJson(stack);
  appendAll(failures, jsonFailures(stack, json));
  return failures.length ? { message: failures.join("\n"), failures: failures.map(failureOf) } : { stack, json, bootstrapJson: resolvedJson(bootstrap) };
}
