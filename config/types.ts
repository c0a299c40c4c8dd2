import { EnvironmentName } from "../constructs/environment";
import { Suppression } from "../guardrails/suppressions";
import { ApiCenterAuthServerProps } from "../constructs/api-center-auth-server";
import { AuthorizationServerProps } from "../constructs/authorization-server";
import { NativeAppProps } from "../constructs/native-app";
import { ServiceAppProps } from "../constructs/service-app";
import { SpaAppProps } from "../constructs/spa-app";
import { WebAppProps } from "../constructs/web-app";
import { SamlAppProps } from "../constructs/saml-app";
import { OinAppProps } from "../constructs/oin-app";
import { SwaAppProps } from "../constructs/swa-app";
import { BookmarkAppProps } from "../constructs/bookmark-app";
import { PublicJwk } from "../constructs/oauth-app";
import { Assurance } from "../constructs/assurance";
import { DeviceCondition, PlatformCondition, RiskLevel } from "../constructs/authentication-policy";
import { NetworkZoneProps } from "../constructs/network-zone";

/**
 * Who may sign in to an app, in config: "everyone", or group names (a tier's subscriber
 * group such as "silverSubscribers", or a group declared in `groups`).
 */
export type AssignmentConfig = "everyone" | readonly string[];

/** Fields every app config has. `id` is the construct id: changing it replaces the app (new client id). */
interface AppConfigBase {
  readonly id: string;
  /** The team that owns the app (shown in the access view and review; set by its team file). @default - none */
  readonly owner?: string;
  /** Reasoned exceptions to guardrail rules for this app. @default - none */
  readonly suppressions?: readonly Suppression[];
  /**
   * The authentication policy users sign in to this app under: a key of
   * `authenticationPolicies`. Not for service apps (no user signs in).
   * @default - the environment's defaultAuthenticationPolicy
   */
  readonly authenticationPolicy?: string;
  /**
   * The Okta id of a policy this config does not manage (one the import left in Okta, such as
   * the org's "Any two factors"): the app stays on it. Not with authenticationPolicy.
   * @default - none
   */
  readonly authenticationPolicyId?: string;
  /**
   * The app guards something sensitive: in prod its policy must ask for phishing-resistant
   * factors and re-authenticate (guardrail OKTA-22). Apps assigned to a sensitive tier's group are
   * sensitive without it.
   * @default false
   */
  readonly sensitive?: boolean;
}

/**
 * An API (custom authorization server) of the org that apps can call: "apiCenter" (seed 002),
 * or a key of `apis`.
 */
export type ApiName = string;

/** One API of the org: its authorization server, audience, tiers, claims and lifetimes. */
export type ApiConfig = AuthorizationServerProps & {
  /**
   * The team that owns the API (the review and access view show it on its resources).
   * @default - the team whose file declares it; none for APIs in an environment file
   */
  readonly owner?: string;
};

/** Fields of user-facing OIDC apps: who may sign in, and where. */
interface UserAppConfig {
  readonly assignTo: AssignmentConfig;
  /**
   * The API the app calls: it signs in at that API's authorization server, to get tokens for
   * it, and is in that server's user policy. Without one the app signs in at the org
   * authorization server (seed 000's portal needs no custom server). One API per app: a token
   * has one audience; an app that calls two APIs is two apps.
   * @default - none: the org authorization server
   */
  readonly apis?: readonly ApiName[];
}

