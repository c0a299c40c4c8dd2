import { Construct, IConstruct } from "constructs";
import { TerraformResource } from "cdktf";
import { AppSignonPolicy } from "@cdktf/provider-okta/lib/app-signon-policy";
import { AppSignonPolicyRule } from "@cdktf/provider-okta/lib/app-signon-policy-rule";
import { AppAccessPolicyAssignment } from "@cdktf/provider-okta/lib/app-access-policy-assignment";
import { Assurance, DEFAULT_REAUTHENTICATE_IN, checkAssurance, constraintsJson } from "./assurance";
import { INetworkZone } from "./network-zone";
import { IOktaGroup } from "./okta-group";
import { IUserType } from "./user-type";
import { PriorityChain } from "./priority-chain";
import { OktaConfigError, Problems } from "./validation";

/** Okta's name of every authentication policy's system rule (priority 99, always last). */
export const CATCH_ALL_RULE = "Catch-all Rule";
/** The catch-all's fixed priority: rules of the policy sit at 1..98 above it. */
export const CATCH_ALL_PRIORITY = 99;

/** Metadata type that marks an app resource as sensitive for the guardrails (OKTA-22, OKTA-23). */
export const SENSITIVE_APP = "okta-as-code:sensitive-app";

/** Marks an app's resource sensitive: in prod its policy must ask for phishing-resistant factors. */
export function markSensitive(resource: IConstruct, reason: string): void {
  resource.node.addMetadata(SENSITIVE_APP, reason);
}

export type RiskLevel = "LOW" | "MEDIUM" | "HIGH";
export type PlatformType = "ANY" | "MOBILE" | "DESKTOP";
/** `platform_include.os_type`; OTHER is left out: Okta does not return its expression, so it drifts forever. */
export type OsType = "ANY" | "IOS" | "ANDROID" | "WINDOWS" | "MACOS" | "CHROMEOS";
/** A device condition: `registered` (enrolled in Okta Verify) or `managed` (also under device management). */
export type DeviceCondition = "registered" | "managed";

export interface PlatformCondition {
  readonly type: PlatformType;
  /** @default "ANY" */
  readonly os?: OsType;
}

/** Where a request comes from: in one of these zones, or in none of them. */
export type ZoneCondition = { readonly in: readonly INetworkZone[] } | { readonly notIn: readonly INetworkZone[] };

/** Whose profile the user has: one of these user types, or none of them. */
export type UserTypeCondition = { readonly in: readonly IUserType[] } | { readonly notIn: readonly IUserType[] };

interface RuleConditions {
  /** Rule name, unique in the policy; not `Catch-all Rule`. */
  readonly name: string;
  /** Evaluation order, 1 first; the rules of a policy run 1..n without gaps (Okta renumbers gaps, provider #2953). */
  readonly priority: number;
  /** Members of any of these groups. @default - everyone */
  readonly groups?: readonly IOktaGroup[];
  /** Members of any of these never match the rule. @default - none */
  readonly groupsExcluded?: readonly IOktaGroup[];
  /** @default - any network */
  readonly zones?: ZoneCondition;
  /** Users of these user types (`in`), or of any other (`notIn`). @default - any user type */
  readonly userTypes?: UserTypeCondition;
  /** @default - any device */
  readonly device?: DeviceCondition;
  /** Any of these platforms. @default - any platform */
  readonly platforms?: readonly PlatformCondition[];
  /** Okta's risk level of the sign-in, exactly. @default - any risk */
  readonly risk?: RiskLevel;
}

/** A rule that lets matching users in with the assurance it asks for. */
export interface AllowRuleOptions extends RuleConditions {
  readonly access: "ALLOW";
  readonly assurance: Assurance;
}

/** A rule that stops matching users; the rules below it are never evaluated for them. */
export interface DenyRuleOptions extends RuleConditions {
  readonly access: "DENY";
}

export type AuthenticationRuleOptions = AllowRuleOptions | DenyRuleOptions;

export interface AuthenticationPolicyProps {
  /** The policy's name in Okta. */
  readonly name: string;
  /** @default "Managed by okta-as-code" */
  readonly description?: string;
  /**
   * What the catch-all rule does for users no rule matched. DENY makes every way in a rule you
   * wrote; ALLOW lets everyone else in with Okta's default assurance (two factors). Okta applies
   * it when the policy is created only (provider `catch_all`): changing it later changes nothing
   * in Okta; create a new policy instead.
   * @default "DENY"
   */
  readonly catchAll?: "DENY" | "ALLOW";
}

/** What an app needs of a policy. */
export interface IAuthenticationPolicy {
  readonly policyId: string;
  readonly policyName: string;
}

