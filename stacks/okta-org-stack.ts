import * as fs from "fs";
import * as path from "path";
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { Construct } from "constructs";
import { Aspects, CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformOutput, TerraformResource, TerraformStack } from "cdktf";
import { ApiCenterAuthServer } from "../constructs/api-center-auth-server";
import { setEnvironment, EnvironmentName } from "../constructs/environment";
import { NativeApp } from "../constructs/native-app";
import { OAuthApp } from "../constructs/oauth-app";
import { IServiceClient } from "../constructs/oauth-client";
import { IOktaGroup, OktaGroup } from "../constructs/okta-group";
import { ServiceApp } from "../constructs/service-app";
import { SpaApp } from "../constructs/spa-app";
import { WebApp } from "../constructs/web-app";
import { AppAssignment, constructKey, slug } from "../constructs/app-assignments";
import { AppIntegration } from "../constructs/app-integration";
import { BookmarkApp } from "../constructs/bookmark-app";
import { OinApp } from "../constructs/oin-app";
import { SamlApp } from "../constructs/saml-app";
import { SwaApp } from "../constructs/swa-app";
import { ErrorEntry, OktaConfigError, OktaConfigErrors, Problems, checkRange, collectConfigErrors } from "../constructs/validation";
import { OktaGuardrails } from "../guardrails";
import { oktaProvider } from "./provider-version";
import { isPrivileged, privilegedClient, privilegedClientId } from "./privileged-apps";
import { AppConfig, AssignmentConfig, BackendConfig, GroupConfig, GroupRuleConfig, IntegrationConfig, OrgConfig, ProviderSettings, ServiceAppConfig } from "../config/types";
import { AuthorizationServer } from "../constructs/authorization-server";
import { GroupRule } from "../constructs/group-rule";
import { claimFilterMatches, describeFilter, suggestedRegex } from "../constructs/claims";
import { NetworkZone } from "../constructs/network-zone";
import { TrustedOrigins } from "../constructs/trusted-origins";
import { AuthenticationPolicy, assignAuthenticationPolicy } from "../constructs/authentication-policy";
import { addAuthenticationPolicy, markSensitive, policyConstructId } from "./sign-on";
import { ConstructNames } from "./construct-names";

/** The stack id of an environment: what `cdktf deploy okta-prod` names. */
export function stackId(environment: EnvironmentName): string {
  return `okta-${environment}`;
}

/** The construct id of an API's server, by config key (a contract: `npm run import` adopts by it). */
export function serverConstructId(key: string): string {
  return key === "apiCenter" ? "ApiCenter" : `Api-${key}`;
}

/**
 * One Okta org: the API Center authorization server with its tiers, the apps, their
 * assignments, and outputs. Built once per environment from config/.
 */
export class OktaOrgStack extends TerraformStack {
  readonly environment: EnvironmentName;
  /** The API Center server, when the config has one. */
  readonly apiCenter?: ApiCenterAuthServer;
  /** Every API's authorization server by config key: apiCenter, then each of `apis`. */
  readonly servers = new Map<string, AuthorizationServer>();
  readonly apps = new Map<string, OAuthApp>();
  /** SAML, OIN, SWA and bookmark apps, by config id. */
  readonly integrations = new Map<string, AppIntegration>();
  /** Privileged service apps, created by okta-bootstrap-<env> and named here by client id. */
  readonly privilegedClients = new Map<string, IServiceClient>();
  private readonly groupsByName = new Map<string, IOktaGroup>();
  /** Each group name taken, by its lower case (Okta's uniqueness): looked up once per group, never searched. */
  private readonly groupNamesByLowerCase = new Map<string, string>();
  /** Groups config declares that failed their own checks (reported there): what names them is not built. */
  private failedGroups: ReadonlySet<string> = new Set();
  /** Construct keys and Terraform names that config entries take: two entries may not take one. */
  private readonly names: ConstructNames;
  /** Network zones by name. */
  readonly zones = new Map<string, NetworkZone>();
  /** Authentication policies by config key. */
  readonly authenticationPolicies = new Map<string, AuthenticationPolicy>();
  private readonly defaultAuthenticationPolicy?: string;
  /** Every policy key config declares, built or not: one that failed its own checks is reported there only. */
  private declaredPolicies = new Set<string>();
  /** Groups of sensitive tiers (servers are all built before any app): their apps are sensitive. */
  private sensitiveTierGroups?: ReadonlySet<string>;

