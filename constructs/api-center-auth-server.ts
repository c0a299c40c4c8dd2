import { Construct } from "constructs";
import { AuthServer } from "@cdktf/provider-okta/lib/auth-server";
import { AuthServerPolicyRule } from "@cdktf/provider-okta/lib/auth-server-policy-rule";
import { AccessPolicy } from "./access-policy";
import { AccessTier, AccessTierOptions } from "./access-tier";
import { environmentOf } from "./environment";
import { OAuthApp } from "./oauth-app";
import { ServiceApp } from "./service-app";
import { ResolvedLifetimes, TokenLifetimes, resolveLifetimes } from "./token-lifetimes";
import { OktaConfigError, Problems, isToken } from "./validation";
import { OFFLINE_ACCESS, RuleGrantType } from "./vocabulary";

/**
 * Seed 002's tiers: users need `http://myapp.com/scp/silver` for `/planets` and
 * `http://myapp.com/scp/gold` for `/moons`, granted to `silverSubscribers` and
 * `goldSubscribers`.
 */
export const SEED_002_TIERS: Readonly<Record<string, AccessTierOptions>> = {
  silver: { scope: "http://myapp.com/scp/silver", groupName: "silverSubscribers", resource: "/planets", priority: 1 },
  gold: { scope: "http://myapp.com/scp/gold", groupName: "goldSubscribers", resource: "/moons", priority: 2 },
};

export interface ApiCenterAuthServerProps {
  /**
   * The server's name in Okta.
   * @default "API Center"
   */
  readonly name?: string;
  /** The audience (`aud`) of its access tokens, one per environment, e.g. `api://api-center-dev`. */
  readonly audience: string;
  /**
   * @default - "API Center authorization server (seed 002)"
   */
  readonly description?: string;
  /**
   * Access tiers by name. Adding a tier is one entry here.
   * @default SEED_002_TIERS (silver → /planets, gold → /moons)
   */
  readonly tiers?: Readonly<Record<string, AccessTierOptions>>;
  /**
   * Token lifetimes of every rule, unless a tier overrides them.
   * @default - access 60 min, refresh window 7 days, refresh lifetime 90 days
   */
  readonly tokenLifetimes?: TokenLifetimes;
}

export interface ServiceClientOptions {
  /** Priority of the client's rule in the service access policy (1..n, no gaps). */
  readonly priority: number;
}

/**
 * The custom authorization server of seed 002 (okta_auth_server). Users get a tier's scope
 * through its subscriber group; service apps get their scopes through a client_credentials
 * rule of their own. Two policies keep the two apart: "user access" holds the user-facing
 * clients and one rule per tier; "service access" holds only service clients, so no user
 * rule can ever match a machine client (and vice versa).
 */
export class ApiCenterAuthServer extends Construct {
  readonly authServer: AuthServer;
  /** Okta's id of the server. */
  readonly authServerId: string;
  /** The issuer URI tokens carry. */
  readonly issuer: string;
  readonly audience: string;
  readonly userPolicy: AccessPolicy;
  private servicePolicyInstance?: AccessPolicy;
  private readonly tierMap = new Map<string, AccessTier>();
  private readonly lifetimes: TokenLifetimes | undefined;

  constructor(scope: Construct, id: string, props: ApiCenterAuthServerProps) {
    super(scope, id);
    const problems = new Problems();
    if (!isToken(props.audience) && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(props.audience)) {
      problems.add("audience must be an absolute URI", props.audience, "use a URI such as api://api-center-dev.");
    }
    // Fail on bad lifetimes here, before anything is created.
    resolveLifetimes(problems, "tokenLifetimes", props.tokenLifetimes);
    problems.throwIfAny(this);

    this.lifetimes = props.tokenLifetimes;
    this.audience = props.audience;
    this.authServer = new AuthServer(this, "AuthServer", {
      name: props.name ?? "API Center",
      description: props.description ?? "API Center authorization server (seed 002)",
      // Okta supports exactly one audience per server.
      audiences: [props.audience],
      credentialsRotationMode: "AUTO",
      issuerMode: "ORG_URL",
      status: "ACTIVE",
      lifecycle: environmentOf(this) === "prod" ? { preventDestroy: true } : undefined,
    });
    this.authServerId = this.authServer.id;
    this.issuer = this.authServer.issuer;
    this.userPolicy = new AccessPolicy(this, "UserAccess", {
      authServerId: this.authServerId,
      name: "User access",
      description: "Tier scopes for members of each tier's subscriber group (seed 002)",
      priority: 1,
    });
    for (const [name, options] of Object.entries(props.tiers ?? SEED_002_TIERS)) {
      this.addTier(name, options);
    }
  }

