/**
 * The parts of Okta's management API objects the import reads (shapes as Okta answers them:
 * see test-support/okta-recordings). Every field is optional: an org may answer less.
 */

export interface OktaApp {
  readonly id: string;
  readonly _links?: OktaAppLinks;
  readonly name?: string;
  readonly label?: string;
  readonly status?: string;
  readonly signOnMode?: string;
  readonly credentials?: {
    readonly oauthClient?: { readonly client_id?: string; readonly token_endpoint_auth_method?: string; readonly pkce_required?: boolean };
  };
  readonly settings?: {
    readonly app?: Readonly<Record<string, unknown>>;
    readonly oauthClient?: {
      readonly redirect_uris?: readonly string[];
      readonly post_logout_redirect_uris?: readonly string[];
      readonly response_types?: readonly string[];
      readonly grant_types?: readonly string[];
      readonly application_type?: string;
      readonly initiate_login_uri?: string;
      readonly wildcard_redirect?: string;
      readonly jwks_uri?: string;
      readonly jwks?: { readonly keys?: readonly Record<string, unknown>[] };
      readonly refresh_token?: { readonly rotation_type?: string; readonly leeway?: number };
      readonly idp_initiated_login?: { readonly mode?: string };
    };
    readonly signOn?: {
      readonly ssoAcsUrl?: string;
      readonly recipient?: string;
      readonly destination?: string;
      readonly audience?: string;
      readonly subjectNameIdTemplate?: string;
      readonly subjectNameIdFormat?: string;
      readonly responseSigned?: boolean;
      readonly assertionSigned?: boolean;
      readonly signatureAlgorithm?: string;
      readonly digestAlgorithm?: string;
      readonly slo?: { readonly enabled?: boolean; readonly issuer?: string; readonly logoutUrl?: string };
      readonly spIssuer?: string | null;
      /** The SP's public certificate (signs its logout requests): base64 DER, possibly wrapped. */
      readonly spCertificate?: { readonly x5c?: readonly string[] } | null;
      readonly attributeStatements?: readonly {
        readonly type?: string;
        readonly name?: string;
        readonly namespace?: string;
        readonly values?: readonly string[];
        readonly filterType?: string;
        readonly filterValue?: string;
      }[];
      readonly inlineHooks?: readonly unknown[];
      /** With allowMultipleAcsEndpoints: the SP's ACS URLs by index. */
      readonly acsEndpoints?: readonly { readonly url?: string; readonly index?: number }[];
      readonly allowMultipleAcsEndpoints?: boolean;
    };
  };
}

/** Where an app's authentication policy is: `_links.accessPolicy.href` ends in the policy id. */
export interface OktaAppLinks {
  readonly accessPolicy?: { readonly href?: string };
}

export interface OktaAppGroup {
  readonly id: string;
  readonly priority?: number;
}

export interface OktaGroupObject {
  readonly id: string;
  readonly type?: string;
  readonly profile?: { readonly name?: string; readonly description?: string | null };
}

export interface OktaGroupRule {
  readonly id: string;
  readonly name?: string;
  readonly status?: string;
  readonly conditions?: {
    readonly expression?: { readonly value?: string; readonly type?: string };
    readonly people?: { readonly users?: { readonly exclude?: readonly string[] }; readonly groups?: { readonly exclude?: readonly string[] } };
  };
  readonly actions?: { readonly assignUserToGroups?: { readonly groupIds?: readonly string[] } };
}

export interface OktaAuthServer {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly audiences?: readonly string[];
  readonly issuerMode?: string;
  readonly status?: string;
  readonly default?: boolean;
}

export interface OktaScope {
  readonly id: string;
  readonly name?: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly system?: boolean;
  readonly consent?: string;
  readonly metadataPublish?: string;
  readonly default?: boolean;
}

export interface OktaClaim {
  readonly id: string;
  readonly name?: string;
  readonly status?: string;
  readonly claimType?: string;
  readonly valueType?: string;
  readonly value?: string;
  readonly group_filter_type?: string;
  readonly system?: boolean;
  readonly alwaysIncludeInToken?: boolean;
  readonly conditions?: { readonly scopes?: readonly string[] };
}

export interface OktaPolicy {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly priority?: number;
  readonly status?: string;
  readonly system?: boolean;
  readonly conditions?: { readonly clients?: { readonly include?: readonly string[] } };
}

export interface OktaPolicyRule {
  readonly id: string;
  readonly name?: string;
  readonly priority?: number;
  readonly status?: string;
  readonly system?: boolean;
  readonly conditions?: {
    readonly people?: { readonly users?: { readonly include?: readonly string[] }; readonly groups?: { readonly include?: readonly string[] } };
    readonly grantTypes?: { readonly include?: readonly string[] };
    readonly scopes?: { readonly include?: readonly string[] };
  };
  readonly actions?: {
    readonly token?: {
      readonly accessTokenLifetimeMinutes?: number;
      readonly refreshTokenLifetimeMinutes?: number;
      readonly refreshTokenWindowMinutes?: number;
      readonly inlineHook?: { readonly id?: string } | null;
    };
  };
}