  constructor(scope: Construct, config: OrgConfig) {
    super(scope, stackId(config.environment));
    setEnvironment(this, config.environment);
    this.environment = config.environment;
    this.names = new ConstructNames(config.environment);

    oktaProvider(this, providerConfig(this.node.path, config.provider));
    configureBackend(this, config.backend ?? { type: "local" });

    if (config.apiCenter) {
      this.apiCenter = new ApiCenterAuthServer(this, serverConstructId("apiCenter"), config.apiCenter);
      this.servers.set("apiCenter", this.apiCenter);
    }
    const serverProblems: ErrorEntry[] = [];
    for (const [id, api] of Object.entries(config.apis ?? {})) {
      collectConfigErrors(serverProblems, () => this.names.terraformName(`okta-${this.environment} config.apis.${id}`, "API key", id, "api") && this.servers.set(id, new AuthorizationServer(this, serverConstructId(id), api)));
    }
    if (serverProblems.length) throw new OktaConfigErrors(serverProblems);
    for (const server of this.servers.values()) {
      for (const t of server.tiers) {
        const clash = this.groupsByName.get(t.group.groupName);
        if (clash) throw new OktaConfigError(t.node.path, [{ what: "tier group is already a tier group of another API", value: t.group.groupName, fix: "give each tier of each API its own group." }]);
        this.takeGroupName(t.group);
        // Assigned to, a tier group names an Assignment-<key> as a declared group does.
        this.names.reserve("groups", t.group.key ?? slug(t.group.groupName), t.group.groupName);
      }
    }
    // Every problem of every group and app, not just the first: each is built on its own.
    const sections: ErrorEntry[] = [];
    (config.groups ?? []).forEach((group, i) => collectConfigErrors(sections, () => this.names.key("groups", i, group) && this.addGroup(group)));
    // A group that failed its own checks is reported there; what names it is not built (no echo).
    this.failedGroups = new Set((config.groups ?? []).map((g) => g.name).filter((n) => !this.groupsByName.has(n)));
    (config.groupRules ?? []).forEach((rule, i) => collectConfigErrors(sections, () => this.names.key("groupRules", i, rule) && this.addGroupRule(rule)));
    (config.networkZones ?? []).forEach((zone, i) => collectConfigErrors(sections, () => this.names.key("networkZones", i, zone) && this.addZone(zone)));
    // A zone that failed its own checks is reported there; policies naming it are not built (no echo).
    const failedZones = new Set((config.networkZones ?? []).map((z) => z.name).filter((n) => !this.zones.has(n)));
    for (const [key, policy] of Object.entries(config.authenticationPolicies ?? {})) {
      collectConfigErrors(sections, () => {
        const built = addAuthenticationPolicy(this, key, policy, this.groupsByName, this.zones, failedZones, this.failedGroups);
        if (built) this.authenticationPolicies.set(key, built);
      });
    }
    this.defaultAuthenticationPolicy = config.defaultAuthenticationPolicy;
    this.declaredPolicies = new Set(Object.keys(config.authenticationPolicies ?? {}));
    collectConfigErrors(sections, () => this.checkDefaultPolicy(config));
    config.apps.forEach((app, i) => collectConfigErrors(sections, () => this.names.terraformName(`okta-${this.environment} config.apps[${i}] (${JSON.stringify(app.id)}).id`, "app id", app.id, "app") && this.addApp(app)));
    collectConfigErrors(sections, () => this.checkUnknownGroups());
    collectConfigErrors(sections, () => this.checkGroupsClaims());
    if (sections.length) throw new OktaConfigErrors(sections);
    this.addOutputs();
    if (config.imports) adoptExisting(this, config.imports);
    this.writeOwners(config);
    if (config.suppressions?.length) OktaGuardrails.suppress(this, config.suppressions);
    Aspects.of(this).add(new OktaGuardrails({ environment: config.environment }));
  }

