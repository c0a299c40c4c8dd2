import { escapeTemplate } from "./template";
import { Problems, isToken } from "./validation";
import { looksLikeSecretSetting } from "./secrets";
import { ownEntry } from "./own-entry";

/**
 * How a catalog app signs users in, which decides the Terraform resource:
 * SAML_2_0 → okta_app_saml, AUTO_LOGIN → okta_app_auto_login (form-based, no plug-in),
 * BROWSER_PLUGIN → okta_app_swa (form-based through Okta's browser plug-in).
 */
export type OinSignOnMode = "SAML_2_0" | "AUTO_LOGIN" | "BROWSER_PLUGIN";

/**
 * Settings of the OIN "Amazon Web Services" app (`amazon_aws`), as the okta provider's
 * okta_app_saml_app_settings example documents them.
 */
export interface AmazonAwsSettings {
  /** Which AWS partition, e.g. `aws.amazon` (commercial) or `aws.amazon.gov`. */
  readonly awsEnvironmentType: "aws.amazon" | "aws.amazon.gov" | "aws.amazon.cn";
  /** Console URL users land on after sign-in. @default - the AWS console home */
  readonly loginURL?: string;
  /** Session length in seconds; AWS accepts 900–43200. @default 3600 (AWS's default) */
  readonly sessionDuration?: number;
  /** Map Okta groups to AWS roles by name. @default false */
  readonly useGroupMapping?: boolean;
  /** Send every role the user has, instead of letting them choose. @default false */
  readonly joinAllRoles?: boolean;
  /** Okta group-name pattern with `{{accountid}}` and `{{role}}` captures (group mapping). @default - none */
  readonly groupFilter?: string;
  /** Where the groups come from (`okta` or a directory). @default - none */
  readonly appFilter?: string;
  /** ARN pattern built from the captures. @default - none */
  readonly roleValuePattern?: string;
}

/** Settings of the OIN "PagerDuty" app (`pagerduty`), as the okta provider's example documents them. */
export interface PagerDutySettings {
  /** Your PagerDuty subdomain: `acme` for acme.pagerduty.com. */
  readonly subdomain: string;
}

/**
 * An entry of the Okta Integration Network catalog: one of the apps whose settings we know
 * (typed, checked at synth), or any other catalog key with its sign-on mode and settings as a
 * plain object (passed to Okta unchecked: consult the app's OIN page for its settings).
 */
export type OinCatalogEntry = (
  | { readonly app: "amazon_aws"; readonly settings: AmazonAwsSettings }
  | { readonly app: "pagerduty"; readonly settings: PagerDutySettings }
  | { readonly app: string; readonly signOnMode: OinSignOnMode; readonly settings?: Readonly<Record<string, unknown>> }
) & {
  /**
   * Settings that are credentials (an API token, a secret key): setting → the name of a
   * Terraform variable the deploy supplies (`TF_VAR_<name>`, a secret of the deploy
   * environment). The value never enters config, the synthesized JSON or a report.
   * @default - none
   */
  readonly secretSettings?: Readonly<Record<string, string>>;
};

interface KnownApp {
  readonly signOnMode: OinSignOnMode;
  readonly check: (problems: Problems, settings: Record<string, unknown>) => void;
}

/** The catalog apps whose settings are typed and checked. */
export const KNOWN_OIN_APPS: Readonly<Record<string, KnownApp>> = {
  amazon_aws: {
    signOnMode: "SAML_2_0",
    check: (problems, s) => {
      const duration = s.sessionDuration;
      if (duration !== undefined && !isToken(duration) && (typeof duration !== "number" || !Number.isInteger(duration) || duration < 900 || duration > 43200)) {
        problems.add("amazon_aws sessionDuration must be 900–43200 seconds (AWS's limits)", duration, "pick a session length between 15 minutes and 12 hours.");
      }
      if (typeof s.loginURL === "string" && !isToken(s.loginURL) && !s.loginURL.startsWith("https://")) {
        problems.add("amazon_aws loginURL must be an https URL", s.loginURL, "use e.g. https://console.aws.amazon.com/.");
      }
      if (s.useGroupMapping === true && (!s.groupFilter || !s.roleValuePattern)) {
        problems.add("amazon_aws useGroupMapping needs groupFilter and roleValuePattern", { groupFilter: s.groupFilter, roleValuePattern: s.roleValuePattern }, "set both, or turn group mapping off.");
      }
    },
  },
  pagerduty: {
    signOnMode: "SAML_2_0",
    check: (problems, s) => {
      if (typeof s.subdomain !== "string" || !/^[a-z0-9][a-z0-9-]*$/i.test(s.subdomain)) {
        problems.add("pagerduty subdomain must be the bare subdomain", s.subdomain, 'write "acme" for acme.pagerduty.com (no scheme, no dots).');
      }
    },
  },
};

