import { durationSeconds, strengthOf } from "../../constructs/assurance";
import { signOnModelOf, SignOnModel, SignOnPolicy } from "../../review/sign-on-model";
import { Block } from "../../review/stack-json";
import { ResourceView, Rule, RuleContext, levels } from "../types";

/** App types users sign in to, whose authentication policy matters. */
export const SIGN_IN_APPS = ["okta_app_oauth", "okta_app_saml", "okta_app_swa", "okta_app_auto_login", "okta_app_bookmark"];
const SIGNON_POLICY = "okta_app_signon_policy";
const SIGNON_RULE = "okta_app_signon_policy_rule";
/** Longest re-authentication period a sensitive app may have: a working day. */
export const MAX_SENSITIVE_REAUTH_SECONDS = 12 * 3600;

const models = new WeakMap<RuleContext, SignOnModel>();

/** The stack's sign-on model (review/sign-on-model.ts), built once per guardrail run. */
function modelOf(ctx: RuleContext): SignOnModel {
  let model = models.get(ctx);
  if (!model) {
    const blocks = new Map<string, Block>(ctx.resources.map((r) => [`${r.type}.${r.id}`, { address: `${r.type}.${r.id}`, type: r.type, id: r.id, path: r.path, attrs: r.attrs as Record<string, unknown> }]));
    model = signOnModelOf(blocks);
    models.set(ctx, model);
  }
  return model;
}

function policyOfApp(address: string, ctx: RuleContext): SignOnPolicy | undefined {
  const p = modelOf(ctx).appPolicy.get(address);
  return p ? modelOf(ctx).policies.get(p) : undefined;
}

/** A sensitive app's policy, with why the app is sensitive; undefined for any other app. */
function sensitivePolicy(r: ResourceView, ctx: RuleContext): { reason: string; policy: SignOnPolicy } | undefined {
  const reason = ctx.sensitiveApps?.get(r.path);
  const policy = reason ? policyOfApp(`${r.type}.${r.id}`, ctx) : undefined;
  return reason && policy ? { reason, policy } : undefined;
}

export const OKTA_19: Rule = {
  id: "OKTA-19",
  title: "Every app declares its authentication policy",
  why: "An app without one is put on whatever policy the org assigns by default (provider 6.12 lists ACCESS_POLICY policies and assigns the system one on every update), so its MFA requirement is a console setting nobody reviews.",
  fix: "Set defaultAuthenticationPolicy for the environment, or authenticationPolicy on the app (a key of authenticationPolicies).",
  source: "Okta authentication policies (help.okta.com, about-app-sign-on-policies); provider app_authentication_policy.go",
  // A warning while the stack declares no policy at all (an org just imported, adopting step
  // by step); once it declares one, an app left out is an error outside dev.
  levels: levels("warning", "warning", "warning"),
  appliesTo: SIGN_IN_APPS,
  check: (r, ctx) => {
    const model = modelOf(ctx);
    const address = `${r.type}.${r.id}`;
    if (!model.appPolicy.has(address) || model.appPolicy.get(address) !== undefined) return [];
    const declares = model.policies.size > 0;
    return [{ detail: `the app names no authentication policy${declares ? " though this stack declares some" : " (this stack declares none yet)"}`, level: declares && ctx.environment !== "dev" ? "error" : undefined }];
  },
};

export const OKTA_20: Rule = {
  id: "OKTA-20",
  title: "Sign-in asks for more than one factor",
  why: "A rule that allows one factor lets a phished or reused password in on its own.",
  fix: 'Use factorMode "2FA" (e.g. ASSURANCE.passwordAndPossession); keep 1FA to dev.',
  source: "NIST SP 800-63B AAL2; Okta preset policies (about-preset-auth-policies)",
  levels: levels("info", "warning", "error"),
  appliesTo: [SIGNON_RULE],
  check: (r) => (r.attrs.access !== "DENY" && r.attrs.factor_mode === "1FA" ? [{ detail: `rule "${String(r.attrs.name)}" allows a single factor` }] : []),
};