  /**
   * Okta group names are unique in an org (case-insensitively): a declared group may not
   * repeat a tier's subscriber group or another declared group, or apply fails half-way.
   */
  private addGroup(group: GroupConfig): void {
    // A search of every name taken, per group, made 20,000 groups take seconds (quadratic).
    const clash = this.groupNamesByLowerCase.get(group.name.toLowerCase());
    if (clash !== undefined) {
      const tier = [...this.servers.values()].flatMap((s) => s.tiers).find((t) => t.group.groupName === clash);
      throw new OktaConfigError(`${this.node.path}/Group-${constructKey(group)}`, [
        {
          what: tier ? `group name is already the subscriber group of tier ${tier.tierName}` : "group is declared twice (Okta group names are unique, case-insensitively)",
          value: group.name,
          fix: tier ? `drop it from groups: the tier creates ${clash}; assign apps to "${clash}" directly.` : "declare each group once.",
        },
      ]);
    }
    const created = new OktaGroup(this, `Group-${constructKey(group)}`, { name: group.name, description: group.description, key: group.id });
    this.takeGroupName(created);
  }

  /** Records a group under its name, and its name under its lower case (addGroup's uniqueness). */
  private takeGroupName(group: IOktaGroup): void {
    this.groupsByName.set(group.groupName, group);
    this.groupNamesByLowerCase.set(group.groupName.toLowerCase(), group.groupName);
  }

  /**
   * Okta matches a groups claim's regex against whole group names (Java `String.matches`), so
   * `^payments` matches no group and no token ever carries the claim: a filter that matches
   * none of the groups this org declares (tier groups and rule-filled groups included) is an
   * error, with the pattern that matches what it only matched part of.
   */
  private checkGroupsClaims(): void {
    const names = [...this.groupsByName.keys()].sort();
    for (const server of this.servers.values()) {
      const problems = server.claimOptions.flatMap((claim, i) => {
        if (claim.kind !== "groups" || names.some((g) => claimFilterMatches(claim.filter, g))) return [];
        const regex = (claim.filter as { regex?: string }).regex;
        const suggestion = regex !== undefined ? suggestedRegex(regex, names) : undefined;
        const partial = suggestion ? names.filter((g) => claimFilterMatches({ regex: suggestion }, g)) : [];
        return [{
          what: `claims[${i}] ("${claim.name}") matches none of the org's groups (${names.join(", ")})${regex !== undefined ? ": Okta matches a regex against the whole group name" : ""}`,
          value: describeFilter(claim.filter),
          fix: suggestion ? `write regex ${JSON.stringify(suggestion)}, which matches ${partial.join(", ")}.` : "filter on groups this org declares, or declare the group the claim is for.",
        }];
      });
      if (problems.length) throw new OktaConfigError(server.node.path, problems);
    }
  }

  private addZone(zone: NonNullable<OrgConfig["networkZones"]>[number]): void {
    const clash = [...this.zones.keys()].find((n) => n.toLowerCase() === zone.name.toLowerCase());
    if (clash !== undefined) throw new OktaConfigError(`${this.node.path}/Zone-${constructKey(zone)}`, [{ what: "network zone is declared twice (Okta zone names are unique)", value: zone.name, fix: "declare each zone once." }]);
    this.zones.set(zone.name, new NetworkZone(this, `Zone-${constructKey(zone)}`, zone));
  }

