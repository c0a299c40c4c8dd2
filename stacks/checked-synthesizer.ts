import * as fs from "fs";
import * as path from "path";
import { ConstructOrder, IConstruct } from "constructs";
import { AnnotationMetadataEntryType, ISynthesisSession, IStackSynthesizer, StackAnnotation, TerraformStack } from "cdktf";

/**
 * Writes a stack that synthesizeAll has already checked, as cdktf 0.21.0's StackSynthesizer
 * writes it, without what synthesizeAll did moments before: cdktf would invoke the aspects
 * again (a walk of the stack), run every validation again, resolve the stack a third time, and
 * collect annotations by copying the list once per construct. What is left is cdktf's own
 * sequence: the stack's folder, each construct's custom synthesis leaves first (the guardrail
 * report), the annotations into the manifest (the cdktf CLI prints them), then the JSON, as
 * text synthesizeAll made in json-stable-stringify's layout (stable-json.ts) when it checked
 * the stack and let go of the JSON.
 */
export class CheckedStackSynthesizer implements IStackSynthesizer {
  constructor(
    private readonly stack: TerraformStack,
    /** The stack's JSON as stableJson wrote it when synthesizeAll checked it. */
    private readonly text: string,
  ) {}

  synthesize(session: ISynthesisSession): void {
    const stackManifest = session.manifest.forStack(this.stack);
    const workingDirectory = path.join(session.outdir, stackManifest.workingDirectory);
    if (!fs.existsSync(workingDirectory)) fs.mkdirSync(workingDirectory);
    for (const node of this.stack.node.findAll(ConstructOrder.POSTORDER)) customSynthesis(node)?.onSynthesize(session);
    const annotations: StackAnnotation[] = [];
    for (const node of this.stack.node.findAll()) {
      for (const entry of node.node.metadata) {
        if (!ANNOTATION_TYPES.has(entry.type)) continue;
        annotations.push({ constructPath: node.node.path, level: entry.type as AnnotationMetadataEntryType, message: entry.data, stacktrace: entry.trace });
      }
    }
    // cdktf's own assignment: the manifest's field is readonly everywhere else.
    (stackManifest as { annotations: StackAnnotation[] }).annotations = annotations;
    fs.writeFileSync(path.join(session.outdir, stackManifest.synthesizedStackPath), this.text);
  }
}

const ANNOTATION_TYPES: ReadonlySet<string> = new Set([AnnotationMetadataEntryType.INFO, AnnotationMetadataEntryType.WARN, AnnotationMetadataEntryType.ERROR]);

/** cdktf's hook for a construct that writes files at synth (addCustomSynthesis; its getter is not exported). */
function customSynthesis(node: IConstruct): { onSynthesize(session: ISynthesisSession): void } | undefined {
  return (node as unknown as Record<symbol, { onSynthesize(session: ISynthesisSession): void } | undefined>)[Symbol.for("cdktf/customSynthesis")];
}
