import "./node-compat";
import * as fs from "fs";
import * as path from "path";
import { IConstruct } from "constructs";
import { AnnotationMetadataEntryType, App, Aspects, IStackSynthesizer, TerraformStack } from "cdktf";
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer";
import { GuardrailReport, OktaGuardrails } from "../guardrails";
import { checkAgainstSchema } from "../terraform/schema";
import { escapeFreeText, unsafeInterpolations } from "../terraform/interpolations";
import { unsafeNames } from "../terraform/names";
import { CheckedStackSynthesizer } from "./checked-synthesizer";
import { stableJson } from "./stable-json";
import { resolvingAsPrepared } from "./cdktf-resolve";
import { appendAll } from "../constructs/append-all";

/** Thrown when any stack fails validation; nothing has been written. */
export class SynthError extends Error {
  /** `constructs`: the failures are construct problems (reported alone: JSON was not checked). */
  constructor(
    readonly failures: readonly string[],
    readonly constructs = false,
  ) {
    super(`Synth failed, nothing was written (${failures.length} problem${failures.length === 1 ? "" : "s"}):\n${failures.join("\n")}`);
    this.name = "SynthError";
  }
}

export interface SynthResult {
  /** The cdk.tf.json written per stack. */
  readonly files: readonly string[];
  /** Guardrail reports per stack (written next to cdk.tf.json). */
  readonly reports: readonly GuardrailReport[];
}

/**
 * Checks every stack (aspects, construct validations, error annotations) and only then lets
 * cdktf write. cdktf alone writes stack by stack, so an error in okta-prod would leave
 * okta-dev's new JSON next to prod's old one; here a failed synth writes nothing.
 */
export function synthesizeAll(app: App): SynthResult {
  // Every stack of the app, bootstrap stacks included: checking only some would let cdktf
  // write the others before failing.
  const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const constructProblems: string[] = [];
  const jsonProblems: string[] = [];
  const checked = new Map<TerraformStack, Checked>();
  // Stack by stack: a stack's JSON is checked, and turned into the text to write, right after
  // its aspects resolved it, so one stack's JSON is held at a time, not every stack's.
  for (const stack of stacks) {
    const inspected = inspect(stack);
    appendAll(constructProblems, inspected.failures);
    // Only while every stack so far passed: a stack whose constructs failed may not even
    // resolve, and construct problems are reported alone.
    if (constructProblems.length === 0) checked.set(stack, check(stack, jsonProblems, inspected));
  }
  // Resolving a later stack may add constructs to an earlier one (its cross-stack outputs):
  // that stack is checked again as it is now. A second resolve registers nothing new.
  const stale = constructProblems.length ? [] : stacks.filter((s) => !current(s, checked));
  for (const stack of stale) {
    const all = stack.node.findAll();
    checked.set(stack, check(stack, jsonProblems, { nodes: all.length, onlyGuardrails: all.every(onlyGuardrailsOn) }));
  }
  // Held stale JSON would be written, so a stack still changing is a bug to stop on. Only a
  // resolve adds constructs: without a second one, nothing can have changed.
  for (const stack of stale.length ? stacks : []) if (!current(stack, checked)) throw new Error(`synthesizeAll: ${stack.node.id} still gains constructs after a second resolve`);
  const failures = constructProblems.length ? constructProblems : jsonProblems;
  if (failures.length) throw new SynthError(failures, constructProblems.length > 0);
  withResolvedJsonReused(stacks, checked, () => app.synth());
  removeStaleStacks(app.outdir, stacks.map((s) => s.node.id));
  return {
    files: stacks.map((s) => path.join(app.outdir, "stacks", s.node.id, "cdk.tf.json")),
    reports: stacks.map((s) => OktaGuardrails.reportOf(s)).filter((r): r is GuardrailReport => r !== undefined),
  };
}

/** What one walk of a stack's constructs found: its node count and whether no aspect but the guardrails is on any of them. */
interface Walked {
  readonly nodes: number;
  readonly onlyGuardrails: boolean;
}