  private checkDefaultPolicy(config: OrgConfig): void {
    const key = config.defaultAuthenticationPolicy;
    if (key === undefined || this.authenticationPolicies.has(key)) return;
    // A policy that failed its own checks is reported there: not again here.
    if (Object.prototype.hasOwnProperty.call(config.authenticationPolicies ?? {}, key)) return;
    throw new OktaConfigError(`${this.node.path}/defaultAuthenticationPolicy`, [{ what: "defaultAuthenticationPolicy names no policy of authenticationPolicies", value: key, fix: `use one of ${Object.keys(config.authenticationPolicies ?? {}).join(", ") || "(none declared: declare one in authenticationPolicies)"}.` }]);
  }

  /**
   * Puts an app on its authentication policy: the one it names, or the environment's default.
   * With neither it stays on the org's default policy, which OKTA-19 reports.
   */
  private useAuthenticationPolicy(app: AppConfig, created: OAuthApp | AppIntegration): void {
    const named = app.authenticationPolicy;
    const byId = app.authenticationPolicyId;
    if (app.kind === "service") {
      if (named !== undefined || byId !== undefined) throw new OktaConfigError(`${this.node.path}/${app.id}`, [{ what: "a service app has no authentication policy (no user signs in to it)", value: named ?? byId, fix: "drop authenticationPolicy from the service app." }]);
      return;
    }
    if (byId !== undefined) {
      if (named !== undefined) throw new OktaConfigError(`${this.node.path}/${app.id}`, [{ what: "an app names a policy of this config and one by Okta id", value: { authenticationPolicy: named, authenticationPolicyId: byId }, fix: "keep one: authenticationPolicy for a policy declared here, authenticationPolicyId for one left in Okta." }]);
      if (!/^[A-Za-z0-9]{8,32}$/.test(byId)) throw new OktaConfigError(`${this.node.path}/${app.id}`, [{ what: "authenticationPolicyId is not an Okta id", value: byId, fix: "write the policy's id as Okta shows it (e.g. rst1a2b3c4D5e6F7g8h9), or name a policy of authenticationPolicies." }]);
      assignAuthenticationPolicy(created.resource, byId);
      return;
    }
    const key = named ?? this.defaultAuthenticationPolicy;
    if (key === undefined) return;
    const policy = this.authenticationPolicies.get(key);
    if (!policy) {
      // The default's own problem is reported once, by checkDefaultPolicy; a declared policy's, by itself.
      if (named === undefined || this.declaredPolicies.has(named)) return;
      throw new OktaConfigError(`${this.node.path}/${app.id}`, [{ what: "authenticationPolicy names no policy of authenticationPolicies", value: named, fix: `use one of ${[...this.authenticationPolicies.keys()].join(", ") || "(none declared)"}.` }]);
    }
    policy.assignTo(created.resource);
    const tierGroups = (this.sensitiveTierGroups ??= new Set([...this.servers.values()].flatMap((s) => s.tiers).filter((t) => t.sensitive).map((t) => t.group.groupName)));
    const assignTo = (app as { assignTo?: AssignmentConfig }).assignTo;
    const viaTier = Array.isArray(assignTo) ? assignTo.find((g) => tierGroups.has(g)) : undefined;
    if (app.sensitive || viaTier) markSensitive(created.resource, app.sensitive ? "marked sensitive in config" : `assigned to ${viaTier}, a sensitive tier's group`);
  }

  private addGroupRule(rule: GroupRuleConfig): void {
    const group = this.groupsByName.get(rule.group);
    const path = `${this.node.path}/GroupRule-${constructKey(rule)}`;
    if (!group && this.failedGroups.has(rule.group)) return;
    if (!group) {
      throw new OktaConfigError(path, [{ what: "the group rule fills an unknown group", value: rule.group, fix: `use one of ${[...this.groupsByName.keys()].join(", ")}, or declare it in groups.` }]);
    }
    const tierGroup = [...this.servers.values()].some((s) => s.tiers.some((t) => t.group === group));
    new GroupRule(this, `GroupRule-${constructKey(rule)}`, { name: rule.name, expression: rule.expression, group, groupHasManualMembers: tierGroup });
  }

