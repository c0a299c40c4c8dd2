import * as path from "path";
import { AnnotationMetadataEntryType, App, TerraformStack } from "cdktf";
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer";
import { GuardrailReport, OktaGuardrails } from "../guardrails";

/** Thrown when any stack fails validation; nothing has been written. */
export class SynthError extends Error {
  constructor(readonly failures: readonly string[]) {
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
  const failures: string[] = [];
  for (const stack of stacks) {
    invokeAspects(stack);
    for (const node of stack.node.findAll()) {
      for (const message of node.node.validate()) failures.push(`[${node.node.path}] ${message}`);
      for (const entry of node.node.metadata) {
        if (entry.type === AnnotationMetadataEntryType.ERROR) failures.push(`[${node.node.path}] ${entry.data}`);
      }
    }
  }
  if (failures.length) throw new SynthError(failures);
  app.synth();
  return {
    files: stacks.map((s) => path.join(app.outdir, "stacks", s.node.id, "cdk.tf.json")),
    reports: stacks.map((s) => OktaGuardrails.reportOf(s)).filter((r): r is GuardrailReport => r !== undefined),
  };
}
