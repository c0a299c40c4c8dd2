import { Construct } from "constructs";
import { AuthServerClaim } from "@cdktf/provider-okta/lib/auth-server-claim";
import { escapeTemplate } from "./template";
import { Problems, escapeRegExp, isToken } from "./validation";

/** Which token carries a claim: the access token (`RESOURCE`) or the ID token (`IDENTITY`). */
export type ClaimToken = "access" | "id";

/**
 * Which of the user's groups a groups claim lists, as Okta's filter types: `regex` (REGEX,
 * matched against the whole group name), `startsWith` (STARTS_WITH), `equals` (EQUALS),
 * `contains` (CONTAINS), or `groups`, a list of names (REGEX of those names exactly).
 */
export type ClaimGroupFilter =
  | { readonly regex: string }
  | { readonly startsWith: string }
  | { readonly equals: string }
  | { readonly contains: string }
  | { readonly groups: readonly string[] };

type AnyFilter = Partial<{ regex: string; startsWith: string; equals: string; contains: string; groups: readonly string[] }>;

/** Settings every claim shares. */
interface ClaimBase {
  readonly name: string;
  /** @default "access" */
  readonly tokens?: ClaimToken;
  /**
   * Only tokens requested with one of these scopes carry the claim (okta_auth_server_claim
   * `scopes`): tier scopes or OpenID Connect scopes of this server.
   * @default - every request (Okta's "Any scope")
   */
  readonly scopes?: readonly string[];
  /**
   * For an ID-token claim: put it in every ID token (true), or only return it from /userinfo
   * and in ID tokens minted without an access token (false). Okta ignores it for access tokens.
   * @default true
   */
  readonly alwaysIncludeInToken?: boolean;
}

/** A custom claim of an authorization server (okta_auth_server_claim). */
export type ClaimOptions =
  | (ClaimBase & {
      /** The user's groups that pass the filter, as a list. */
      readonly kind: "groups";
      readonly filter: ClaimGroupFilter;
    })
  | (ClaimBase & {
      /** A user profile attribute, e.g. `user.department`. */
      readonly kind: "attribute";
      readonly value: string;
    });

/**
 * Claims Okta sets itself or that OIDC and JWT reserve; a custom claim of that name is refused
 * by Okta at apply, or would shadow what a resource server relies on.
 */