  private addApp(app: AppConfig): void {
    if (this.apps.has(app.id) || this.integrations.has(app.id) || this.privilegedClients.has(app.id)) {
      throw new OktaConfigError(`${this.node.path}/${app.id}`, [{ what: "app id is used twice", value: app.id, fix: "give each app a distinct id.", seeAlso: { kind: "app", key: app.id } }]);
    }
    // An app assigned to a group no config declares is reported once per group, naming every
    // such app (checkUnknownGroups), and not built: building it would add noise of its own.
    const assignTo = (app as { assignTo?: AssignmentConfig }).assignTo;
    if (Array.isArray(assignTo) && assignTo.some((n) => this.failedGroups.has(n))) return;
    if (Array.isArray(assignTo) && assignTo.some((n) => !this.groupsByName.has(n))) {
      for (const n of assignTo.filter((x) => !this.groupsByName.has(x))) {
        const apps = this.unknownGroupUses.get(n);
        if (apps) apps.push(app.id);
        else this.unknownGroupUses.set(n, [app.id]);
      }
      return;
    }
    let created: OAuthApp;
    switch (app.kind) {
      case "saml":
      case "oin":
      case "swa":
      case "bookmark":
        this.addIntegration(app);
        return;
      case "spa":
        created = new SpaApp(this, app.id, { ...app, assignTo: this.resolveAssignment(app.assignTo) });
        break;
      case "web":
        created = new WebApp(this, app.id, { ...app, assignTo: this.resolveAssignment(app.assignTo) });
        break;
      case "native":
        created = new NativeApp(this, app.id, { ...app, assignTo: this.resolveAssignment(app.assignTo) });
        break;
      case "service": {
        const grants = this.serviceGrants(app);
        const scopes = grants.flatMap((g) => g.scopes);
        const client: IServiceClient = isPrivileged(app) ? privilegedClient(app, this.environment, scopes, this.node.path) : new ServiceApp(this, app.id, { ...app, scopes });
        // One client_credentials policy per (service, API): none can request another's scopes.
        for (const g of grants) g.server.addServiceClient({ ...serviceView(client), scopes: g.scopes }, { priority: g.priority });
        if (client instanceof ServiceApp) created = client;
        else {
          this.privilegedClients.set(app.id, client);
          return;
        }
        break;
      }
    }
    if (app.kind !== "service") this.signIn(app.id, app.apis, created);
    this.useAuthenticationPolicy(app, created);
    if (app.suppressions?.length) OktaGuardrails.suppress(created, app.suppressions);
    this.apps.set(app.id, created);
  }

  /** The servers a service requests scopes from, with those scopes and its policy's priority. */
  private serviceGrants(app: ServiceAppConfig): { server: AuthorizationServer; scopes: string[]; priority: number }[] {
    const path = `${this.node.path}/${app.id}`;
    const problems = new Problems();
    const wanted: [string, readonly string[], number | undefined][] = [];
    if (app.tiers?.length) wanted.push(["apiCenter", app.tiers, app.rulePriority]);
    else if (app.rulePriority !== undefined) problems.add("rulePriority without tiers orders nothing", app.rulePriority, "drop rulePriority, or list the API Center tiers the service requests.");
    for (const [api, entry] of Object.entries(app.scopesFrom ?? {})) {
      if (api === "apiCenter") problems.add("scopesFrom names apiCenter", api, "use tiers and rulePriority for API Center.");
      else wanted.push([api, entry.tiers, entry.priority]);
    }
    if (!wanted.length) problems.add("a service app must request scopes from at least one API", app.tiers ?? [], "list API Center tiers (tiers + rulePriority) or other APIs' tiers (scopesFrom).");
    for (const [api, , priority] of wanted) {
      if (!this.servers.has(api)) problems.add("scopesFrom names an unknown API", api, `use one of ${[...this.servers.keys()].join(", ")}.`);
      if (priority === undefined) problems.add(`the service's policy priority on ${api} is missing`, priority, api === "apiCenter" ? "set rulePriority." : `set scopesFrom.${api}.priority.`);
    }
    problems.throwIfAny(path);
    return wanted.map(([api, tiers, priority]) => {
      const server = this.servers.get(api)!;
      return { server, scopes: tiers.map((t) => server.tier(t, path).scopeName), priority: priority! };
    });
  }

