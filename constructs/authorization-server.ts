import { Construct } from "constructs";
import { Lazy } from "cdktf";
import { AuthServer } from "@cdktf/provider-okta/lib/auth-server";
import { AuthServerPolicy } from "@cdktf/provider-okta/lib/auth-server-policy";
import { AuthServerPolicyRule } from "@cdktf/provider-okta/lib/auth-server-policy-rule";
import { AccessPolicy } from "./access-policy";
import { AccessTier, AccessTierOptions } from "./access-tier";
import { AuthServerClaim } from "@cdktf/provider-okta/lib/auth-server-claim";
import { ClaimOptions, checkClaim, claimResource } from "./claims";
import { environmentOf } from "./environment";
import { IOAuthClient, IServiceClient, userRuleGrants, usesRefreshTokens } from "./oauth-client";
import { PriorityChain } from "./priority-chain";
import { ResolvedLifetimes, TokenLifetimes, resolveLifetimes } from "./token-lifetimes";
import { OktaConfigError, Problems, isToken } from "./validation";
import { OFFLINE_ACCESS, OIDC_USER_SCOPES, RuleGrantType, USER_RULE_GRANTS } from "./vocabulary";

/**
 * What Okta's SDKs request at sign-in: the Sign-In Widget and most samples ask for
 * `openid profile email` (okta-auth-js: `openid email`). A rule admits a request only if it
 * allows every requested scope, so the tier rules allow these besides the tier scope.
 */
export const DEFAULT_OIDC_SCOPES: readonly string[] = ["openid", "profile", "email"];

export interface AuthorizationServerProps {
  /** The server's name in Okta, unique in the org. */
  readonly name: string;
  /** The audience (`aud`) of its access tokens, one per environment, e.g. `api://payments-dev`. */
  readonly audience: string;
  /**
   * @default - "<name> authorization server"
   */
  readonly description?: string;
  /**
   * Access tiers by name: each a custom scope, the group whose members get it, and its rule.
   * Adding a tier is one entry here.
   */
  readonly tiers: Readonly<Record<string, AccessTierOptions>>;
  /**
   * Custom claims in its tokens (okta_auth_server_claim): a groups claim, or a value from a
   * user attribute.
   * @default - none
   */
  readonly claims?: readonly ClaimOptions[];
  /**
   * Apps this config does not manage that the user access policy must still admit, by client
   * id, with the grant types they use (the tier rules keep allowing those): an import keeps the
   * apps it leaves out in Okta this way, so its first deploy takes nobody's tokens away.
   * @default - none
   */
  readonly unmanagedClients?: readonly { readonly clientId: string; readonly grantTypes: readonly string[] }[];
  /**
   * OpenID Connect scopes the user rules allow beside the tier scope: what the clients
   * request at sign-in. Must include openid.
   * @default DEFAULT_OIDC_SCOPES (openid profile email)
   */
  readonly oidcScopes?: readonly string[];
  /**
   * Token lifetimes of every rule, unless a tier overrides them.
   * @default - access 60 min, refresh window 7 days, refresh lifetime 90 days
   */
  readonly tokenLifetimes?: TokenLifetimes;
}

export interface ServiceClientOptions {
  /**
   * Order of the client's own policy among the server's service policies (1..n, no gaps).
   * The user policy is priority 1, so the service policy's priority in Okta is 1 + this.
   */
  readonly priority: number;
}

/**
 * A custom authorization server of one API (okta_auth_server): its audience, its scopes (one
 * per tier), its claims, and its access policies. Users get a tier's scope through its
 * subscriber group; each service app gets its scopes through a client_credentials
 * rule in a policy of its own. Okta's rules have no client condition (a policy's client list is
 * the only one), so one shared service policy would let every service request every other
 * service's scopes: one policy per service client keeps them apart, and no user rule can ever
 * match a machine client (and vice versa).
 */