/**
 * An app sign-on ("authentication") policy of Okta Identity Engine (okta_app_signon_policy) and
 * its rules (okta_app_signon_policy_rule): who may sign in to the apps that use it, from where,
 * and with which factors. Rules run by priority and the first that matches decides; the
 * catch-all rule comes last. Apps use it through `assignTo`.
 */
export class AuthenticationPolicy extends Construct implements IAuthenticationPolicy {
  readonly policyId: string;
  readonly policyName: string;
  readonly catchAll: "DENY" | "ALLOW";
  readonly resource: AppSignonPolicy;
  private readonly rules = new PriorityChain<AppSignonPolicyRule>();

  constructor(scope: Construct, id: string, props: AuthenticationPolicyProps) {
    super(scope, id);
    const problems = new Problems();
    if (!props.name || props.name.trim() !== props.name) problems.add("policy name must be non-empty without leading or trailing spaces", props.name, "give the policy a plain name, e.g. Two factors.");
    if (props.catchAll !== undefined && props.catchAll !== "DENY" && props.catchAll !== "ALLOW") problems.add('catchAll must be "DENY" or "ALLOW"', props.catchAll, 'write "DENY" and add a last rule for everyone else.');
    problems.throwIfAny(this);
    this.policyName = props.name;
    this.catchAll = props.catchAll ?? "DENY";
    this.resource = new AppSignonPolicy(this, "Policy", {
      name: props.name,
      description: props.description ?? "Managed by okta-as-code",
      // Okta creates the catch-all as ALLOW (2FA) for everyone: false sets it to DENY on create (provider #1749).
      catchAll: this.catchAll === "ALLOW",
    });
    this.policyId = this.resource.id;
    this.node.addValidation({
      validate: () => {
        const gap = this.rules.gap();
        return gap ? [`rule priorities of authentication policy "${props.name}" must run 1..${gap.length} without gaps: got ${JSON.stringify(gap)}. Fix: renumber them 1, 2, 3, …`] : [];
      },
    });
  }

  /** Adds a rule at an explicit priority, chained after the one above it. */
  addRule(id: string, options: AuthenticationRuleOptions): AppSignonPolicyRule {
    const problems = new Problems();
    const taken = this.rules.at(options.priority);
    if (!Number.isInteger(options.priority) || options.priority < 1 || options.priority >= CATCH_ALL_PRIORITY || taken) {
      problems.add(
        taken ? `priority ${options.priority} is already used by ${taken.node.path}` : `rule priority must be a whole number from 1 to ${CATCH_ALL_PRIORITY - 1} (the catch-all is ${CATCH_ALL_PRIORITY})`,
        options.priority,
        `give each rule of this policy its own priority, 1..n (next free: ${this.rules.nextFree()}).`,
      );
    }
    checkRule(problems, options);
    problems.throwIfAny(`${this.node.path}/${id}`);
    const zones = options.zones;
    const allow = options.access === "ALLOW" ? options.assurance : undefined;
    const rule = new AppSignonPolicyRule(this, id, {
      policyId: this.policyId,
      name: options.name,
      priority: options.priority,
      status: "ACTIVE",
      access: options.access,
      type: "ASSURANCE",
      factorMode: allow?.factorMode,
      constraints: constraintsJson(allow?.constraints),
      reAuthenticationFrequency: allow ? (allow.reauthenticateIn ?? DEFAULT_REAUTHENTICATE_IN) : undefined,
      groupsIncluded: options.groups?.length ? options.groups.map((g) => g.groupId) : undefined,
      groupsExcluded: options.groupsExcluded?.length ? options.groupsExcluded.map((g) => g.groupId) : undefined,
      userTypesIncluded: options.userTypes && "in" in options.userTypes ? options.userTypes.in.map((t) => t.userTypeId) : undefined,
      userTypesExcluded: options.userTypes && "notIn" in options.userTypes ? options.userTypes.notIn.map((t) => t.userTypeId) : undefined,
      networkConnection: zones ? "ZONE" : "ANYWHERE",
      networkIncludes: zones && "in" in zones ? zones.in.map((z) => z.zoneId) : undefined,
      networkExcludes: zones && "notIn" in zones ? zones.notIn.map((z) => z.zoneId) : undefined,
      deviceIsRegistered: options.device ? true : undefined,
      deviceIsManaged: options.device === "managed" ? true : undefined,
      platformInclude: options.platforms?.map((p) => ({ type: p.type, osType: p.os ?? "ANY" })),
      riskScore: options.risk,
    });
    this.rules.add(options.priority, rule);
    return rule;
  }