export interface OktaTrustedOrigin {
  readonly id: string;
  readonly name?: string;
  readonly origin?: string;
  readonly status?: string;
  readonly scopes?: readonly { readonly type?: string }[];
}

export interface ServerSnapshot {
  readonly server: OktaAuthServer;
  readonly scopes: readonly OktaScope[];
  readonly claims: readonly OktaClaim[];
  readonly policies: readonly { readonly policy: OktaPolicy; readonly rules: readonly OktaPolicyRule[] }[];
}

/** An authentication (app sign-on) policy: GET /api/v1/policies?type=ACCESS_POLICY. */
export interface OktaAccessPolicy {
  readonly id: string;
  readonly name?: string;
  readonly description?: string | null;
  readonly status?: string;
  readonly system?: boolean;
  readonly type?: string;
}

/** A rule of one (GET /api/v1/policies/{id}/rules); shapes as recorded from an Identity Engine org. */
export interface OktaAccessRule {
  readonly id: string;
  readonly name?: string;
  readonly priority?: number;
  readonly status?: string;
  readonly system?: boolean;
  readonly conditions?: {
    readonly people?: {
      readonly users?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
      readonly groups?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
    } | null;
    readonly network?: { readonly connection?: string; readonly include?: readonly string[]; readonly exclude?: readonly string[] } | null;
    readonly device?: { readonly registered?: boolean; readonly managed?: boolean; readonly assurance?: { readonly include?: readonly string[] } } | null;
    readonly platform?: { readonly include?: readonly { readonly type?: string; readonly os?: { readonly type?: string; readonly expression?: string } }[] } | null;
    readonly riskScore?: { readonly level?: string } | null;
    readonly userType?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] } | null;
    readonly elCondition?: { readonly condition?: string } | null;
  } | null;
  readonly actions?: {
    readonly appSignOn?: {
      readonly access?: string;
      readonly verificationMethod?: {
        readonly type?: string;
        readonly factorMode?: string;
        readonly reauthenticateIn?: string;
        readonly constraints?: readonly Readonly<Record<string, unknown>>[];
      };
    };
  };
}

/** A network zone: GET /api/v1/zones. */
export interface OktaNetworkZone {
  readonly id: string;
  readonly name?: string;
  readonly type?: string;
  readonly status?: string;
  readonly usage?: string;
  readonly system?: boolean;
  readonly gateways?: readonly { readonly type?: string; readonly value?: string }[] | null;
  readonly proxies?: readonly { readonly type?: string; readonly value?: string }[] | null;
  readonly locations?: readonly { readonly country?: string; readonly region?: string | null }[] | null;
  readonly asns?: readonly string[] | null;
  readonly proxyType?: string | null;
}

/** Everything the import reads of one org. */
export interface OrgSnapshot {
  readonly apps: readonly OktaApp[];
  /** Group assignments by app id. */
  readonly appGroups: Readonly<Record<string, readonly OktaAppGroup[]>>;
  readonly groups: readonly OktaGroupObject[];
  readonly groupRules: readonly OktaGroupRule[];
  readonly authServers: readonly ServerSnapshot[];
  readonly trustedOrigins: readonly OktaTrustedOrigin[];
  /** okta.* scope grants of each service app, by app id (GET /apps/{id}/grants). */
  readonly grants: Readonly<Record<string, readonly OktaGrant[]>>;
  /** Authentication policies with their rules. @default - none read (an older snapshot) */
  readonly accessPolicies?: readonly { readonly policy: OktaAccessPolicy; readonly rules: readonly OktaAccessRule[] }[];
  /** Network zones. @default - none read */
  readonly zones?: readonly OktaNetworkZone[];
  /**
   * User types (GET /api/v1/meta/types/user), read when a rule names one; a string where they
   * could not be read, saying why. @default - none read
   */
  readonly userTypes?: readonly OktaUserType[] | string;
  /**
   * Admin roles of each service app holding okta.* grants, by app id (GET
   * /oauth2/v1/clients/{clientId}/roles); a string where they could not be read, saying why.
   * @default - none read
   */
  readonly clientRoles?: Readonly<Record<string, readonly OktaClientRole[] | string>>;
}

/** A user type (GET /api/v1/meta/types/user): rules name it by id, config by `name`. */
export interface OktaUserType {
  readonly id: string;
  readonly name?: string;
  readonly displayName?: string;
  readonly default?: boolean;
}

/** An admin role assigned to an OAuth client. */
export interface OktaClientRole {
  readonly id: string;
  readonly type?: string;
  readonly status?: string;
}

export interface OktaGrant {
  readonly id?: string;
  readonly scopeId?: string;
  readonly status?: string;
}