export class AuthorizationServer extends Construct {
  readonly authServer: AuthServer;
  /** Okta's id of the server. */
  readonly authServerId: string;
  /** The issuer URI tokens carry. */
  readonly issuer: string;
  readonly audience: string;
  readonly oidcScopes: readonly string[];
  /** The user access policy: created with the first user-facing client (an API only services call has none). */
  private userPolicyInstance?: AccessPolicy;
  /** Tier rules waiting for the user policy. */
  private readonly tierRules: (() => void)[] = [];
  private readonly servicePolicies = new Map<string, AccessPolicy>();
  private readonly policies = new PriorityChain<AuthServerPolicy>();
  private readonly tierMap = new Map<string, AccessTier>();
  private readonly lifetimes: TokenLifetimes | undefined;

  readonly name: string;
  readonly claims: readonly AuthServerClaim[];
  private readonly unmanagedClients: readonly { readonly clientId: string; readonly grantTypes: readonly string[] }[];
  /** The claims as declared, for checks that need the org's groups (OktaOrgStack). */
  readonly claimOptions: readonly ClaimOptions[];

  constructor(scope: Construct, id: string, props: AuthorizationServerProps) {
    super(scope, id);
    const problems = new Problems();
    if (!isToken(props.audience) && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(props.audience)) {
      problems.add("audience must be an absolute URI", props.audience, "use a URI such as api://api-center-dev.");
    }
    const oidcScopes = props.oidcScopes ?? DEFAULT_OIDC_SCOPES;
    const unknown = oidcScopes.filter((s) => !OIDC_USER_SCOPES.includes(s));
    if (unknown.length) problems.add("oidcScopes may hold only OpenID Connect scopes", unknown, `use some of ${OIDC_USER_SCOPES.join(", ")}; API scopes are tiers.`);
    if (!oidcScopes.includes("openid")) problems.add("oidcScopes must include openid (every OpenID Connect request asks for it)", oidcScopes, 'add "openid".');
    // Fail on bad lifetimes and claims here, before anything is created.
    resolveLifetimes(problems, "tokenLifetimes", props.tokenLifetimes);
    (props.claims ?? []).forEach((c, i) => checkClaim(problems, `claims[${i}]`, c));
    const claimNames = (props.claims ?? []).map((c) => `${c.name}|${c.tokens ?? "access"}`);
    if (new Set(claimNames).size !== claimNames.length) problems.add("two claims have one name in one kind of token", (props.claims ?? []).map((c) => c.name), "give each claim of a token its own name.");
    problems.throwIfAny(this);
    this.name = props.name;

    this.lifetimes = props.tokenLifetimes;
    this.audience = props.audience;
    this.oidcScopes = [...new Set(oidcScopes)];
    this.authServer = new AuthServer(this, "AuthServer", {
      name: props.name,
      description: props.description ?? `${props.name} authorization server`,
      // Okta supports exactly one audience per server.
      audiences: [props.audience],
      credentialsRotationMode: "AUTO",
      issuerMode: "ORG_URL",
      status: "ACTIVE",
      lifecycle: environmentOf(this) === "prod" ? { preventDestroy: true } : undefined,
    });
    this.authServerId = this.authServer.id;
    this.issuer = this.authServer.issuer;
    for (const [name, options] of Object.entries(props.tiers)) {
      this.addTier(name, options);
    }
    this.claimOptions = props.claims ?? [];
    const scopeProblems = new Problems();
    const known = new Set([...this.tierMap.values()].map((t) => t.scopeName).concat(OIDC_USER_SCOPES, "offline_access"));
    this.claimOptions.forEach((c, i) => {
      const unknown = (c.scopes ?? []).filter((sc) => !isToken(sc) && !known.has(sc));
      if (unknown.length) scopeProblems.add(`claims[${i}] ("${c.name}").scopes names scopes this server does not have`, unknown, `use some of ${[...known].join(", ")}.`);
    });
    scopeProblems.throwIfAny(this);
    this.claims = this.claimOptions.map((c) => claimResource(this, this.authServerId, c));
    this.unmanagedClients = props.unmanagedClients ?? [];
    for (const c of this.unmanagedClients) this.userPolicy.addClientId(c.clientId);
    this.node.addValidation({ validate: () => this.unadmittedAssignments() });
  }