  /**
   * Puts an app on this policy. Provider 6.12 sets `authentication_policy` on OIDC, SAML and
   * bookmark apps; SWA and auto-login apps have no such attribute, and without an assignment
   * they stay on the org's default policy: they get an okta_app_access_policy_assignment.
   */
  assignTo(app: TerraformResource): void {
    assignAuthenticationPolicy(app, this.policyId);
  }
}

/**
 * Puts an app on a policy by id: this config's (a reference) or one it does not manage (the Okta
 * id of a policy left in Okta, e.g. the org's "Any two factors", kept by the import).
 */
export function assignAuthenticationPolicy(app: TerraformResource, policyId: string): void {
  const type = app.terraformResourceType;
  if (type === "okta_app_oauth" || type === "okta_app_saml" || type === "okta_app_bookmark") {
    app.addOverride("authentication_policy", policyId);
    return;
  }
  if (type === "okta_app_swa" || type === "okta_app_auto_login") {
    new AppAccessPolicyAssignment(app.node.scope as Construct, "AuthenticationPolicy", { appId: (app as unknown as { id: string }).id, policyId });
    return;
  }
  throw new OktaConfigError(app.node.path, [{ what: `${type} has no authentication policy`, value: type, fix: "assign authentication policies to apps users sign in to." }]);
}

const RISK: readonly string[] = ["LOW", "MEDIUM", "HIGH"];
const PLATFORMS: readonly string[] = ["ANY", "MOBILE", "DESKTOP"];
const OS: readonly string[] = ["ANY", "IOS", "ANDROID", "WINDOWS", "MACOS", "CHROMEOS"];

function checkRule(problems: Problems, o: AuthenticationRuleOptions): void {
  if (!o.name || o.name.trim() !== o.name) problems.add("rule name must be non-empty without leading or trailing spaces", o.name, "name the rule for who it is about, e.g. Admins from the office.");
  if (o.name === CATCH_ALL_RULE) problems.add(`"${CATCH_ALL_RULE}" is the name of Okta's own last rule`, o.name, "name the rule otherwise; set the policy's catchAll for the catch-all.");
  if (o.access === "ALLOW") {
    if (!o.assurance) problems.add("an ALLOW rule needs an assurance", o.assurance, "set assurance, e.g. ASSURANCE.passwordAndPossession.");
    else checkAssurance(problems, "assurance", o.assurance);
  } else if (o.access === "DENY") {
    if ((o as { assurance?: unknown }).assurance !== undefined) problems.add("a DENY rule asks for no factors", (o as { assurance?: unknown }).assurance, "drop assurance, or make the rule ALLOW.");
  } else {
    problems.add('access must be "ALLOW" or "DENY"', (o as { access?: unknown }).access, 'write "ALLOW" with an assurance, or "DENY".');
  }
  const both = (o.groups ?? []).filter((g) => (o.groupsExcluded ?? []).some((x) => x.groupName === g.groupName));
  if (both.length) problems.add("a group is both included and excluded, so the rule never matches its members", both.map((g) => g.groupName), "list the group in groups or in groupsExcluded, not both.");
  if (o.zones && !(("in" in o.zones && o.zones.in.length) || ("notIn" in o.zones && o.zones.notIn.length))) {
    problems.add("zones names no zone", o.zones, "list zones in zones.in or zones.notIn, or drop zones for any network.");
  }
  if (o.userTypes && !(("in" in o.userTypes && o.userTypes.in.length) || ("notIn" in o.userTypes && o.userTypes.notIn.length))) {
    problems.add("userTypes names no user type", o.userTypes, "list user types in userTypes.in or userTypes.notIn, or drop userTypes for any user type.");
  }
  if (o.device !== undefined && o.device !== "registered" && o.device !== "managed") problems.add('device must be "registered" or "managed"', o.device, 'write "managed" for devices under management, "registered" for Okta Verify, or leave device out.');
  if (o.risk !== undefined && !RISK.includes(o.risk)) problems.add("risk is not a level Okta knows", o.risk, 'use "LOW", "MEDIUM" or "HIGH", or leave risk out.');
  (o.platforms ?? []).forEach((p, i) => {
    if (!PLATFORMS.includes(p.type)) problems.add(`platforms[${i}].type is not one Okta knows`, p.type, `use one of ${PLATFORMS.join(", ")}.`);
    if (p.os !== undefined && !OS.includes(p.os)) problems.add(`platforms[${i}].os is not one this project supports`, p.os, `use one of ${OS.join(", ")} (OTHER drifts forever: Okta does not return its expression).`);
  });
}
