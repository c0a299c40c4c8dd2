import { Problems } from "./validation";

/**
 * How strongly a user must prove who they are to reach an app: an authentication policy
 * rule's `factor_mode`, authenticator `constraints` and re-authentication period, typed.
 *
 * Okta's constraint semantics (Policy API, Verification Method object; facts copied with
 * their sources into docs/authentication-policies.md): the constraint list is an OR (one
 * object must be satisfied); inside one object the classes are an AND, one factor of each
 * named class; an object names at most `factorMode` classes, and the factors it leaves out
 * are unconstrained. 2FA means two factors of different classes.
 */

export type FactorMode = "1FA" | "2FA";
export type Requirement = "REQUIRED" | "OPTIONAL";
export type KnowledgeType = "password" | "security_question";

export interface KnowledgeConstraint {
  /** The knowledge authenticators that count. @default - any */
  readonly types?: readonly KnowledgeType[];
  /** ISO-8601 duration after which this factor is asked again. @default - the rule's period */
  readonly reauthenticateIn?: string;
}

export interface PossessionConstraint {
  /** Bound to the device (Okta Verify, FIDO2), not an SMS or email code. @default - either */
  readonly deviceBound?: Requirement;
  /** Cannot be replayed to a phishing site (FIDO2/WebAuthn, Okta FastPass). @default - either */
  readonly phishingResistant?: Requirement;
  /** The key is in hardware (a TPM, secure enclave or security key). @default - either */
  readonly hardwareProtection?: Requirement;
  /** @default - either */
  readonly userPresence?: Requirement;
  /** A biometric or PIN unlocks the factor. @default - either */
  readonly userVerification?: Requirement;
  /** @default - the rule's period */
  readonly reauthenticateIn?: string;
}

export interface InherenceConstraint {
  /** @default - the rule's period */
  readonly reauthenticateIn?: string;
}

/** One way to satisfy a rule: one factor of each class named. */
export interface AuthenticatorConstraint {
  readonly knowledge?: KnowledgeConstraint;
  readonly possession?: PossessionConstraint;
  readonly inherence?: InherenceConstraint;
}

/** What an ALLOW rule asks of the user. */
export interface Assurance {
  /** `2FA`: two factors of different classes. */
  readonly factorMode: FactorMode;
  /**
   * Alternatives (OR); each names the classes its factors must be of (AND).
   * @default - none: any factors
   */
  readonly constraints?: readonly AuthenticatorConstraint[];
  /**
   * How long a verification lasts before the user is asked again, ISO-8601 (`PT0S`: at every
   * sign-in; `PT43800H`: once per session).
   * @default "PT2H" (the provider's default)
   */
  readonly reauthenticateIn?: string;
}

/**
 * Readable starting points a team uses as they are or spreads and extends
 * (`{ ...ASSURANCE.phishingResistant, reauthenticateIn: "PT1H" }`).
 */
export const ASSURANCE = {
  /** One factor, and it must be the password. Never in prod (guardrail okta-auth-single-factor). */
  passwordOnly: { factorMode: "1FA", constraints: [{ knowledge: { types: ["password"] } }] },
  /** Okta's "Any two factors": two factors of different classes, none in particular. */
  anyTwoFactors: { factorMode: "2FA" },
  /** The password and a factor the user has (Okta Verify, a security key, a phone). */
  passwordAndPossession: { factorMode: "2FA", constraints: [{ knowledge: { types: ["password"] }, possession: {} }] },
  /** Two factors, one of which cannot be phished (FIDO2/WebAuthn, Okta FastPass). */
  phishingResistant: { factorMode: "2FA", constraints: [{ possession: { phishingResistant: "REQUIRED" } }] },
  /** As phishingResistant, with the key held in hardware. */
  phishingResistantHardware: { factorMode: "2FA", constraints: [{ possession: { phishingResistant: "REQUIRED", hardwareProtection: "REQUIRED" } }] },
} as const satisfies Record<string, Assurance>;

