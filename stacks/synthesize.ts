import * as path from "path";
import { AnnotationMetadataEntryType, App, TerraformStack } from "cdktf";
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer";

/** Thrown when any stack fails validation; nothing has been written. */
export class SynthError extends Error {
  constructor(readonly failures: readonly string[]) {
    super(`Synth failed, nothing was written (${failures.length} problem${failures.length === 1 ? "" : "s"}):\n${failures.join("\n")}`);
    this.name = "SynthError";
  }
}

/**
 * Checks every stack (aspects, construct validations, error annotations) and only then lets
 * cdktf write. cdktf alone writes stack by stack, so an error in okta-prod would leave
 * okta-dev's new JSON next to prod's old one; here a failed synth writes nothing.
 */
export function synthesizeAll(app: App, stacks: readonly TerraformStack[]): string[] {
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
  return stacks.map((s) => path.join(app.outdir, "stacks", s.node.id, "cdk.tf.json"));
}