/** A stack's checked JSON (as cdktf's writer takes it) or its text (as ours writes it), and its constructs then. */
interface Checked extends Walked {
  readonly json?: Record<string, unknown>;
  readonly text?: string;
}

/** Whether the stack still has the constructs it had when it was checked. */
function current(stack: TerraformStack, checked: ReadonlyMap<TerraformStack, Checked>): boolean {
  return checked.get(stack)?.nodes === stack.node.findAll().length;
}

/** `walked`: the stack's constructs, counted before resolving (a resolve that adds constructs makes the JSON stale at once). */
function check(stack: TerraformStack, problems: string[], walked: Walked): Checked {
  const json = resolvedJson(stack, walked.nodes);
  appendAll(problems, jsonFailures(stack, json));
  OktaGuardrails.releaseResolvedJson(stack);
  const { nodes, onlyGuardrails } = walked;
  return fastWrite && !hclOutput() ? { text: stableJson(json), nodes, onlyGuardrails } : { json, nodes, onlyGuardrails };
}

const onlyGuardrailsOn = (node: IConstruct) => Aspects.of(node).all.every((a) => a instanceof OktaGuardrails);

/**
 * Runs a stack's aspects (the guardrails among them) and returns its construct validations'
 * failures and error annotations. `ignore` lets an annotation through: the import reports
 * guardrail findings instead of failing on them.
 */
export function constructFailures(stack: TerraformStack, ignore: (annotation: string) => boolean = () => false): string[] {
  return inspect(stack, ignore).failures;
}

/** constructFailures, and what the same walk of the stack found for synthesizeAll (at org scale each walk is 1-2 % of synth). */
function inspect(stack: TerraformStack, ignore: (annotation: string) => boolean = () => false): Walked & { failures: string[] } {
  invokeAspects(stack);
  const failures: string[] = [];
  const all = stack.node.findAll();
  let onlyGuardrails = true;
  for (const node of all) {
    for (const message of node.node.validate()) failures.push(`[${node.node.path}] ${message}`);
    for (const entry of node.node.metadata) {
      if (entry.type === AnnotationMetadataEntryType.ERROR && !ignore(String(entry.data))) failures.push(`[${node.node.path}] ${entry.data}`);
    }
    onlyGuardrails &&= onlyGuardrailsOn(node);
  }
  return { failures, nodes: all.length, onlyGuardrails };
}

/** The stack's JSON as the guardrails resolved it (or resolved now); `nodes`, when the caller has just counted them. */
export function resolvedJson(stack: TerraformStack, nodes?: number): Record<string, unknown> {
  return escapeFreeText((OktaGuardrails.resolvedJsonOf(stack, nodes) ?? resolvingAsPrepared(() => stack.toTerraform())) as Record<string, unknown>);
}

/** What the provider schema and Terraform's interpolation rules refuse in a resolved stack. */
export function jsonFailures(stack: TerraformStack, json: Record<string, unknown>): string[] {
  const failures: string[] = [];
  // Config checks app ids and API keys first, with file and line; this catches any construct.
  for (const { block, name } of unsafeNames(json)) {
    failures.push(`[${stack.node.id}] ${block} name ${JSON.stringify(name)} is not a name Terraform takes (a letter or _ first, then letters, digits, _ and -): every plan would fail. Fix: give the construct it comes from an id that starts with a letter.`);
  }
  for (const p of checkAgainstSchema(json)) failures.push(`[${p.path}] ${p.what} (${p.address}, attribute ${p.attribute}). Fix: ${p.fix}`);
  for (const i of unsafeInterpolations(json)) {
    failures.push(
      `[${stack.node.id}] ${i.at} holds ${JSON.stringify(i.expression)}, which Terraform would evaluate: got ${JSON.stringify(i.value)}. ` +
        "Fix: write literal values (a literal ${ or %{ reaches Okta only escaped as $${ or %%{; constructs escape Okta's templates); only plain references may be interpolated.",
    );
  }
  return failures;
}