  /** Where a user-facing app signs in: the one API's authorization server it calls, or the org server. */
  private signIn(appId: string, apis: readonly string[] | undefined, app: OAuthApp): void {
    const problems = new Problems();
    for (const api of apis ?? []) {
      if (!this.servers.has(api)) problems.add("apis names an unknown API", api, `use one of ${[...this.servers.keys()].join(", ")}, or declare it in apis.`);
    }
    if ((apis ?? []).length > 1) {
      problems.add("an app signs in at one authorization server, so it can call one API", apis, "split it into one app per API, or let it call one API (a token has one audience).");
    }
    problems.throwIfAny(`${this.node.path}/${appId}`);
    if (apis?.length === 1) this.servers.get(apis[0])!.addClient(app);
  }

  private addIntegration(app: IntegrationConfig): void {
    const assignTo = this.resolveAssignment(app.assignTo);
    let created: AppIntegration;
    switch (app.kind) {
      case "saml":
        created = new SamlApp(this, app.id, { ...app, assignTo });
        break;
      case "oin":
        created = new OinApp(this, app.id, { ...app, assignTo });
        break;
      case "swa":
        created = new SwaApp(this, app.id, { ...app, assignTo });
        break;
      case "bookmark":
        created = new BookmarkApp(this, app.id, { ...app, assignTo });
        break;
    }
    this.useAuthenticationPolicy(app, created);
    if (app.suppressions?.length) OktaGuardrails.suppress(created, app.suppressions);
    this.integrations.set(app.id, created);
  }

  private resolveAssignment(assignTo: AssignmentConfig): AppAssignment {
    if (assignTo === "everyone") return "everyone";
    // Unknown names never get here: addApp reports them (checkUnknownGroups).
    return (assignTo ?? []).map((name) => this.groupsByName.get(name)).filter((g): g is IOktaGroup => !!g);
  }

  /** Groups that apps assign but no config declares, with the apps: reported once per group, after every app. */
  private readonly unknownGroupUses = new Map<string, string[]>();

  /**
   * A removed (or misspelled) group is one problem, whatever the number of apps still using
   * it: it names them all, at the first one's entry.
   */
  private checkUnknownGroups(): void {
    const declared = [...this.groupsByName.keys()];
    const entries: ErrorEntry[] = [...this.unknownGroupUses].map(([name, apps]) => {
      const near = declared.find((d) => d.toLowerCase() === name.toLowerCase()) ?? declared.find((d) => d.toLowerCase().startsWith(name.toLowerCase().slice(0, 4)));
      return {
        kind: "construct",
        path: `${this.node.path}/${apps[0]}`,
        problem: {
          what: `assignTo names group ${JSON.stringify(name)}, which is not declared (removed or misspelled?), and ${apps.length === 1 ? `app ${apps[0]} still uses it` : `apps ${apps.join(", ")} still use it`}`,
          value: name,
          fix: `${near ? `did you mean ${near}? ` : ""}declare ${name} in groups again, or remove it from the assignTo of ${apps.join(", ")}; declared groups: ${declared.join(", ")}.`,
        },
      };
    });
    if (entries.length) throw new OktaConfigErrors(entries);
  }

