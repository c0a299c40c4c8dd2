import { constructKey, slug } from "../constructs/app-assignments";
import { explicitIds, withExplicitIds } from "./construct-keys";
import { EnvironmentName } from "../constructs/environment";
import { ApiConfig, AppConfig, AssignmentConfig, OrgConfig } from "../config/types";
import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "../config/terraform-keys";
import { ImportLog } from "./import-report";
import { checkedSnapshot } from "./answer-shapes";
import { OktaApp, OktaClientRole, OrgSnapshot } from "./okta-objects";
import { API_CENTER_NAME, MappedServer, mapServer } from "./map-servers";
import { serverConstructId } from "../stacks/okta-org-stack";
import { appIdFor, isSystemApp, mapApp, publicJwk } from "./map-apps";
import { PublicJwk } from "../constructs/oauth-app";
import { mapSignOn } from "./map-sign-on";

/** An org as config, with where each construct's resource already exists in Okta. */
export interface MappedOrg {
  readonly config: OrgConfig;
  /** Construct path under the stack (e.g. "portal/App") → the provider's import id. */
  readonly adopt: ReadonlyMap<string, string>;
  /** The same for okta-bootstrap-<env>: privileged service apps, their grants and roles. */
  readonly bootstrapAdopt: ReadonlyMap<string, string>;
  /** Trusted origin (URL) → Okta id, for the origins the imported SPAs declare. */
  readonly origins: ReadonlyMap<string, string>;
  readonly log: ImportLog;
  /** The answers the mapping used: those of the expected shape. */
  readonly snapshot: OrgSnapshot;
}

export interface MapOptions {
  readonly environment: EnvironmentName;
  /** App ids to leave out (an earlier synth refused them; logged by the caller). */
  readonly exclude?: ReadonlySet<string>;
  /** Okta ids of groups and group rules to leave out, each with the constructs' reason. */
  readonly excludeObjects?: ReadonlyMap<string, string>;
}

