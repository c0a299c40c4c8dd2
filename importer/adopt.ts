import { TerraformStack } from "cdktf";
import { OrgConfig } from "../config/types";
import { OktaConfigErrors, OktaConfigError, escapeRegExp } from "../constructs/validation";
import { Finding, OktaGuardrails, findingMessage } from "../guardrails";
import { buildOrgApp } from "../stacks/org-app";
import { constructFailures, jsonFailures, resolvedJson } from "../stacks/synthesize";
import { MappedOrg, mapOrg } from "./to-config";
import { FirstDeployChange, firstDeployChanges } from "./first-deploy";
import { OrgSnapshot } from "./okta-objects";
import { EnvironmentName } from "../constructs/environment";

export interface Adoption {
  /** The config to write, with `imports`. */
  readonly config: OrgConfig;
  readonly mapped: MappedOrg;
  /** Resources the first deploy creates: the constructs need them and Okta has none. */
  readonly creates: readonly { readonly address: string; readonly path: string }[];
  /** Attributes the first deploy changes in Okta (adopted resources, attributes the import reads). */
  readonly changes: readonly FirstDeployChange[];
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
  for (let round = 0; ; round++) {
    const mapped = mapOrg(snapshot, { environment, exclude: new Set(refused.keys()) });
    const built = tryBuild(mapped.config, outdir);
    if (typeof built === "string") {
      const culprits = mapped.config.apps.filter((a) => new RegExp(`okta-${environment}/${escapeRegExp(a.id)}(?![\\w-])|apps\\[${mapped.config.apps.indexOf(a)}\\]`).test(built));
      if (!culprits.length || round >= 10) throw new Error(`The imported config does not synthesize, and no single app is the cause:\n${built}`);
      for (const app of culprits) refused.set(app.id, { label: app.label, oktaId: mapped.adopt.get(`${app.id}/App`) ?? app.id, error: relevantLines(built, environment, app.id) });
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
    const findings = (OktaGuardrails.reportOf(stack)?.findings ?? []).filter((f) => !f.suppressed);
    for (const r of refused.values()) mapped.log.add("app", r.label, r.oktaId, "not imported", `the constructs refuse it: ${r.error}`);
    const sorted = Object.fromEntries(Object.entries(imports).sort(([a], [b]) => a.localeCompare(b)));
    const config: OrgConfig = { ...mapped.config, ...(Object.keys(sorted).length ? { imports: sorted } : {}) };
    const check = tryBuild(config, outdir);
    if (typeof check === "string") throw new Error(`The imported config does not synthesize with its imports:\n${check}`);
    return { config, mapped, creates, findings, refused, changes: firstDeployChanges(json, mapped.snapshot, sorted) };
  }
}

/** Builds and checks the main stack like synthesizeAll, except that guardrail findings are reported, not failures. */
function tryBuild(config: OrgConfig, outdir: string): { stack: TerraformStack; json: Json } | string {
  let stack: TerraformStack;
  try {
    stack = buildOrgApp([config], { outdir }).stacks[0];
  } catch (e) {
    if (e instanceof OktaConfigErrors || e instanceof OktaConfigError) return e.message;
    throw e;
  }
  // The guardrails annotate each finding with its message: in report mode those are the audit.
  const isFinding = (annotation: string) => (OktaGuardrails.reportOf(stack)?.findings ?? []).some((f) => findingMessage(f) === annotation);
  const failures = constructFailures(stack, isFinding);
  if (failures.length) return failures.join("\n");
  const json = resolvedJson(stack);
  failures.push(...jsonFailures(stack, json));
  return failures.length ? failures.join("\n") : { stack, json };
}

function relevantLines(message: string, environment: string, appId: string): string {
  const lines = message.split("\n").filter((l) => l.includes(`okta-${environment}/${appId}`) || /^\s+- /.test(l));
  return (lines.length ? lines : message.split("\n")).map((l) => l.trim()).join(" ").slice(0, 600);
}
