import { IConstruct } from "constructs";
import { Annotations, IAspect, TerraformResource, TerraformStack } from "cdktf";
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { resolve } from "cdktf/lib/_tokens";
import { resolvingAsPrepared } from "../stacks/cdktf-resolve";
import { EnvironmentName, isEnvironmentName } from "../constructs/environment";
import { DEFAULT_ALLOWED_OKTA_API_SCOPES, OKTA_OAUTH_PACK } from "./pack";
import { GuardrailReport, buildReport, findingMessage, writeReport } from "./report";
import { resourceViews, list } from "./resources";
import { DeclaredSuppression, suppress, suppressionsOn } from "./suppressions";
import { Finding, Rule, RuleContext } from "./types";
import { SENSITIVE_APP } from "../constructs/authentication-policy";

export { OKTA_OAUTH_PACK, DEFAULT_ALLOWED_OKTA_API_SCOPES } from "./pack";
export { GuardrailReport, summaryLine, findingLine, findingMessage, toMarkdown } from "./report";
export { Suppression, suppress } from "./suppressions";
export { Finding, Level, Rule } from "./types";

export interface OktaGuardrailsProps {
  /** Decides each rule's level and which suppressions are honoured. */
  readonly environment: EnvironmentName;
  /**
   * The rules to apply.
   * @default OKTA_OAUTH_PACK
   */
  readonly rules?: readonly Rule[];
  /**
   * okta.* scopes that automation may hold (OKTA-18).
   * @default DEFAULT_ALLOWED_OKTA_API_SCOPES
   */
  readonly allowedOktaApiScopes?: readonly string[];
  /**
   * Environment variables to inspect (OKTA-18 flags OKTA_API_TOKEN).
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const reports = new WeakMap<TerraformStack, GuardrailReport>();
/** The resolved JSON the rules read, and the stack's node count when it was resolved. */
const resolvedJson = new WeakMap<TerraformStack, { json: unknown; nodes: number }>();

/**
 * The Okta OAuth guardrails, as a cdktf Aspect: `Aspects.of(stack).add(new OktaGuardrails({
 * environment: "prod" }))`. It reads each stack's resolved Terraform JSON, so it also checks
 * resources declared without our constructs. Errors become error annotations (synth fails),
 * warnings and infos are annotated and reported; the report is written next to cdk.tf.json.
 */
export class OktaGuardrails implements IAspect {
  /** Suppresses rules on a construct and its children; see suppress(). */
  static readonly suppress = suppress;

  /** The report of a stack the guardrails have checked. */
  static reportOf(stack: TerraformStack): GuardrailReport | undefined {
    return reports.get(stack);
  }

  /**
   * The resolved Terraform JSON the guardrails checked, while the stack still has the same
   * constructs; synthesizeAll writes it instead of resolving the stack a second time.
   */
  static resolvedJsonOf(stack: TerraformStack, nodes: number = stack.node.findAll().length): unknown {
    const cached = resolvedJson.get(stack);
    return cached && cached.nodes === nodes ? cached.json : undefined;
  }

  /** Lets go of a stack's resolved JSON once synth has checked it (at org scale, a third of the heap). */
  static releaseResolvedJson(stack: TerraformStack): void {
    resolvedJson.delete(stack);
  }

  private readonly checked = new WeakSet<TerraformStack>();