/** The sign-on mode and settings of an entry, with its problems reported. */
export function resolveCatalogEntry(problems: Problems, entry: OinCatalogEntry): { signOnMode: OinSignOnMode; settings?: Record<string, unknown> } {
  const known = ownEntry(KNOWN_OIN_APPS, entry.app);
  const settings = entry.settings as Record<string, unknown> | undefined;
  // Secrets never go into config: a credential-looking setting belongs in secretSettings.
  for (const [key, value] of Object.entries(settings ?? {})) {
    if (looksLikeSecretSetting(key, value)) {
      problems.add(`catalog setting ${key} looks like a credential, and secrets never go into config`, "(not shown)", `move it to secretSettings: { ${key}: "${entry.app}_${key.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase()}" } and give the deploy TF_VAR_ of that name as a secret.`);
    }
  }
  for (const [key, name] of Object.entries(entry.secretSettings ?? {})) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) problems.add(`secretSettings.${key} must name a Terraform variable (lower case, digits, _)`, name, "write e.g. pagerduty_api_token.");
    if (settings && Object.hasOwn(settings, key)) problems.add(`setting ${key} is both a plain and a secret setting`, key, "keep it in secretSettings only.");
  }
  if (!entry.app || !/^[a-z0-9_]+$/.test(entry.app)) {
    problems.add("catalog app key is not an OIN app key", entry.app, "use the key from the app's OIN page, e.g. amazon_aws or pagerduty.");
  }
  if (known) {
    if ("signOnMode" in entry && entry.signOnMode !== known.signOnMode) {
      problems.add(`${entry.app} signs in with ${known.signOnMode}`, entry.signOnMode, "drop signOnMode: it is known for this app.");
    }
    known.check(problems, settings ?? {});
    return { signOnMode: known.signOnMode, settings };
  }
  const signOnMode = (entry as { signOnMode?: OinSignOnMode }).signOnMode;
  if (signOnMode !== "SAML_2_0" && signOnMode !== "AUTO_LOGIN" && signOnMode !== "BROWSER_PLUGIN") {
    problems.add("catalog app needs its sign-on mode", signOnMode, 'set signOnMode to "SAML_2_0", "AUTO_LOGIN" or "BROWSER_PLUGIN", as its OIN page lists.');
    return { signOnMode: "SAML_2_0", settings };
  }
  if (signOnMode === "BROWSER_PLUGIN") {
    // resource_okta_app_swa.go: with preconfigured_app set, the provider always creates the
    // app with sign-on mode AUTO_LOGIN, so a BROWSER_PLUGIN catalog app cannot be expressed.
    problems.add(
      "a BROWSER_PLUGIN catalog app cannot be created by the okta provider: with preconfigured_app it always creates AUTO_LOGIN",
      signOnMode,
      'use signOnMode "AUTO_LOGIN" if the catalog app supports it, add the app in the Admin Console (Browse App Catalog), or use a custom SwaApp (kind "swa") for its sign-in page.',
    );
  }
  return { signOnMode, settings };
}

/**
 * app_settings_json with keys sorted, so a reordered config object is not a diff, and Okta's
 * `${…}` placeholders escaped (AWS's roleValuePattern `arn:aws:iam::${accountid}:…`):
 * Terraform would read them as interpolations.
 */
export function settingsJson(settings: Record<string, unknown> | undefined, secrets: Readonly<Record<string, string>> = {}): string | undefined {
  if (settings === undefined && !Object.keys(secrets).length) return undefined;
  // A secret is spliced in as Terraform's jsonencode of its variable, after the literal parts
  // are escaped: Terraform writes the value, JSON-quoted, and nothing else is evaluated.
  const placeholder = (name: string) => `\u0000secret:${name}\u0000`;
  const all: Record<string, unknown> = { ...(settings ?? {}), ...Object.fromEntries(Object.entries(secrets).map(([k, name]) => [k, placeholder(name)])) };
  let text = escapeTemplate(JSON.stringify(Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]))));
  for (const name of Object.values(secrets)) text = text.replace(JSON.stringify(placeholder(name)), () => `\${jsonencode(var.${name})}`);
  return text;
}