export type SpaAppConfig = AppConfigBase & Omit<SpaAppProps, "assignTo"> & UserAppConfig & { readonly kind: "spa" };
export type WebAppConfig = AppConfigBase & Omit<WebAppProps, "assignTo"> & UserAppConfig & { readonly kind: "web" };
export type NativeAppConfig = AppConfigBase & Omit<NativeAppProps, "assignTo"> & UserAppConfig & { readonly kind: "native" };
export type ServiceAppConfig = AppConfigBase &
  Omit<ServiceAppProps, "scopes"> & {
    readonly kind: "service";
    /** API Center tiers whose scopes the service requests with client credentials. @default - none */
    readonly tiers?: readonly string[];
    /**
     * Order of the service's own access policy among API Center's service policies (1..n,
     * no gaps; each service app has a policy of its own so none can request another's scopes).
     * Required with tiers.
     * @default - none
     */
    readonly rulePriority?: number;
    /**
     * Scopes from other APIs (keys of `apis`): per API, its tiers and the order of this
     * service's own policy among that API's service policies.
     * @default - none
     */
    readonly scopesFrom?: Readonly<Record<string, { readonly tiers: readonly string[]; readonly priority: number }>>;
  };

/** Non-OIDC integrations (seed 004): assigned by group name like the OIDC apps. */
export type SamlAppConfig = AppConfigBase & Omit<SamlAppProps, "assignTo"> & { readonly kind: "saml"; readonly assignTo: AssignmentConfig };
export type OinAppConfig = AppConfigBase & Omit<OinAppProps, "assignTo"> & { readonly kind: "oin"; readonly assignTo: AssignmentConfig };
export type SwaAppConfig = AppConfigBase & Omit<SwaAppProps, "assignTo"> & { readonly kind: "swa"; readonly assignTo: AssignmentConfig };
export type BookmarkAppConfig = AppConfigBase & Omit<BookmarkAppProps, "assignTo"> & { readonly kind: "bookmark"; readonly assignTo: AssignmentConfig };

export type OAuthAppConfig = SpaAppConfig | WebAppConfig | NativeAppConfig | ServiceAppConfig;
export type IntegrationConfig = SamlAppConfig | OinAppConfig | SwaAppConfig | BookmarkAppConfig;
export type AppConfig = OAuthAppConfig | IntegrationConfig;

/** A network zone, by name: rules of authentication policies name it in `zones`. */
export type NetworkZoneConfig = NetworkZoneProps & {
  /** @default - the declaring team */
  readonly owner?: string;
  /**
   * This entry's part of its construct id (`Zone-<id>`), which names its Terraform resource.
   * Set it when two names would give the same id (construct ids keep letters, digits, _ and -
   * only, so "Eng Team" and "Eng-Team" both give Eng-Team), or to rename the object in Okta
   * without replacing it (keep the id the old name gave). Changing it replaces the object.
   * @default - the name, each run of other characters as one -
   */
  readonly id?: string;
};

interface AuthenticationRuleConfigBase {
  /** Unique in the policy; not "Catch-all Rule". */
  readonly name: string;
  /**
   * This rule's part of its construct id (`Rule-<id>`). Set it when two rule names of the policy
   * would give the same id ("Office only", "Office-only"), or to rename the rule in Okta without
   * replacing it. Changing it replaces the rule.
   * @default - the name, each run of characters other than letters, digits, _ and - as one -
   */
  readonly id?: string;
  /** Evaluation order, 1 first; a policy's rules run 1..n without gaps. */
  readonly priority: number;
  /** Group names whose members the rule applies to. @default - everyone */
  readonly groups?: readonly string[];
  /** Group names whose members the rule never applies to. @default - none */
  readonly groupsExcluded?: readonly string[];
  /** Zone names (of `networkZones`): requests from inside any of `in`, or from none of `notIn`. @default - any network */
  readonly zones?: { readonly in: readonly string[] } | { readonly notIn: readonly string[] };
  /**
   * User type names (Okta's `name`, e.g. "contractor"; every user without another type is "user"):
   * users of any of `in`, or of none of `notIn`. The types must exist in the org (they are looked up, not managed).
   * @default - any user type
   */
  readonly userTypes?: { readonly in: readonly string[] } | { readonly notIn: readonly string[] };
  /** @default - any device */
  readonly device?: DeviceCondition;
  /** @default - any platform */
  readonly platforms?: readonly PlatformCondition[];
  /** @default - any risk */
  readonly risk?: RiskLevel;
}