/** The provider's default re-authentication period. */
export const DEFAULT_REAUTHENTICATE_IN = "PT2H";
/** Okta's "once per session" period: in effect, never again. */
export const ONCE_PER_SESSION = "PT43800H";

const CLASSES = ["knowledge", "possession", "inherence"] as const;
const FIELDS: Readonly<Record<(typeof CLASSES)[number], readonly string[]>> = {
  knowledge: ["types", "reauthenticateIn"],
  possession: ["deviceBound", "phishingResistant", "hardwareProtection", "userPresence", "userVerification", "reauthenticateIn"],
  inherence: ["reauthenticateIn"],
};
const REQUIREMENT_FIELDS = new Set(["deviceBound", "phishingResistant", "hardwareProtection", "userPresence", "userVerification"]);
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** Seconds in an ISO-8601 duration (months as 30 days, years as 365), or undefined if it is not one. */
export function durationSeconds(value: string): number | undefined {
  const m = ISO_DURATION.exec(value);
  if (!m) return undefined;
  const n = (s: string | undefined) => (s ? Number(s.slice(0, -1)) : 0);
  return ((n(m[1]) * 365 + n(m[2]) * 30 + n(m[3]) * 7 + n(m[4])) * 24 + n(m[6])) * 3600 + n(m[7]) * 60 + n(m[8]);
}

/**
 * Checks an assurance the way Okta would, before apply: the provider forwards unknown keys
 * verbatim, so `posession` creates a rule without the constraint (provider #1242).
 */
export function checkAssurance(problems: Problems, field: string, assurance: Assurance): void {
  if (assurance.factorMode !== "1FA" && assurance.factorMode !== "2FA") {
    problems.add(`${field}.factorMode must be "1FA" or "2FA"`, assurance.factorMode, 'write "2FA" (two factors of different classes) or "1FA".');
  }
  checkDuration(problems, `${field}.reauthenticateIn`, assurance.reauthenticateIn);
  const factors = assurance.factorMode === "1FA" ? 1 : 2;
  (assurance.constraints ?? []).forEach((c, i) => {
    const at = `${field}.constraints[${i}]`;
    const keys = Object.keys(c ?? {});
    if (!keys.length) problems.add(`${at} names no authenticator class`, c, "name knowledge, possession or inherence, or drop the empty constraint.");
    for (const k of keys) {
      if (!(CLASSES as readonly string[]).includes(k)) {
        problems.add(`${at} has an unknown authenticator class "${k}" (Okta would ignore it and require nothing)`, k, `use one of ${CLASSES.join(", ")}${nearest(k, CLASSES)}.`);
        continue;
      }
      const body = (c as Record<string, unknown>)[k];
      if (body === null || typeof body !== "object" || Array.isArray(body)) {
        problems.add(`${at}.${k} must be an object`, body, `write ${k}: {} for any ${k} factor.`);
        continue;
      }
      for (const [f, v] of Object.entries(body)) {
        const known = FIELDS[k as (typeof CLASSES)[number]];
        if (!known.includes(f)) problems.add(`${at}.${k} has an unknown field "${f}"`, f, `use one of ${known.join(", ")}${nearest(f, known)}.`);
        else if (REQUIREMENT_FIELDS.has(f) && v !== "REQUIRED" && v !== "OPTIONAL") problems.add(`${at}.${k}.${f} must be "REQUIRED" or "OPTIONAL"`, v, 'write "REQUIRED", or leave the field out.');
        else if (f === "reauthenticateIn") checkDuration(problems, `${at}.${k}.reauthenticateIn`, v as string);
        else if (f === "types" && (!Array.isArray(v) || !v.length || v.some((t) => t !== "password" && t !== "security_question"))) {
          problems.add(`${at}.knowledge.types must list "password" or "security_question"`, v, 'write ["password"], or leave types out for any knowledge factor.');
        }
      }
    }
    const named = keys.filter((k) => (CLASSES as readonly string[]).includes(k)).length;
    if (named > factors) problems.add(`${at} names ${named} classes but factorMode ${assurance.factorMode} asks for ${factors} factor${factors === 1 ? "" : "s"}`, keys, `use factorMode "2FA", or name ${factors} class${factors === 1 ? "" : "es"}.`);
  });
}