  /**
   * owners.json beside cdk.tf.json: each app's construct path → its owning team, so the access
   * view and the review (which read only synthesized files) can say whose change it is.
   */
  private writeOwners(config: OrgConfig): void {
    const at = this.node.path;
    const owners: Record<string, string> = {};
    for (const a of config.apps.filter((x) => x.owner)) {
      owners[`${at}/${a.id}`] = a.owner!;
      // A privileged client lives in the bootstrap stack: here it is a client id in policies.
      if (isPrivileged(a)) owners[`client:${privilegedClientId(a as ServiceAppConfig, this.environment)}`] = a.owner!;
      // A trusted origin is the team's whose SPA is served there (the first, when two share one).
      for (const origin of (a as { baseUris?: readonly string[] }).baseUris ?? []) {
        const key = `${at}/TrustedOrigins/${(this.node.tryFindChild("TrustedOrigins") as TrustedOrigins | undefined)?.constructIdOf(origin) ?? slug(origin)}`;
        if (!(key in owners)) owners[key] = a.owner!;
      }
      // A service's own policy on any API is its team's, whoever owns the API (only services have one).
      if (a.kind === "service") for (const server of this.servers.values()) owners[`${server.node.path}/Service-${a.id}`] = a.owner!;
    }
    for (const [id, api] of Object.entries(config.apis ?? {})) if (api.owner) owners[`${at}/${serverConstructId(id)}`] = api.owner;
    for (const g of config.groups ?? []) if (g.owner) owners[`${at}/Group-${constructKey(g)}`] = g.owner;
    for (const r of config.groupRules ?? []) if (r.owner) owners[`${at}/GroupRule-${constructKey(r)}`] = r.owner;
    for (const z of config.networkZones ?? []) if (z.owner) owners[`${at}/Zone-${constructKey(z)}`] = z.owner;
    for (const [key, p] of Object.entries(config.authenticationPolicies ?? {})) if (p.owner) owners[`${at}/${policyConstructId(key)}`] = p.owner;
    // On a child of its own: a construct holds one custom synthesis, and the guardrails' is the stack's.
    addCustomSynthesis(new Construct(this, "Owners"), {
      onSynthesize: (session) => {
        const dir = path.join(session.outdir, "stacks", this.node.id);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "owners.json"), JSON.stringify(owners, null, 2) + "\n");
      },
    });
  }

  private addOutputs(): void {
    for (const [id, app] of this.apps) {
      new TerraformOutput(this, `${id}_client_id`, { value: app.clientId, description: `${app.label}: OAuth client id` });
      if (app.clientSecret) {
        new TerraformOutput(this, `${id}_client_secret`, { value: app.clientSecret, sensitive: true, description: `${app.label}: client secret (opted in)` });
      }
    }
    for (const [id, client] of this.privilegedClients) {
      new TerraformOutput(this, `${id}_client_id`, { value: client.clientId, description: `${client.label}: OAuth client id (created by okta-bootstrap-${this.environment})` });
    }
    for (const [id, app] of this.integrations) {
      new TerraformOutput(this, `${id}_app_id`, { value: app.appId, description: `${app.label}: Okta app id` });
      if (app.metadataUrl) {
        new TerraformOutput(this, `${id}_saml_metadata_url`, { value: app.metadataUrl, description: `${app.label}: IdP metadata URL for the service provider` });
      }
    }
    for (const [id, server] of this.servers) {
      if (id === "apiCenter") continue;
      new TerraformOutput(this, `${id}_api_id`, { value: server.authServerId, description: `${server.name}: authorization server id` });
      new TerraformOutput(this, `${id}_api_issuer`, { value: server.issuer, description: `${server.name}: issuer URI` });
      new TerraformOutput(this, `${id}_api_audience`, { value: server.audience, description: `${server.name}: audience of its access tokens` });
      new TerraformOutput(this, `${id}_api_tiers`, {
        description: `${server.name}: tier → scope → group → resource`,
        value: Object.fromEntries(server.tiers.map((t) => [t.tierName, { scope: t.scopeName, group: t.group.groupName, group_id: t.group.groupId, resource: t.resourcePath }])),
      });
    }
    if (!this.apiCenter) return;
    new TerraformOutput(this, "api_center_id", { value: this.apiCenter.authServerId, description: "API Center authorization server id" });
    new TerraformOutput(this, "api_center_issuer", { value: this.apiCenter.issuer, description: "API Center issuer URI" });
    const tiers = this.apiCenter.tiers;
    new TerraformOutput(this, "api_center_tiers", {
      description: "Tier → scope → subscriber group → resource it guards (seed 002)",
      value: Object.fromEntries(tiers.map((t) => [t.tierName, { scope: t.scopeName, group: t.group.groupName, group_id: t.group.groupId, resource: t.resourcePath }])),
    });
  }
}