  /** Adds a tier: its scope, its subscriber group and its rule in the user policy. */
  addTier(name: string, options: AccessTierOptions): AccessTier {
    const problems = new Problems();
    if (this.tierMap.has(name)) problems.add("tier is declared twice", name, "give each tier a distinct name.");
    for (const other of this.tierMap.values()) {
      if (other.priority === options.priority) {
        const used = new Set([...this.tierMap.values()].map((t) => t.priority));
        let free = 1;
        while (used.has(free)) free++;
        problems.add(`priority ${options.priority} is already used by tier ${other.tierName} (${other.node.path})`, options.priority, `give each tier of this API its own priority, 1..n (next free: ${free}).`);
      }
      if (other.scopeName === options.scope) problems.add(`scope is already used by tier ${other.tierName}`, options.scope, "give each tier its own scope.");
      if (other.group.groupName === options.groupName) problems.add(`group is already used by tier ${other.tierName}`, options.groupName, "give each tier its own group.");
    }
    const lifetimes = resolveLifetimes(problems, `tiers.${name}.tokenLifetimes`, this.lifetimes, options.tokenLifetimes);
    problems.throwIfAny(`${this.node.path}/Tier-${name}`);

    const tier = new AccessTier(this, `Tier-${name}`, { ...options, tierName: name, authServerId: this.authServerId });
    this.tierMap.set(name, tier);
    const addRule = () =>
      this.userPolicyInstance!.addRule(`Rule-${name}`, {
        name: `${name} tier`,
        priority: options.priority,
        groupIds: [tier.group.groupId],
        grantTypes: () => this.userGrantTypes(),
        scopes: () => [...this.oidcScopes, tier.scopeName, ...(this.userClientsUseRefreshTokens() ? [OFFLINE_ACCESS] : [])],
        lifetimes,
      });
    this.tierRules.push(addRule);
    if (this.userPolicyInstance) addRule();
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
  addClient(app: IOAuthClient): void {
    if (app.assignedTo === undefined) {
      throw new OktaConfigError(app.key, [
        { what: "a client without users (a service app) cannot join the user access policy", value: app.label, fix: "use addServiceClient(app, { priority })." },
      ]);
    }
    this.userPolicy.addClient(app);
  }

  /**
   * The user access policy, priority 1, created with the first user-facing client so that an
   * API only services call has none (Okta wants a client list on every policy), with a rule
   * per tier.
   */
  get userPolicy(): AccessPolicy {
    if (!this.userPolicyInstance) {
      this.userPolicyInstance = this.addPolicy("UserAccess", 1, {
        name: "User access",
        description: "Tier scopes for members of each tier's subscriber group",
      });
      this.tierRules.forEach((add) => add());
    }
    return this.userPolicyInstance;
  }

  /** The user-facing clients of this server (none when only services call it). */
  private get userClients(): readonly IOAuthClient[] {
    return this.userPolicyInstance?.clientApps ?? [];
  }

  /** Grants a service client its scopes with a client_credentials rule in a policy of its own. */
  addServiceClient(app: IServiceClient, options: ServiceClientOptions): AuthServerPolicyRule {
    const known = this.tiers.map((t) => t.scopeName);
    const unknown = app.scopes.filter((s) => !known.includes(s));
    const problems = new Problems();
    if (unknown.length) problems.add(`requests scopes that ${this.node.path} does not define`, unknown, `request only ${known.join(", ")}, or add a tier for the scope.`);
    if (this.servicePolicies.has(app.id)) problems.add("service client is added twice", app.id, "add each service app once.");
    if (!Number.isInteger(options.priority) || options.priority < 1 || this.policies.at(1 + options.priority)) {
      const taken = this.policies.at(1 + options.priority);
      problems.add(
        taken ? `service priority ${options.priority} is already used by ${taken.node.scope?.node.path}` : "service priority must be a whole number from 1",
        options.priority,
        `give each service app of this server its own rulePriority, 1..n (next free: ${this.policies.nextFree(2) - 1}).`,
      );
    }
    problems.throwIfAny(app.key);
    // Priority 1 is the user policy's; without one the service policies start at 1 (Okta would
    // renumber a gap), which the priority token resolves at synth.
    const policy = this.addPolicy(`Service-${app.id}`, 1 + options.priority, {
      name: `Service access: ${app.id}`,
      description: `Client credentials for ${app.label} only: its own policy, so no other client can request its scopes`,
    });
    policy.addClient(app);
    this.servicePolicies.set(app.id, policy);
    const lifetimes: ResolvedLifetimes = resolveLifetimes(new Problems(), "tokenLifetimes", this.lifetimes);
    return policy.addRule("Rule", {
      name: `${app.label} (client credentials)`,
      priority: 1,
      // No user in this flow, but Okta requires a people condition: EVERYONE. The policy's
      // client list (this one client) is what restricts the rule.
      groupIds: ["EVERYONE"],
      grantTypes: () => ["client_credentials"],
      scopes: () => [...app.scopes].sort(),
      lifetimes,
    });
  }

  private addPolicy(id: string, slot: number, props: { name: string; description: string }): AccessPolicy {
    const priority = slot === 1 ? 1 : Lazy.numberValue({ produce: () => slot - (this.userPolicyInstance ? 0 : 1) });
    const policy = new AccessPolicy(this, id, { ...props, authServerId: this.authServerId, priority });
    this.policies.add(slot, policy.policy);
    return policy;
  }

  /**
   * Okta issues tokens only to users assigned to the app, and only if a rule of the first
   * policy naming the client admits them. An assigned group no tier rule names would be
   * refused at sign-in ("Policy evaluation failed"): refuse it here instead, rather than add a
   * catch-all rule that would mint tokens for this API's audience with no API scope at all.
   */
  private unadmittedAssignments(): string[] {
    const problems: string[] = [];
    // Slot 1 is the user policy's: without one, the service policies' slots start at 2.
    const gap = this.policies.gap(this.userPolicyInstance ? 1 : 2);
    if (gap) problems.push(`policy priorities must run 1..${gap.length} without gaps: got ${JSON.stringify(gap)}. Fix: number the service apps' rulePriority 1, 2, 3, …`);
    const admitted = new Set(this.tiers.map((t) => t.group.groupName));
    for (const client of this.userClients) {
      const groups = client.assignedTo === "everyone" ? ["Everyone"] : (client.assignedTo ?? []).map((g) => g.groupName);
      for (const group of groups.filter((g) => !admitted.has(g))) {
        problems.push(
          `${client.label} (${client.key}) calls ${this.node.path}, but its assigned group ${JSON.stringify(group)} is admitted by no rule of the server: ` +
            `its members would be refused at sign-in. Fix: assign the app only to tier groups (${[...admitted].join(", ")}), ` +
            "add a tier for that group, or let the app sign in at the org authorization server (drop the API from the app's apis).",
        );
      }
    }
    return problems;
  }

  /** The user grants the policy's clients use; what they do not use stays closed. */
  private userGrantTypes(): RuleGrantType[] {
    const grants = new Set<RuleGrantType>();
    this.userClients.forEach((app) => userRuleGrants(app).forEach((g) => grants.add(g)));
    this.unmanagedClients.forEach((c) => USER_RULE_GRANTS.filter((g) => c.grantTypes.includes(g)).forEach((g) => grants.add(g)));
    if (grants.size === 0) grants.add("authorization_code");
    return [...grants].sort();
  }

  private userClientsUseRefreshTokens(): boolean {
    return this.userClients.some(usesRefreshTokens) || this.unmanagedClients.some((c) => c.grantTypes.includes("refresh_token"));
  }
}