export const OKTA_21: Rule = {
  id: "OKTA-21",
  title: "The catch-all rule denies",
  why: "Okta creates every policy's catch-all as ALLOW for everyone (with two factors): anyone no rule names is let in, and the catch-all's actions are not in this config.",
  fix: 'Leave catchAll at "DENY" and write the last way in as a rule of its own.',
  source: "okta provider #1749, #1251; Okta policy-rule-prioritization guide",
  levels: levels("info", "warning", "error"),
  appliesTo: [SIGNON_POLICY],
  check: (r) => (r.attrs.catch_all !== false ? [{ detail: `policy "${String(r.attrs.name)}" lets everyone no rule matches in (catch_all is ${JSON.stringify(r.attrs.catch_all ?? "unset")})` }] : []),
};

export const OKTA_22: Rule = {
  id: "OKTA-22",
  title: "Sensitive apps ask for a phishing-resistant factor",
  why: "A one-time code or push can be relayed by a phishing proxy; FIDO2/WebAuthn and Okta FastPass cannot. Sensitive apps (a sensitive tier's, or marked sensitive) need it in prod.",
  fix: "Use ASSURANCE.phishingResistant (or phishingResistantHardware) on every ALLOW rule of the app's policy.",
  source: "Okta phishing-resistant authentication; NIST SP 800-63B AAL3; CISA phishing-resistant MFA",
  levels: levels("info", "info", "error"),
  appliesTo: SIGN_IN_APPS,
  check: (r, ctx) => {
    const { reason, policy } = sensitivePolicy(r, ctx) ?? {};
    if (!reason || !policy) return [];
    const weak = policy.rules.filter((x) => x.access === "ALLOW" && x.assurance && strengthOf(x.assurance).possession < 2);
    return weak.length ? [{ detail: `the app is sensitive (${reason}) but policy "${policy.name}" lets users in without a phishing-resistant factor (${weak.map((x) => `"${x.name}"`).join(", ")})` }] : [];
  },
};

export const OKTA_23: Rule = {
  id: "OKTA-23",
  title: "Sensitive apps re-authenticate within a working day",
  why: "A period of once per session (PT43800H) or days keeps a stolen session good for as long as it lives.",
  fix: 'Set the rule\'s reauthenticateIn to 12 hours or less (e.g. "PT1H").',
  source: "NIST SP 800-63B §4.2.3 (AAL2 reauthentication within 12 hours)",
  levels: levels("info", "info", "error"),
  appliesTo: SIGN_IN_APPS,
  check: (r, ctx) => {
    const { reason, policy } = sensitivePolicy(r, ctx) ?? {};
    if (!reason || !policy) return [];
    const long = policy.rules.filter((x) => x.access === "ALLOW" && x.assurance && (durationSeconds(x.assurance.reauthenticateIn) ?? Infinity) > MAX_SENSITIVE_REAUTH_SECONDS);
    return long.length ? [{ detail: `the app is sensitive (${reason}) but policy "${policy.name}" re-authenticates after ${long.map((x) => `${x.assurance!.reauthenticateIn} ("${x.name}")`).join(", ")}` }] : [];
  },
};

export const OKTA_24: Rule = {
  id: "OKTA-24",
  title: "Rules name zones that exist",
  why: "A zone id that is not a zone of this stack may be deleted or changed by anyone, and a rule whose zone is gone no longer restricts where users sign in from.",
  fix: "Declare the zone in networkZones and name it in the rule's zones.",
  source: "okta provider okta_network_zone, okta_app_signon_policy_rule network_includes/network_excludes",
  levels: levels("error", "error", "error"),
  appliesTo: [SIGNON_POLICY],
  check: (r, ctx) => {
    const policy = modelOf(ctx).policies.get(`${r.type}.${r.id}`);
    return (policy?.unknownZones ?? []).map((u) => ({ detail: `rule "${u.rule}" names zone ${JSON.stringify(u.zone)}, which is not a network zone of this stack` }));
  },
};