/** One rule of an authentication policy: ALLOW with an assurance (see ASSURANCE presets), or DENY. */
export type AuthenticationRuleConfig =
  | (AuthenticationRuleConfigBase & { readonly access: "ALLOW"; readonly assurance: Assurance })
  | (AuthenticationRuleConfigBase & { readonly access: "DENY" });

/** An authentication (app sign-on) policy: rules by priority, then the catch-all. */
export interface AuthenticationPolicyConfig {
  /** The policy's name in Okta. */
  readonly name: string;
  /** @default "Managed by okta-as-code" */
  readonly description?: string;
  /** What the catch-all does for users no rule matches; applied by Okta when the policy is created. @default "DENY" */
  readonly catchAll?: "DENY" | "ALLOW";
  readonly rules: readonly AuthenticationRuleConfig[];
  /** @default - the declaring team */
  readonly owner?: string;
}

/**
 * Terraform's own identity in this org (seed 004): the API Services app the main stack's
 * provider authenticates as, created by the okta-bootstrap-<env> stack.
 */
export interface BootstrapConfig {
  /**
   * Public keys of Terraform's deploy identity (private_key_jwt). The private key never
   * enters the repo: it lives in the okta-<env> deploy environment's secret store as
   * OKTA_API_PRIVATE_KEY.
   */
  readonly jwks: readonly PublicJwk[];
  /**
   * Public keys of Terraform's read-only plan identity: only `.read` scopes and
   * READ_ONLY_ADMIN, for plans of pull requests. Its private key lives in the okta-<env>-plan
   * environment; it must be a different key from the deploy identity's.
   */
  readonly planJwks: readonly PublicJwk[];
  /** @default "Terraform (okta-<env>)" */
  readonly label?: string;
  /**
   * Objects of this stack that already exist in Okta (privileged service apps, their okta.*
   * grants and admin roles), adopted on the bootstrap deploy: address → import id, as
   * OrgConfig.imports. Written by `npm run import`.
   * @default - none: every resource is created
   */
  readonly imports?: Readonly<Record<string, string>>;
  /**
   * Where the bootstrap state lives; kept apart from the main state.
   * @default - the main backend, with the state named for okta-bootstrap-<env>
   */
  readonly backend?: BackendConfig;
}

/**
 * Okta provider settings that are not credentials. Credentials come only from the
 * environment (OKTA_ORG_NAME, OKTA_BASE_URL, OKTA_API_TOKEN or OKTA_API_CLIENT_ID,
 * OKTA_API_PRIVATE_KEY_ID, OKTA_API_PRIVATE_KEY, OKTA_API_SCOPES).
 */
export interface ProviderSettings {
  /**
   * Percentage (1–100) of the org's API rate limit Terraform may use, leaving the rest to
   * the org's real traffic.
   * @default 50
   */
  readonly maxApiCapacity?: number;
  /**
   * Back off and retry on HTTP 429.
   * @default true
   */
  readonly backoff?: boolean;
  /** @default 30 */
  readonly minWaitSeconds?: number;
  /** @default 300 */
  readonly maxWaitSeconds?: number;
  /**
   * Retries on 429 (at most 100).
   * @default 5
   */
  readonly maxRetries?: number;
  /**
   * Seconds per request (0–300, 0 = none).
   * @default 0
   */
  readonly requestTimeout?: number;
}

/** Where Terraform keeps this environment's state. One state per environment. */
export type BackendConfig =
  | { readonly type: "local"; /** @default terraform.<stack>.tfstate in the project root */ readonly path?: string }
  | {
      readonly type: "s3";
      readonly bucket: string;
      readonly key: string;
      readonly region: string;
      /** S3-native state locking (Terraform ≥ 1.10). @default true */
      readonly useLockfile?: boolean;
      /** Legacy DynamoDB lock table, if you still use one. @default - none */
      readonly dynamodbTable?: string;
    }
  | { readonly type: "cloud"; readonly organization: string; readonly workspace: string; /** @default app.terraform.io */ readonly hostname?: string };