const RESERVED = new Set(["sub", "iss", "aud", "exp", "iat", "nbf", "jti", "cid", "uid", "scp", "auth_time", "nonce", "amr", "idp", "at_hash", "c_hash", "ver", "azp", "acr", "sid"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/;
/** The expression subset supported here: one user or app-user profile attribute. */
const ATTRIBUTE = /^(user|appuser)\.[A-Za-z_][A-Za-z0-9_]*$/;

export function checkClaim(problems: Problems, field: string, claim: ClaimOptions): void {
  if (isToken(claim.name)) return;
  if (!NAME.test(claim.name ?? "")) problems.add(`${field}.name must be a claim name (letters, digits, _ . : -; at most 128)`, claim.name, "name the claim like department or groups.");
  else if (RESERVED.has(claim.name)) problems.add(`${field}.name is a reserved claim that Okta or JWT sets itself`, claim.name, "choose another name, e.g. app_groups.");
  if (claim.tokens !== undefined && claim.tokens !== "access" && claim.tokens !== "id") problems.add(`${field}.tokens must be "access" or "id"`, claim.tokens, 'write "access" or "id".');
  if (claim.kind === "attribute") {
    if (!ATTRIBUTE.test(claim.value ?? "")) problems.add(`${field}.value must name one profile attribute, user.<attribute> or appuser.<attribute>`, claim.value, 'write e.g. "user.department"; longer Okta expressions are not supported here.');
  } else if (claim.kind === "groups") {
    const f = (claim.filter ?? {}) as AnyFilter;
    if (f.regex !== undefined) {
      const invalid = javaRegexProblem(f.regex);
      if (invalid) problems.add(`${field}.filter.regex ${invalid}`, f.regex, "write a regular expression Java accepts that matches whole group names, e.g. ^payments.*.");
    } else if (f.groups !== undefined) {
      if (!f.groups.length) problems.add(`${field}.filter.groups is empty: the claim would always be empty`, [], "list the group names the claim may show.");
    } else if (!f.startsWith && !f.equals && !f.contains) problems.add(`${field}.filter needs regex, startsWith, equals, contains or groups`, claim.filter, 'write e.g. { regex: "^payments.*" }.');
  } else {
    problems.add(`${field}.kind must be "groups" or "attribute"`, (claim as { kind: unknown }).kind, 'write "groups" or "attribute".');
  }
  if (claim.scopes !== undefined && (!Array.isArray(claim.scopes) || !claim.scopes.length)) problems.add(`${field}.scopes must list at least one scope`, claim.scopes, "name the scopes whose tokens carry the claim, or leave scopes out for every request.");
  if (claim.alwaysIncludeInToken !== undefined && typeof claim.alwaysIncludeInToken !== "boolean") problems.add(`${field}.alwaysIncludeInToken must be true or false`, claim.alwaysIncludeInToken, "write true or false.");
}

/**
 * Why Okta would refuse a groups-claim regex, or undefined. Okta evaluates it with Java's
 * `String.matches`: Java syntax, matched against the whole group name. It is checked here with
 * JavaScript's engine, which agrees with Java on the common syntax; what each accepts that the
 * other refuses is named rather than guessed.
 */
export function javaRegexProblem(pattern: string): string | undefined {
  const { source, flags } = jsEquivalent(pattern);
  if (/\\u\{/.test(source)) return "uses \\u{…}, which Java does not accept (Java writes \\x{…})";
  if (/\(\?<[A-Za-z]*[^A-Za-z0-9>=!][^>]*>/.test(source)) return "names a group with characters Java refuses (letters and digits only)";
  if (/\(\?<[=!][^)]*[*+]|\(\?<[=!][^)]*\{\d+,\}/.test(source)) return "has an unbounded lookbehind, which Java refuses";
  if (/(?<!\\)[*+?}]\+|\(\?>/.test(source)) return "uses a possessive quantifier or atomic group, which cannot be checked here";
  try {
    new RegExp(source, flags);
  } catch (e) {
    return `is invalid (${(e as Error).message})`;
  }
  return undefined;
}

/**
 * The pattern for JavaScript's engine: Java's inline case-insensitive flag at the start becomes
 * `i`; Unicode mode only for Unicode property classes (`\p{L}`), since outside it JavaScript,
 * like Java, accepts escaped punctuation such as `\_`.
 */
function jsEquivalent(pattern: string): { source: string; flags: string } {
  const insensitive = pattern.startsWith("(?i)");
  const source = insensitive ? pattern.slice(4) : pattern;
  return { source, flags: `${insensitive ? "i" : ""}${/\\[pP]\{/.test(source) ? "u" : ""}` };
}

/**
 * Whether a groups claim's filter lets a group into the claim, as Okta decides it: a regex must
 * match the whole name (Java `String.matches`), startsWith is a prefix, a list is exact names.
 */
export function claimFilterMatches(filter: ClaimGroupFilter, group: string): boolean {
  const f = filter as AnyFilter;
  if (f.groups) return f.groups.includes(group);
  if (f.startsWith !== undefined) return group.startsWith(f.startsWith);
  if (f.equals !== undefined) return group === f.equals;
  if (f.contains !== undefined) return group.includes(f.contains);
  if (f.regex === undefined || javaRegexProblem(f.regex)) return false;
  const { source, flags } = jsEquivalent(f.regex);
  return new RegExp(`^(?:${source})$`, flags).test(group);
}

/** A regex that matches what the author most likely meant, when the given one only matches part of names. */
export function suggestedRegex(pattern: string, groups: readonly string[]): string | undefined {
  if (javaRegexProblem(pattern)) return undefined;
  const { source, flags } = jsEquivalent(pattern);
  const partial = groups.filter((g) => new RegExp(source, flags).test(g));
  if (!partial.length) return undefined;
  const prefix = pattern.startsWith("(?i)") ? "(?i)" : "";
  const body = source.replace(/\$$/, "");
  const candidates = [`${prefix}${body.startsWith("^") ? "" : ".*"}${body}.*`, `${prefix}${body.startsWith("^") ? "" : ".*"}${body}`];
  return candidates.find((c) => partial.every((g) => claimFilterMatches({ regex: c }, g)));
}

/** A groups claim's filter as Okta shows it: for messages. */
export function describeFilter(filter: ClaimGroupFilter): string {
  const f = filter as AnyFilter;
  const [key, value] = Object.entries(f)[0] ?? ["groups", []];
  return `${key} ${JSON.stringify(value)}`;
}

/** A group list as one anchored regex (Okta's groups claim takes one filter). */
function groupsRegex(names: readonly string[]): string {
  return `^(${names.map(escapeRegExp).join("|")})$`;
}

export function claimResource(scope: Construct, authServerId: string, claim: ClaimOptions): AuthServerClaim {
  const common = {
    authServerId,
    name: claim.name,
    claimType: claim.tokens === "id" ? "IDENTITY" : "RESOURCE",
    status: "ACTIVE",
    alwaysIncludeInToken: claim.alwaysIncludeInToken ?? true,
    ...(claim.scopes ? { scopes: [...claim.scopes] } : {}),
  };
  if (claim.kind === "attribute") {
    return new AuthServerClaim(scope, `Claim-${claim.name}-${claim.tokens ?? "access"}`, { ...common, valueType: "EXPRESSION", value: claim.value });
  }
  const f = claim.filter as AnyFilter;
  const [filterType, value] =
    f.regex !== undefined ? ["REGEX", f.regex] : f.groups ? ["REGEX", groupsRegex(f.groups)] : f.equals !== undefined ? ["EQUALS", f.equals] : f.contains !== undefined ? ["CONTAINS", f.contains] : ["STARTS_WITH", f.startsWith!];
  // A regex may hold `${` (an anchor before a brace): escape it for Terraform.
  return new AuthServerClaim(scope, `Claim-${claim.name}-${claim.tokens ?? "access"}`, { ...common, valueType: "GROUPS", groupFilterType: filterType, value: escapeTemplate(value) });
}