  /** Adds a tier: its scope, its subscriber group and its rule in the user policy. */
  addTier(name: string, options: AccessTierOptions): AccessTier {
    const problems = new Problems();
    if (this.tierMap.has(name)) problems.add("tier is declared twice", name, "give each tier a distinct name.");
    for (const other of this.tierMap.values()) {
      if (other.scopeName === options.scope) problems.add(`scope is already used by tier ${other.tierName}`, options.scope, "give each tier its own scope.");
      if (other.group.groupName === options.groupName) problems.add(`group is already used by tier ${other.tierName}`, options.groupName, "give each tier its own group.");
    }
    const lifetimes = resolveLifetimes(problems, `tiers.${name}.tokenLifetimes`, this.lifetimes, options.tokenLifetimes);
    problems.throwIfAny(`${this.node.path}/Tier-${name}`);

    const tier = new AccessTier(this, `Tier-${name}`, { ...options, tierName: name, authServerId: this.authServerId });
    this.tierMap.set(name, tier);
    this.userPolicy.addRule(`Rule-${name}`, {
      name: `${name} tier`,
      priority: options.priority,
      groupIds: [tier.group.groupId],
      grantTypes: () => this.userGrantTypes(),
      scopes: () => ["openid", tier.scopeName, ...(this.userClientsUseRefreshTokens() ? [OFFLINE_ACCESS] : [])],
      lifetimes,
    });
    return tier;
  }

  /** The tier with this name; a clear error naming the known tiers otherwise. */
  tier(name: string, usedBy?: string): AccessTier {
    const tier = this.tierMap.get(name);
    if (!tier) {
      throw new OktaConfigError(usedBy ?? this.node.path, [
        { what: `unknown tier of ${this.node.path}`, value: name, fix: `use one of: ${[...this.tierMap.keys()].join(", ")}, or add the tier.` },
      ]);
    }
    return tier;
  }

  get tiers(): readonly AccessTier[] {
    return [...this.tierMap.values()];
  }

  /** Lets a user-facing app get tokens from this server (adds it to the user policy). */
  addClient(app: OAuthApp): void {
    if (app.appType === "service") {
      throw new OktaConfigError(app.node.path, [
        { what: "a service app has no user, so it cannot join the user access policy", value: app.label, fix: "use addServiceClient(app, { priority })." },
      ]);
    }
    this.userPolicy.addClient(app);
  }

  /** Grants a service app its scopes with a client_credentials rule of its own. */
  addServiceClient(app: ServiceApp, options: ServiceClientOptions): AuthServerPolicyRule {
    const known = this.tiers.map((t) => t.scopeName);
    const unknown = app.scopes.filter((s) => !known.includes(s));
    if (unknown.length) {
      throw new OktaConfigError(app.node.path, [
        { what: `requests scopes that ${this.node.path} does not define`, value: unknown, fix: `request only ${known.join(", ")}, or add a tier for the scope.` },
      ]);
    }
    const policy = this.servicePolicy();
    policy.addClient(app);
    const lifetimes: ResolvedLifetimes = resolveLifetimes(new Problems(), "tokenLifetimes", this.lifetimes);
    return policy.addRule(`Rule-${app.node.id}`, {
      name: `${app.label} (client credentials)`,
      priority: options.priority,
      // No user in this flow: the policy's client list is what restricts the rule.
      groupIds: ["EVERYONE"],
      grantTypes: () => ["client_credentials"],
      scopes: () => [...app.scopes].sort(),
      lifetimes,
    });
  }

  private servicePolicy(): AccessPolicy {
    this.servicePolicyInstance ??= new AccessPolicy(this, "ServiceAccess", {
      authServerId: this.authServerId,
      name: "Service access",
      description: "Client credentials for service apps, one rule per app",
      priority: 2,
    });
    return this.servicePolicyInstance;
  }

  /** The user grants the policy's clients use; what they do not use stays closed. */
  private userGrantTypes(): RuleGrantType[] {
    const grants = new Set<RuleGrantType>();
    this.userPolicy.clientApps.forEach((app) => app.userRuleGrants.forEach((g) => grants.add(g)));
    if (grants.size === 0) grants.add("authorization_code");
    return [...grants].sort();
  }

  private userClientsUseRefreshTokens(): boolean {
    return this.userPolicy.clientApps.some((app) => app.usesRefreshTokens);
  }
}