/**
 * Resolving a stack is the largest cost of synth at org scale, and the guardrails have just
 * resolved each stack: cdktf writes that JSON instead of resolving again. Only when nothing
 * can have changed since: no aspect but the guardrails anywhere in the app, and the same
 * constructs (cross-stack references would add some).
 */
function withResolvedJsonReused(stacks: readonly TerraformStack[], checked: ReadonlyMap<TerraformStack, Checked>, synth: () => void): void {
  const synthesizers = new Map<TerraformStack, IStackSynthesizer>();
  const app = stacks[0]?.node.scope;
  const reusable = stacks.filter((s) => (!app || onlyGuardrailsOn(app)) && checked.get(s)?.onlyGuardrails === true);
  // Then no prepareStack resolves anything, and every stack stays as synthesizeAll checked it.
  const allReusable = reusable.length === stacks.length;
  for (const stack of stacks) {
    const resolve = stack.toTerraform;
    // Every stack's written JSON carries its free text escaped (names, labels, descriptions reach Okta as written).
    if (!reusable.includes(stack)) {
      stack.toTerraform = () => escapeFreeText(resolve.call(stack) as Record<string, unknown>);
      continue;
    }
    const prepare = stack.prepareStack;
    const moves = stack.hasResourceMove();
    // constructFailures ran every construct's validations moments ago; cdktf would run them all
    // again (a walk of the stack) unless a resource move added one since (it adds it at synth).
    if (!moves) stack.runAllValidations = () => undefined;
    // The JSON just checked is the JSON written (already escaped): not escaped a second time.
    stack.toTerraform = () => checked.get(stack)?.json ?? escapeFreeText(resolve.call(stack) as Record<string, unknown>);
    // prepareStack is a throw-away resolve whose only effect is registering cross-stack
    // references; the guardrails' resolve already did that, and the JSON is still current.
    stack.prepareStack = () => (allReusable || current(stack, checked) ? stack.ensureBackendExists() : prepare.call(stack));
    // cdktf's own writer unless asked for HCL or a resource move adds a validation at synth.
    const text = checked.get(stack)?.text;
    if (text !== undefined && !moves) {
      synthesizers.set(stack, stack.synthesizer);
      stack.synthesizer = new CheckedStackSynthesizer(stack, text);
    }
  }
  try {
    synth();
  } finally {
    // Back to the prototype's methods: later synths of the same stack resolve afresh.
    for (const stack of stacks) {
      delete (stack as { toTerraform?: unknown }).toTerraform;
      delete (stack as { prepareStack?: unknown }).prepareStack;
      delete (stack as { runAllValidations?: unknown }).runAllValidations;
      const own = synthesizers.get(stack);
      if (own) stack.synthesizer = own;
    }
  }
}

let fastWrite = process.env.OKTA_CDKTF_FAST_WRITE !== "0";
/** With false, checked stacks are written by cdktf's own synthesizer (the tests compare both). */
export function useFastWrite(on: boolean): void {
  fastWrite = on;
}

/** cdktf writes HCL instead of JSON under SYNTH_HCL_OUTPUT (read by each stack's synthesizer). */
function hclOutput(): boolean {
  return process.env.SYNTH_HCL_OUTPUT === "true" || process.env.SYNTH_HCL_OUTPUT === "1";
}

/**
 * A synth of some environments (OKTA_ENVIRONMENTS=dev) would leave other stacks' old JSON in
 * cdktf.out/stacks beside a manifest that no longer lists them, and a later `cdktf deploy` or
 * review could read it. Stack folders this synth did not write are removed.
 */
export function removeStaleStacks(outdir: string, current: readonly string[]): void {
  const dir = path.join(outdir, "stacks");
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !current.includes(entry.name)) fs.rmSync(path.join(dir, entry.name), { recursive: true, force: true });
  }
}