  constructor(private readonly props: OktaGuardrailsProps) {
    if (!isEnvironmentName(props.environment)) {
      throw new Error(`OktaGuardrails: unknown environment ${JSON.stringify(props.environment)}. Fix: use dev, staging or prod.`);
    }
  }

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.checked.has(node)) return;
    this.checked.add(node);
    const byPath = new Map(node.node.findAll().map((c) => [c.node.path, c]));
    const report = buildReport(node.node.id, this.props.environment, this.evaluate(node, byPath));
    reports.set(node, report);
    for (const f of report.findings) {
      if (f.suppressed) continue;
      const annotations = Annotations.of(byPath.get(f.path) ?? node);
      if (f.level === "error") annotations.addError(findingMessage(f));
      else if (f.level === "warning") annotations.addWarning(findingMessage(f));
      else annotations.addInfo(findingMessage(f));
    }
    addCustomSynthesis(node, { onSynthesize: (session) => writeReport(session.outdir, report) });
  }

  private evaluate(stack: TerraformStack, byPath: ReadonlyMap<string, IConstruct>): Finding[] {
    const environment = this.props.environment;
    // Counted before resolving: a resolve that adds constructs (cross-stack references) makes
    // the JSON stale at once, and the count then tells synthesizeAll not to reuse it.
    const nodes = byPath.size;
    // As cdktf's prepareStack resolves: a reference into another stack becomes a cross-stack
    // output there, which synthesizeAll (skipping prepareStack) relies on.
    const json = resolvingAsPrepared(() => stack.toTerraform());
    resolvedJson.set(stack, { json, nodes });
    let audiencesInApp: Map<string, string[]> | undefined;
    const context: RuleContext = {
      environment,
      resources: resourceViews(stack, json),
      // Walks every stack of the app: only when a rule asks (stacks with an authorization server).
      get audiencesInApp() {
        return (audiencesInApp ??= audiences(stack));
      },
      allowedOktaApiScopes: this.props.allowedOktaApiScopes ?? DEFAULT_ALLOWED_OKTA_API_SCOPES,
      env: this.props.env ?? process.env,
      sensitiveApps: sensitiveApps(byPath.values()),
    };
    const used = new Set<object>();
    const findings: Finding[] = [];
    for (const resource of context.resources) {
      for (const rule of this.props.rules ?? OKTA_OAUTH_PACK) {
        if (!rule.appliesTo.includes(resource.type)) continue;
        for (const hit of rule.check(resource, context)) {
          const base: Finding = {
            rule: rule.id,
            title: rule.title,
            level: hit.level ?? rule.levels[environment],
            resourceType: resource.type,
            resource: resource.id,
            path: resource.path,
            detail: hit.detail,
            fix: rule.fix,
            source: rule.source,
          };
          const suppression = nearestSuppression(byPath.get(resource.path) ?? stack, stack, rule.id);
          if (!suppression) {
            findings.push(base);
            continue;
          }
          used.add(suppression.entry);
          if (rule.unsuppressible?.in.includes(environment)) {
            findings.push({ ...base, suppressionIgnored: `${rule.id} cannot be suppressed in ${environment}: ${rule.unsuppressible.why}` });
          } else {
            findings.push({ ...base, suppressed: { reason: suppression.reason, at: suppression.at } });
          }
        }
      }
    }
    for (const construct of byPath.values()) {
      for (const s of suppressionsOn(construct)) {
        if (used.has(s.entry)) continue;
        findings.push({
          rule: "OKTA-00",
          title: "Every suppression must match a finding",
          level: "error",
          resourceType: "suppression",
          resource: s.id,
          path: s.at,
          detail: `the suppression of ${s.id} ("${s.reason}") matches no finding here`,
          fix: "remove the stale suppression",
          source: "guardrails",
        });
      }
    }
    return findings;
  }
}

/** The nearest suppression of a rule on the construct or one of its parents up to the stack. */
function nearestSuppression(start: IConstruct, stack: TerraformStack, ruleId: string): DeclaredSuppression | undefined {
  for (let c: IConstruct | undefined = start; c; c = c === stack ? undefined : c.node.scope) {
    const match = suppressionsOn(c).find((s) => s.id === ruleId);
    if (match) return match;
  }
  return undefined;
}

/** App resources the stack marked sensitive (stacks/sign-on.ts markSensitive), by path → why. */
function sensitiveApps(constructs: Iterable<IConstruct>): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of constructs) {
    const mark = c.node.metadata.find((m) => m.type === SENSITIVE_APP);
    if (mark) out.set(c.node.path, String(mark.data));
  }
  return out;
}

/** Audiences of every okta_auth_server in the whole app (all environments), by path. */
function audiences(stack: TerraformStack): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of stack.node.root.node.findAll()) {
    if (!TerraformResource.isTerraformResource(c) || c.terraformResourceType !== "okta_auth_server") continue;
    const block = resolve(TerraformStack.of(c), c.toTerraform()) as { resource: Record<string, Record<string, { audiences?: unknown }>> };
    const attrs = Object.values(block.resource.okta_auth_server)[0];
    out.set(c.node.path, list(attrs?.audiences));
  }
  return out;
}
