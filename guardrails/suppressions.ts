import { IConstruct } from "constructs";
import { Problems } from "../constructs/validation";
import { OKTA_OAUTH_PACK } from "./pack";

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
  const problems = new Problems();
  for (const s of suppressions) {
    if (!/^OKTA-\d{2}$/.test(s.id)) problems.add("rule id must look like OKTA-01", s.id, "name the rule you suppress.");
    else if (!OKTA_OAUTH_PACK.some((r) => r.id === s.id)) {
      problems.add(`${s.id} is not a rule of the Okta OAuth pack`, s.id, `use one of ${OKTA_OAUTH_PACK[0].id}..${OKTA_OAUTH_PACK[OKTA_OAUTH_PACK.length - 1].id} (README, Guardrails).`);
    }
    if ((s.reason ?? "").trim().length < MIN_REASON_LENGTH) {
      problems.add(`${s.id}: a suppression needs a reason of at least ${MIN_REASON_LENGTH} characters`, s.reason ?? "", "say why this exception is acceptable.");
    }
  }
  problems.throwIfAny(scope);
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