export function providerConfig(path: string, settings: ProviderSettings = {}) {
  const problems = new Problems();
  checkRange(problems, "provider.maxApiCapacity", settings.maxApiCapacity, 1, 100, "percent of the org's rate limit");
  checkRange(problems, "provider.maxRetries", settings.maxRetries, 0, 100, "the provider's limit");
  checkRange(problems, "provider.requestTimeout", settings.requestTimeout, 0, 300, "the provider's limit");
  checkRange(problems, "provider.minWaitSeconds", settings.minWaitSeconds, 0, 3600, "seconds to wait after a 429");
  checkRange(problems, "provider.maxWaitSeconds", settings.maxWaitSeconds, 0, 3600, "seconds to wait after a 429");
  problems.throwIfAny(`${path}/okta`);
  // No org name, URL or credential here: the provider reads them from OKTA_* variables.
  return {
    maxApiCapacity: settings.maxApiCapacity ?? 50,
    backoff: settings.backoff ?? true,
    minWaitSeconds: settings.minWaitSeconds ?? 30,
    maxWaitSeconds: settings.maxWaitSeconds ?? 300,
    maxRetries: settings.maxRetries ?? 5,
    requestTimeout: settings.requestTimeout ?? 0,
  };
}

export function configureBackend(stack: TerraformStack, backend: BackendConfig): void {
  const id = stack.node.id;
  switch (backend.type) {
    case "local":
      // Relative to cdktf.out/stacks/<stack>, where Terraform runs: state lives in the project
      // root, outside cdktf.out, and no machine-specific absolute path lands in the JSON.
      new LocalBackend(stack, { path: backend.path ?? path.posix.join("..", "..", "..", `terraform.${id}.tfstate`) });
      return;
    case "s3": {
      const s3 = new S3Backend(stack, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        encrypt: true,
        dynamodbTable: backend.dynamodbTable,
      });
      // cdktf 0.21 predates Terraform 1.10's S3-native locking, so it is set as an override.
      if (backend.useLockfile ?? true) s3.addOverride("use_lockfile", true);
      return;
    }
    case "cloud":
      new CloudBackend(stack, { organization: backend.organization, hostname: backend.hostname, workspaces: new NamedCloudWorkspace(backend.workspace) });
      return;
  }
}

/**
 * Import blocks (Terraform ≥ 1.5, cdktf's importFrom) for the objects that already exist in
 * Okta, so the first deploy of an imported org adopts them instead of creating duplicates.
 * An address this stack does not create is an error: a stale import would adopt nothing.
 */
export function adoptExisting(stack: TerraformStack, imports: Readonly<Record<string, string>>): void {
  const wanted = new Map(Object.entries(imports));
  for (const node of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(node)) continue;
    const address = `${node.terraformResourceType}.${node.friendlyUniqueId}`;
    const id = wanted.get(address);
    if (id === undefined) continue;
    // What importFrom(id) records, without the validation importFrom also adds: it runs
    // `terraform version` once per resource at synth (3,000 processes, 6 minutes, for a
    // 1,000-app import) and fails synth wherever Terraform is not installed. A Terraform
    // older than 1.5 refuses the import block itself, by name, at init.
    (node as unknown as { _imported?: { id: string } })._imported = { id };
    wanted.delete(address);
  }
  if (wanted.size) {
    throw new OktaConfigError(`${stack.node.path}/imports`, [...wanted].map(([address, id]) => ({
      what: "imports names a resource this stack does not create",
      value: `${address} = ${id}`,
      fix: "remove the entry (its object was renamed or dropped from config), or run npm run import again.",
    })));
  }
}

/** A service client as one server's policy sees it (scopes are set per server). */
function serviceView(client: IServiceClient): IServiceClient {
  return { id: client.id, clientId: client.clientId, label: client.label, key: client.key, grantTypes: client.grantTypes, scopes: client.scopes };
}
