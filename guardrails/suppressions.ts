import { IConstruct } from "constructs";

/** A reasoned exception to one rule, on a construct (and its children) or a whole stack. */
export interface Suppression {
  /** The rule id, e.g. `OKTA-01`. */
  readonly id: string;
  /** Why this is acceptable here; at least 10 characters, shown in every report. */
  readonly reason: string;
}

const KEY = "okta-guardrails:suppressions";
export const MIN_REASON_LENGTH = 10;

/** Suppresses rules on a construct and everything below it. Throws on a missing reason. */
export function suppress(scope: IConstruct, suppressions: readonly Suppression[]): void {
  const problems: string[] = [];
  for (const s of suppressions) {
    if (!/^OKTA-\d{2}$/.test(s.id)) problems.push(`  - rule id must look like OKTA-01: got ${JSON.stringify(s.id)}. Fix: name the rule you suppress.`);
    if ((s.reason ?? "").trim().length < MIN_REASON_LENGTH) {
      problems.push(`  - ${s.id}: a suppression needs a reason of at least ${MIN_REASON_LENGTH} characters: got ${JSON.stringify(s.reason ?? "")}. Fix: say why this exception is acceptable.`);
    }
  }
  if (problems.length) throw new Error(`Invalid guardrail suppression at ${scope.node.path}:\n${problems.join("\n")}`);
  for (const s of suppressions) scope.node.addMetadata(KEY, { id: s.id, reason: s.reason.trim() });
}

/** A suppression as declared, with where it was declared. */
export interface DeclaredSuppression extends Suppression {
  readonly at: string;
  readonly entry: object;
}

/** The suppressions declared on one construct (not its parents). */
export function suppressionsOn(scope: IConstruct): DeclaredSuppression[] {
  return scope.node.metadata
    .filter((m) => m.type === KEY)
    .map((m) => ({ ...(m.data as Suppression), at: scope.node.path, entry: m }));
}
