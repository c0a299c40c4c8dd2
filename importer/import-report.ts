/**
 * What an import did with each object of the org: imported as config, imported with a change
 * the first deploy makes (a secure default the constructs enforce), skipped (Okta's own
 * objects, referenced not recreated), or not imported (does not fit a construct), each with why.
 */
export type Outcome = "imported" | "changed" | "skipped" | "not imported";

export type ObjectKind = "app" | "group" | "group rule" | "authorization server" | "scope" | "claim" | "policy" | "rule" | "trusted origin" | "assignment" | "authentication policy" | "sign-on rule" | "network zone" | "admin role" | "user type";

export interface ReportEntry {
  readonly kind: ObjectKind;
  /** The object's name or label in Okta. */
  readonly name: string;
  readonly id: string;
  readonly outcome: Outcome;
  /** Why, and the fix where there is one. */
  readonly why?: string;
}

export class ImportLog {
  readonly entries: ReportEntry[] = [];

  add(kind: ObjectKind, name: string | undefined, id: string, outcome: Outcome, why?: string): void {
    this.entries.push({ kind, name: name ?? id, id, outcome, why });
  }

  imported(kind: ObjectKind, name: string | undefined, id: string, changes: readonly string[] = []): void {
    if (changes.length) this.add(kind, name, id, "changed", changes.join("; "));
    else this.add(kind, name, id, "imported");
  }
}

/** Objects by kind and outcome, e.g. { app: { imported: 3, "not imported": 1 } }. */
export function countsOf(entries: readonly ReportEntry[]): Record<string, Partial<Record<Outcome, number>>> {
  const out: Record<string, Partial<Record<Outcome, number>>> = {};
  for (const e of entries) {
    const row = (out[e.kind] ??= {});
    row[e.outcome] = (row[e.outcome] ?? 0) + 1;
  }
  return out;
}