/** Maps what was read of an org onto OrgConfig; every object is logged as imported, skipped or not imported. */
export function mapOrg(answered: OrgSnapshot, options: MapOptions): MappedOrg {
  const log = new ImportLog();
  const snapshot = checkedSnapshot(answered, log);
  const adopt = new Map<string, string>();

  // Groups: Okta-mastered ones are ours to manage; Everyone is referenced; directory groups are not ours.
  const groupNames = new Map<string, string>();
  // The first group of each name, by its lower case: searched per group, the names made an org
  // of 50,000 groups take minutes (quadratic).
  const byLowerName = new Map<string, string>();
  let everyoneId: string | undefined;
  for (const g of snapshot.groups) {
    const name = g.profile?.name ?? g.id;
    if (g.type === "BUILT_IN" && name === "Everyone") {
      everyoneId = g.id;
      log.add("group", name, g.id, "skipped", 'Okta\'s built-in group: referenced as assignTo "everyone", never recreated');
    } else if (options.excludeObjects?.has(g.id)) {
      log.add("group", name, g.id, "not imported", `the constructs refuse it: ${options.excludeObjects.get(g.id)!.replace(/\.$/, "")}. It stays in Okta, unmanaged, and so do the assignments and rules that name it`);
    } else if (g.type === "OKTA_GROUP" || g.type === undefined) {
      const twin = byLowerName.get(name.toLowerCase());
      if (twin !== undefined) log.add("group", name, g.id, "not imported", `its name repeats group ${twin}'s (Okta group names are unique; config names groups by name). Fix: rename one in Okta, then import again`);
      else {
        groupNames.set(g.id, name);
        byLowerName.set(name.toLowerCase(), g.id);
      }
    }
    else log.add("group", name, g.id, "not imported", `a ${g.type} group is mastered by ${g.type === "APP_GROUP" ? "a directory or app" : "Okta"}; Terraform must not manage its membership or profile`);
  }

  // Service apps holding okta.* grants are privileged: okta-bootstrap-<env> adopts them, with
  // their grants and admin roles, when the roles could be read; Terraform's own identities are
  // that stack's own (TerraformApp, TerraformPlanApp), created from bootstrap keys.
  const privileged = new Map<string, { scopes: string[]; roles: readonly OktaClientRole[] }>();
  const identities = new Map<"TerraformApp" | "TerraformPlanApp", { app: OktaApp; keys: PublicJwk[]; roles: readonly OktaClientRole[] }>();
  const apps = snapshot.apps.filter((a) => {
    const oktaScopes = [...new Set((snapshot.grants[a.id] ?? []).filter((g) => g.status !== "REVOKED").map((g) => g.scopeId ?? ""))].sort();
    const roles = snapshot.clientRoles?.[a.id];
    if (isSystemApp(a)) log.add("app", a.label, a.id, "skipped", "one of Okta's own apps (Admin Console, Dashboard, plug-in…): referenced, never recreated");
    else if (oktaScopes.length && /^Terraform( plan, read-only)? \(okta-/.test(a.label ?? "")) {
      const why = adoptIdentity(a, roles, identities);
      if (why) log.add("app", a.label, a.id, "not imported", `Terraform's own identity, which okta-bootstrap-<env> manages: ${why}`);
    } else if (oktaScopes.length && (roles === undefined || typeof roles === "string")) {
      log.add("app", a.label, a.id, "not imported", `it holds Okta management scopes (${oktaScopes.join(", ")}), and its admin roles could not be read${typeof roles === "string" ? ` (${roles})` : ""}: the bootstrap stack would assign them again. Fix: read with an identity that has okta.roles.read (the plan identity does once its bootstrap stack is deployed), then import again`);
    } else {
      if (oktaScopes.length) privileged.set(a.id, { scopes: oktaScopes, roles: roles as readonly OktaClientRole[] });
      return true;
    }
    return false;
  });
  const clientKinds = new Map(apps.filter((a) => a.signOnMode === "OPENID_CONNECT").map((a) => [a.credentials?.oauthClient?.client_id ?? a.id, a.settings?.oauthClient?.application_type ?? "web"]));

  const servers: MappedServer[] = [];
  const serverKeys = new Set<string>();
  for (const s of snapshot.authServers) {
    const name = s.server.name ?? s.server.id;
    if (s.server.default || name === "default") {
      log.add("authorization server", name, s.server.id, "skipped", "Okta's default authorization server: built in, never recreated (apps here sign in at the org server or a custom one)");
      continue;
    }
    const key = name === API_CENTER_NAME && !serverKeys.has("apiCenter") ? "apiCenter" : uniqueKey(name, serverKeys);
    serverKeys.add(key);
    const mapped = mapServer(s, key, clientKinds, groupNames, log);
    if (!mapped) continue;
    servers.push(mapped);
    for (const [p, id] of mapped.adopt) adopt.set(`${serverConstructId(key)}/${p}`, id);
  }
  const tierGroupIds = new Set(servers.flatMap((s) => [...s.tierGroups.keys()]));

  const groups = [...groupNames].filter(([id]) => !tierGroupIds.has(id));
  // Names that differ only in what a construct id drops get ids of their own (a tier group's
  // name is taken by its assignments: Assignment-<slug>).
  const groupIds = explicitIds(groups.map(([, name]) => name), [...tierGroupIds].map((id) => slug(groupNames.get(id)!)));
  const groupKeys = new Map([...groupNames.values()].map((name) => [name, constructKey({ name, id: groupIds.get(name) })]));
  for (const [id, name] of groups) adopt.set(`Group-${groupKeys.get(name)}/Group`, id);
  const description = new Map(snapshot.groups.map((g) => [g.id, g.profile?.description ?? undefined]));
  for (const [id, name] of groupNames) log.imported("group", name, id);

  const groupRules: { name: string; group: string; expression: string; oktaId: string }[] = [];
  for (const r of snapshot.groupRules) {
    const targets = r.actions?.assignUserToGroups?.groupIds ?? [];
    const excludes = [...(r.conditions?.people?.users?.exclude ?? []), ...(r.conditions?.people?.groups?.exclude ?? [])];
    const why = [
      r.status && r.status !== "ACTIVE" ? `it is ${r.status}` : "",
      targets.length !== 1 ? `it fills ${targets.length} groups; a rule here fills one` : !groupNames.has(targets[0]) ? "it fills a group that is not imported" : "",
      excludes.length ? "it excludes users or groups, which the constructs do not model" : "",
      r.conditions?.expression?.type && r.conditions.expression.type !== "urn:okta:expression:1.0" ? `its expression type is ${r.conditions.expression.type}` : "",
      !r.conditions?.expression?.value ? "it has no expression" : "",
    ].filter(Boolean);
    if (options.excludeObjects?.has(r.id)) why.push(`the constructs refuse it: ${options.excludeObjects.get(r.id)}`);
    if (why.length) {
      log.add("group rule", r.name, r.id, "not imported", why.join("; "));
      continue;
    }
    groupRules.push({ name: r.name ?? r.id, group: groupNames.get(targets[0])!, expression: r.conditions!.expression!.value!, oktaId: r.id });
    log.imported("group rule", r.name, r.id);
  }
  const rulesWithIds = withExplicitIds(groupRules);
  for (const r of rulesWithIds) adopt.set(`GroupRule-${constructKey(r)}/Rule`, r.oktaId);

  // Authentication policies the imported apps use, and the zones their rules name.
  const signOn = mapSignOn(snapshot, groupNames, everyoneId, options.excludeObjects ?? new Map(), log);
  for (const [p, id] of signOn.adopt) adopt.set(p, id);

  const corsOrigins = new Map(
    snapshot.trustedOrigins.filter((t) => t.status !== "INACTIVE" && t.origin).map((t) => [t.origin!.replace(/\/+$/, ""), t.id] as const),
  );
  const appIds = new Set<string>();
  const bootstrapAdopt = new Map<string, string>();
  // Terraform's own identities: the bootstrap stack's TerraformApp and TerraformPlanApp, with
  // every admin role they hold in Okta offered for adoption (the stack adopts those it assigns).
  for (const [constructId, { app, roles }] of identities) {
    const clientId = app.credentials?.oauthClient?.client_id ?? app.id;
    bootstrapAdopt.set(`${constructId}/App`, app.id);
    bootstrapAdopt.set(`${constructId}/OktaApiScopes`, app.id);
    for (const r of roles.filter((x) => x.status !== "INACTIVE")) bootstrapAdopt.set(`${constructId}/Role-${r.type}`, `${clientId}/${r.id}`);
    log.imported("app", app.label, app.id, ["its okta.* scopes and admin roles become what the main stack's API calls need (okta-bootstrap-<env> derives them)"]);
  }
  const appConfigs: AppConfig[] = [];
  const claimedOrigins = new Set<string>();
  /** The Okta client id of each OIDC app that made it into config, by config id. */
  const clientIdOf = new Map<string, string>();
  // Okta allows two apps with one label; config keeps labels unique (people could not tell the
  // apps apart), so the first imported in this order keeps it and a later twin is left out, with why.
  const labelOwners = new Map<string, string>();
  for (const app of [...apps].sort((a, b) => (a.label ?? "").localeCompare(b.label ?? "") || a.id.localeCompare(b.id))) {
    const labelKey = (app.label ?? app.id).trim().toLowerCase();
    const twin = labelOwners.get(labelKey);
    if (twin !== undefined) {
      log.add("app", app.label ?? app.id, app.id, "not imported", `its label repeats app ${twin}'s (Okta allows it; config gives each app its own label, so people can tell them apart). It stays in Okta, unmanaged. Fix: rename one in Okta, then import again`);
      continue;
    }
    const id = appIdFor(app.label ?? app.id, appIds);
    if (options.exclude?.has(id)) continue;
    const mapped = mapApp(app, id, { ...assignmentOf(app, snapshot, groupNames, everyoneId), groupKeys, servers, trustedOrigins: corsOrigins, privileged: privileged.get(app.id) }, log);
    if (!mapped) continue;
    // Claimed by an app that is imported: a twin left out for its own reason (inactive, say) claims nothing.
    labelOwners.set(labelKey, app.id);
    // Every app stays on the policy it has in Okta: one imported here, or one left there (by id).
    const policy = mapped.config.kind === "service" ? undefined : signOn.policyOf(app);
    appConfigs.push(policy ? ({ ...mapped.config, ...policy } as AppConfig) : mapped.config);
    if (policy) adopt.set(`${mapped.config.id}/AuthenticationPolicy`, app.id);
    for (const [p, oktaId] of mapped.bootstrapAdopt ?? []) bootstrapAdopt.set(p, oktaId);
    if (app.signOnMode === "OPENID_CONNECT") clientIdOf.set(mapped.config.id, app.credentials?.oauthClient?.client_id ?? app.id);
    for (const [p, oktaId] of mapped.adopt) adopt.set(p, oktaId);
    mapped.origins.forEach((o) => claimedOrigins.add(o));
  }
  const origins = new Map<string, string>();
  for (const t of snapshot.trustedOrigins) {
    const origin = (t.origin ?? "").replace(/\/+$/, "");
    if (claimedOrigins.has(origin) && corsOrigins.get(origin) === t.id) {
      origins.set(origin, t.id);
      const scopes = (t.scopes ?? []).map((s) => s.type).sort();
      log.imported("trusted origin", t.name ?? origin, t.id, scopes.join() === "CORS,REDIRECT" ? [] : [`scopes ${scopes.join(", ") || "(none)"} → CORS, REDIRECT (what a SPA needs)`]);
    } else {
      log.add("trusted origin", t.name ?? origin, t.id, "not imported", "no imported SPA is served from it (origins here are declared by the SPAs that need them). Fix: delete it in Okta if nothing uses it, or manage it outside this toolkit");
    }
  }

  // A user policy keeps every client it has in Okta: an app left out of config (refused, or
  // not importable) stays in the list by its client id, so the first deploy takes no one's
  // tokens away; its users are whoever the tier rules admit, as before.
  // Each app by its client id, looked up per unmanaged client (not searched: an org of thousands).
  const appsByClientId = new Map<string, OktaApp>();
  for (const a of snapshot.apps) {
    const clientId = a.credentials?.oauthClient?.client_id ?? a.id;
    if (!appsByClientId.has(clientId)) appsByClientId.set(clientId, a);
  }
  const withUnmanaged = (s: MappedServer): ApiConfig => {
    const managed = new Set(appConfigs.filter((a) => (a as { apis?: readonly string[] }).apis?.includes(s.key)).map((a) => clientIdOf.get(a.id)));
    const unmanaged = [...new Set(s.policyClients.filter((c) => c !== "ALL_CLIENTS" && !managed.has(c)))].sort();
    const grantsOf = (clientId: string) => [...(appsByClientId.get(clientId)?.settings?.oauthClient?.grant_types ?? [])].sort();
    return unmanaged.length ? { ...s.config, unmanagedClients: unmanaged.map((clientId) => ({ clientId, grantTypes: grantsOf(clientId) })) } : s.config;
  };
  const apiCenterServer = servers.find((s) => s.key === "apiCenter");
  const apiCenter = apiCenterServer ? { config: withUnmanaged(apiCenterServer) } : undefined;
  const apis: Record<string, ApiConfig> = Object.fromEntries(servers.filter((s) => s.key !== "apiCenter").map((s) => [s.key, withUnmanaged(s)]));
  const config: OrgConfig = {
    environment: options.environment,
    ...(apiCenter ? { apiCenter: apiCenter.config } : {}),
    ...(Object.keys(apis).length ? { apis } : {}),
    ...(groups.length ? { groups: groups.map(([id, name]) => ({ name, ...(groupIds.has(name) ? { id: groupIds.get(name)! } : {}), ...(description.get(id) ? { description: description.get(id)! } : {}) })) } : {}),
    ...(groupRules.length ? { groupRules: rulesWithIds.map(({ oktaId: _, ...r }) => r) } : {}),
    ...(signOn.networkZones.length ? { networkZones: signOn.networkZones } : {}),
    ...(Object.keys(signOn.policies).length ? { authenticationPolicies: signOn.policies } : {}),
    apps: appConfigs,
    // Adopted identities keep the public keys Okta holds: Terraform's private keys still match.
    bootstrap: {
      jwks: identities.get("TerraformApp")?.keys ?? [TERRAFORM_KEYS[options.environment]],
      planJwks: identities.get("TerraformPlanApp")?.keys ?? [TERRAFORM_PLAN_KEYS[options.environment]],
      ...(identities.get("TerraformApp") && identities.get("TerraformApp")!.app.label !== `Terraform (okta-${options.environment})` ? { label: identities.get("TerraformApp")!.app.label } : {}),
    },
  };
  return { config, adopt, bootstrapAdopt, origins, log, snapshot };
}

/**
 * Takes one of Terraform's own identities for adoption by the bootstrap stack, or says why not:
 * its public keys must be readable (the bootstrap stack writes them back, and Terraform's
 * private key must keep matching), and so must its admin roles.
 */
function adoptIdentity(
  app: OktaApp,
  roles: readonly OktaClientRole[] | string | undefined,
  into: Map<"TerraformApp" | "TerraformPlanApp", { app: OktaApp; keys: PublicJwk[]; roles: readonly OktaClientRole[] }>,
): string | undefined {
  const constructId = (app.label ?? "").startsWith("Terraform plan, read-only") ? "TerraformPlanApp" : "TerraformApp";
  if (into.has(constructId)) return `a second app labelled like ${constructId === "TerraformApp" ? "the deploy" : "the plan"} identity. Fix: delete the stale one in Okta, then import again`;
  if (roles === undefined || typeof roles === "string") return `its admin roles could not be read${typeof roles === "string" ? ` (${roles})` : ""}. Fix: read with an identity that has okta.roles.read, then import again`;
  if (app.credentials?.oauthClient?.token_endpoint_auth_method !== "private_key_jwt") return "it does not authenticate with private_key_jwt. Fix: leave it, and let the bootstrap deploy create Terraform's identity with your keys";
  const keys = (app.settings?.oauthClient?.jwks?.keys ?? []).map(publicJwk).filter((k): k is PublicJwk => k !== undefined);
  if (!keys.length) return "its public keys could not be read (a JWKS URI, or none). Fix: give it its public keys in Okta, then import again";
  into.set(constructId, { app, keys, roles });
  return undefined;
}

function uniqueKey(name: string, taken: ReadonlySet<string>): string {
  const words = name.replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  const base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join("") || "api";
  const start = /^[a-z]/.test(base) ? base : `api${base}`;
  let key = start;
  for (let i = 2; taken.has(key) || key === "apiCenter"; i++) key = `${start}${i}`;
  return key;
}

function assignmentOf(app: OktaApp, snapshot: OrgSnapshot, groupNames: ReadonlyMap<string, string>, everyoneId: string | undefined) {
  const assigned = snapshot.appGroups[app.id] ?? [];
  const dropped: string[] = [];
  const names = new Map<string, string>();
  for (const a of assigned) {
    if (a.id === everyoneId) names.set("Everyone", a.id);
    else if (groupNames.has(a.id)) names.set(groupNames.get(a.id)!, a.id);
    else dropped.push(`its assignment to group ${a.id} (not imported) stays in Okta, unmanaged`);
  }
  let assignTo: AssignmentConfig | undefined;
  let groupIds = names;
  if (names.has("Everyone")) {
    for (const other of [...names.keys()].filter((n) => n !== "Everyone")) dropped.push(`its assignment to ${other} is redundant beside Everyone and stays in Okta, unmanaged`);
    assignTo = "everyone";
    groupIds = new Map([["Everyone", names.get("Everyone")!]]);
  } else if (names.size) assignTo = [...names.keys()].sort();
  return { assignTo, groupIds, droppedAssignments: dropped };
}