/** One environment's Okta org. */
/** A group apps can be assigned to, by name. */
export interface GroupConfig {
  readonly name: string;
  /** @default - "Managed by okta-as-code" */
  readonly description?: string;
  /** @default - the declaring team */
  readonly owner?: string;
  /**
   * This entry's part of its construct id (`Group-<id>`), which names its Terraform resource.
   * Set it when two names would give the same id (construct ids keep letters, digits, _ and -
   * only, so "Eng Team" and "Eng-Team" both give Eng-Team), or to rename the object in Okta
   * without replacing it (keep the id the old name gave). Changing it replaces the object.
   * @default - the name, each run of other characters as one -
   */
  readonly id?: string;
}

/** A group rule: Okta fills `group` with the users whose profile matches `expression`. */
export interface GroupRuleConfig {
  readonly name: string;
  readonly group: string;
  readonly expression: string;
  /** @default - the declaring team */
  readonly owner?: string;
  /**
   * This entry's part of its construct id (`GroupRule-<id>`), which names its Terraform resource.
   * Set it when two names would give the same id (construct ids keep letters, digits, _ and -
   * only, so "Eng Team" and "Eng-Team" both give Eng-Team), or to rename the object in Okta
   * without replacing it (keep the id the old name gave). Changing it replaces the object.
   * @default - the name, each run of other characters as one -
   */
  readonly id?: string;
}

export interface OrgConfig {
  readonly environment: EnvironmentName;
  /** @default - provider defaults listed in ProviderSettings */
  readonly provider?: ProviderSettings;
  /** @default { type: "local" } */
  readonly backend?: BackendConfig;
  /**
   * The API Center authorization server (seed 002). An org without one (e.g. an imported org
   * whose APIs are all in `apis`) leaves it out.
   * @default - no API Center server
   */
  readonly apiCenter?: Omit<ApiCenterAuthServerProps, "audience"> & { readonly audience: string };
  /** More APIs, each its own authorization server, by id (apps name them in `apis`). @default - none */
  readonly apis?: Readonly<Record<string, ApiConfig>>;
  /**
   * Group rules: Okta fills a group with the users whose profile matches an expression
   * (okta_group_rule), e.g. `{ name: "Finance department", group: "financeTeam",
   * expression: 'user.department == "Finance"' }`.
   * @default - none
   */
  readonly groupRules?: readonly GroupRuleConfig[];
  /** Network zones authentication policy rules name. @default - none */
  readonly networkZones?: readonly NetworkZoneConfig[];
  /** Authentication policies by key; apps name them in `authenticationPolicy`. @default - none */
  readonly authenticationPolicies?: Readonly<Record<string, AuthenticationPolicyConfig>>;
  /**
   * The policy of every app that names none: a key of `authenticationPolicies`. Without it, an
   * app that names none is left on whatever policy the org assigns by default (guardrail OKTA-19).
   * @default - none
   */
  readonly defaultAuthenticationPolicy?: string;
  /** Extra groups apps can be assigned to, by name. @default - none */
  readonly groups?: readonly GroupConfig[];
  readonly apps: readonly AppConfig[];
  /** Terraform's own identity: the okta-bootstrap-<env> stack. */
  readonly bootstrap: BootstrapConfig;
  /** Reasoned exceptions to guardrail rules for the whole stack. @default - none */
  readonly suppressions?: readonly Suppression[];
  /**
   * Objects that already exist in Okta, adopted on the next deploy instead of created: a
   * Terraform resource address of this stack → the id the okta provider imports it by (e.g.
   * `okta_auth_server_policy_rule.x` → `<server id>/<policy id>/<rule id>`). Written by
   * `npm run import`; once a deploy has imported them, they may be deleted (Terraform skips
   * an import of a resource already in state).
   * @default - none: every resource is created
   */
  readonly imports?: Readonly<Record<string, string>>;
}
