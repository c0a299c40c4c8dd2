import { Construct } from "constructs";
import { AuthServerClaim } from "@cdktf/provider-okta/lib/auth-server-claim";
import { escapeTemplate } from "./template";
import { Problems, escapeRegExp, isToken } from "./validation";

/** Which token carries a claim: the access token (`RESOURCE`) or the ID token (`IDENTITY`). */
export type ClaimToken = "access" | "id";

/** Which of the user's groups a groups claim lists. */
export type ClaimGroupFilter = { readonly regex: string } | { readonly startsWith: string } | { readonly groups: readonly string[] };

/** A custom claim of an authorization server (okta_auth_server_claim). */
export type ClaimOptions =
  | {
      readonly name: string;
      /** The user's groups that pass the filter, as a list. */
      readonly kind: "groups";
      readonly filter: ClaimGroupFilter;
      /** @default "access" */
      readonly tokens?: ClaimToken;
    }
  | {
      readonly name: string;
      /** A user profile attribute, e.g. `user.department`. */
      readonly kind: "attribute";
      readonly value: string;
      /** @default "access" */
      readonly tokens?: ClaimToken;
    };

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
    const f = claim.filter as Partial<{ regex: string; startsWith: string; groups: readonly string[] }>;
    if (f.regex !== undefined) {
      try {
        new RegExp(f.regex);
      } catch (e) {
        problems.add(`${field}.filter.regex is invalid (${(e as Error).message})`, f.regex, "write a valid regular expression, e.g. ^payments-.*$.");
      }
    } else if (f.groups !== undefined) {
      if (!f.groups.length) problems.add(`${field}.filter.groups is empty: the claim would always be empty`, [], "list the group names the claim may show.");
    } else if (!f.startsWith) problems.add(`${field}.filter needs regex, startsWith or groups`, claim.filter, 'write e.g. { regex: "^payments-" }.');
  } else {
    problems.add(`${field}.kind must be "groups" or "attribute"`, (claim as { kind: unknown }).kind, 'write "groups" or "attribute".');
  }
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
    alwaysIncludeInToken: true,
  };
  if (claim.kind === "attribute") {
    return new AuthServerClaim(scope, `Claim-${claim.name}-${claim.tokens ?? "access"}`, { ...common, valueType: "EXPRESSION", value: claim.value });
  }
  const f = claim.filter as Partial<{ regex: string; startsWith: string; groups: readonly string[] }>;
  const [filterType, value] = f.regex !== undefined ? ["REGEX", f.regex] : f.groups ? ["REGEX", groupsRegex(f.groups)] : ["STARTS_WITH", f.startsWith!];
  // A regex may hold `${` (an anchor before a brace): escape it for Terraform.
  return new AuthServerClaim(scope, `Claim-${claim.name}-${claim.tokens ?? "access"}`, { ...common, valueType: "GROUPS", groupFilterType: filterType, value: escapeTemplate(value) });
}