function checkDuration(problems: Problems, field: string, value: string | undefined): void {
  if (value === undefined) return;
  if (typeof value !== "string" || durationSeconds(value) === undefined) {
    problems.add(`${field} is not an ISO-8601 duration`, value, 'write it like "PT2H" (2 hours), "PT0S" (every sign-in) or "PT43800H" (once per session).');
  }
}

/** The option within two edits of a typo (`posession`), if any. */
function nearest(value: string, options: readonly string[]): string {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length];
  };
  const hit = options.find((o) => distance(o.toLowerCase(), value.toLowerCase()) <= 2);
  return hit ? ` (did you mean ${hit}?)` : "";
}

/** The provider's `constraints`: one JSON string per alternative, as Okta's API names the fields. */
export function constraintsJson(constraints: readonly AuthenticatorConstraint[] | undefined): string[] | undefined {
  return constraints?.length ? constraints.map((c) => JSON.stringify(c)) : undefined;
}

/**
 * How strong an assurance is, on two scales that order it: the number of factors, and the
 * weakest possession requirement over its alternatives (0 none, 1 a possession factor,
 * 2 phishing-resistant, 3 phishing-resistant in hardware).
 */
export interface Strength {
  readonly factors: 1 | 2;
  readonly possession: 0 | 1 | 2 | 3;
}

export function strengthOf(assurance: Pick<Assurance, "factorMode" | "constraints">): Strength {
  const factors = assurance.factorMode === "1FA" ? 1 : 2;
  const alternatives = assurance.constraints ?? [];
  const level = (c: AuthenticatorConstraint): Strength["possession"] => {
    const p = c.possession;
    if (!p) return 0;
    if (p.phishingResistant === "REQUIRED") return p.hardwareProtection === "REQUIRED" ? 3 : 2;
    return 1;
  };
  const possession = alternatives.length ? (Math.min(...alternatives.map(level)) as Strength["possession"]) : 0;
  return { factors, possession };
}

/** `a` asks at least as much as `b`, on both scales. */
export function atLeastAsStrong(a: Strength, b: Strength): boolean {
  return a.factors >= b.factors && a.possession >= b.possession;
}

/** `2FA: password + possession`, `2FA: phishing-resistant possession + any factor`, `1FA: password`. */
export function describeAssurance(assurance: Pick<Assurance, "factorMode" | "constraints">): string {
  const factors = assurance.factorMode === "1FA" ? 1 : 2;
  const alternatives = assurance.constraints ?? [];
  if (!alternatives.length) return `${assurance.factorMode}: ${factors === 1 ? "any factor" : "any two factors"}`;
  const one = (c: AuthenticatorConstraint) => {
    const parts: string[] = [];
    if (c.knowledge) parts.push(c.knowledge.types?.length ? c.knowledge.types.join(" or ") : "knowledge");
    if (c.possession) {
      const p = c.possession;
      const qualities = [p.phishingResistant === "REQUIRED" && "phishing-resistant", p.hardwareProtection === "REQUIRED" && "hardware-protected", p.deviceBound === "REQUIRED" && "device-bound"].filter(Boolean);
      parts.push(`${qualities.length ? `${qualities.join(", ")} ` : ""}possession`);
    }
    if (c.inherence) parts.push("biometric");
    while (parts.length < factors) parts.push("any factor");
    return parts.join(" + ");
  };
  return `${assurance.factorMode}: ${alternatives.map(one).join(" or ")}`;
}
