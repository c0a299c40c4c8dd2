import { OKTA_SCHEMA } from "../terraform/schema";
import { addressOf, parseReference } from "../review/stack-json";
import { AccessMatrix, accessOf } from "../review/access";
import { AccessDiff, diffAccess, rekeyed } from "../review/diff";
import { StateResource, stackJsonFromState } from "../review/drift";
import { unescapeLiteral } from "../terraform/interpolations";
import { OktaAccessRule, OktaApp, OrgSnapshot } from "./okta-objects";
import { accessPolicyIdOf } from "./map-sign-on";

/** One attribute the first deploy changes in Okta: what Okta holds now, and what config says. */
export interface FirstDeployChange {
  readonly address: string;
  readonly attribute: string;
  readonly okta: unknown;
  readonly config: unknown;
}

type Json = Record<string, unknown>;
type Live = Record<string, unknown>;

/** The provider's schema holds it as a set ("Set of String"): its order is no change. */
function isSet(type: string, attribute: string): boolean {
  return (OKTA_SCHEMA.resources[type]?.["."]?.[attribute]?.type ?? "").startsWith("Set of");
}

/**
 * What the first deploy of the imported config changes in Okta: each adopted resource's
 * attributes as synthesized, against the object Okta answered (references resolved to the ids
 * they adopt). Only attributes that config sets and the import reads are compared: an
 * attribute config leaves to the provider may be computed (Okta keeps its value), which the
 * schema facts do not tell; README says to read the first real plan for those.
 */
export function firstDeployChanges(json: Json, snapshot: OrgSnapshot, imports: Readonly<Record<string, string>>): FirstDeployChange[] {
  const live = liveObjects(snapshot);
  const idOf = idsOf(snapshot, imports, json);
  const resolve = resolverOf(snapshot, idOf);
  const out: FirstDeployChange[] = [];
  for (const [type, byName] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [name, attrs] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      const id = idOf(address);
      const now = id !== undefined ? live.get(`${type}:${id}`) : undefined;
      if (!now) continue;
      for (const [attribute, okta] of Object.entries(now)) {
        if (!(attribute in attrs)) continue;
        const config = resolve(attrs[attribute]);
        if (!same(isSet(type, attribute), okta, config)) out.push({ address, attribute, okta, config });
      }
    }
  }
  return out;
}

/**
 * The Okta id a synthesized address stands for: Everyone for the data source, the adopted
 * object's id (an assignment's whole `<app>/<group>`, otherwise the import id's last part), or
 * the id given to what the first deploy creates.
 */
function idsOf(snapshot: OrgSnapshot, imports: Readonly<Record<string, string>>, json: Json, created: ReadonlyMap<string, string> = new Map()): (address: string) => string | undefined {
  const everyone = snapshot.groups.find((g) => g.type === "BUILT_IN")?.id;
  // A user type lookup stands for the org's type of that name.
  const types = Array.isArray(snapshot.userTypes) ? snapshot.userTypes : [];
  const userTypes = new Map(
    Object.entries(((json.data as Json | undefined)?.okta_user_type ?? {}) as Record<string, Json>).map(([name, attrs]) => [`data.okta_user_type.${name}`, types.find((t) => t.name === attrs.name)?.id]),
  );
  return (address) => {
    if (address.startsWith("data.okta_everyone_group.")) return everyone;
    if (userTypes.has(address)) return userTypes.get(address);
    const imported = imports[address];
    if (imported !== undefined) return address.startsWith("okta_app_group_assignment.") ? imported : imported.split("/").pop();
    return created.get(address);
  };
}

function clientIdsOf(snapshot: OrgSnapshot): Map<string, string> {
  return new Map(snapshot.apps.map((a) => [a.id, a.credentials?.oauthClient?.client_id ?? a.id]));
}

/**
 * A synthesized value as Okta will hold it: references to adopted (or created) resources as
 * the ids they resolve to, client_id references as the client id, free text unescaped.
 */
function resolverOf(snapshot: OrgSnapshot, idOf: (address: string) => string | undefined): (v: unknown) => unknown {
  const clientIds = clientIdsOf(snapshot);
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (typeof v !== "string") return v;
    const ref = parseReference(v);
    if (!ref || (ref.attribute !== "id" && ref.attribute !== "client_id")) return unescapeLiteral(v);
    const id = idOf(addressOf(ref));
    return ref.attribute === "client_id" && id ? (clientIds.get(id) ?? id) : (id ?? v);
  };
  return resolve;
}

function same(set: boolean, a: unknown, b: unknown): boolean {
  if (set && Array.isArray(a) && Array.isArray(b)) return JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());
  if ((a === undefined || (Array.isArray(a) && a.length === 0)) && (b === undefined || (Array.isArray(b) && b.length === 0))) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Okta's objects as the provider's attributes, for the attributes the import reads. */
export function liveObjects(s: OrgSnapshot): Map<string, Live> {
  const out = new Map<string, Live>();
  for (const a of s.apps) {
    const o = a.settings?.oauthClient;
    // The key of the app's own object, whose attribute its authentication policy is (below).
    let appKey: string | undefined;
    if (a.signOnMode === "OPENID_CONNECT" && o) {
      appKey = `okta_app_oauth:${a.id}`;
      const refresh = (o.grant_types ?? []).includes("refresh_token") && o.application_type !== "service";
      out.set(appKey, {
        label: a.label,
        type: o.application_type,
        grant_types: o.grant_types,
        response_types: o.response_types,
        redirect_uris: o.redirect_uris,
        post_logout_redirect_uris: o.post_logout_redirect_uris,
        pkce_required: a.credentials?.oauthClient?.pkce_required,
        token_endpoint_auth_method: a.credentials?.oauthClient?.token_endpoint_auth_method,
        ...(refresh ? { refresh_token_rotation: o.refresh_token?.rotation_type } : {}),
      });
    } else if (a.signOnMode === "SAML_2_0" && a.settings?.signOn?.ssoAcsUrl) {
      const so = a.settings.signOn;
      const acs = [...(so.acsEndpoints ?? [])].sort((x, y) => (x.index ?? 0) - (y.index ?? 0)).map((e) => e.url);
      appKey = `okta_app_saml:${a.id}`;
      out.set(appKey, { label: a.label, sso_url: so.ssoAcsUrl, ...(acs.length ? { acs_endpoints: acs } : {}), audience: so.audience, signature_algorithm: so.signatureAlgorithm, digest_algorithm: so.digestAlgorithm, response_signed: so.responseSigned, assertion_signed: so.assertionSigned });
    } else if (a.signOnMode === "BOOKMARK") {
      appKey = `okta_app_bookmark:${a.id}`;
      out.set(appKey, { label: a.label, url: a.settings?.app?.url });
    }
    else if (a.signOnMode === "BROWSER_PLUGIN") out.set(`okta_app_swa:${a.id}`, { label: a.label, url: a.settings?.app?.url });
    for (const g of s.appGroups[a.id] ?? []) out.set(`okta_app_group_assignment:${a.id}/${g.id}`, { app_id: a.id, group_id: g.id });
    // The app's authentication policy: an attribute of OIDC, SAML and bookmark apps, a resource of its own for the others.
    const policy = accessPolicyIdOf(a);
    if (policy) {
      if (appKey) out.set(appKey, { ...out.get(appKey), authentication_policy: policy });
      else out.set(`okta_app_access_policy_assignment:${a.id}`, { app_id: a.id, policy_id: policy });
    }
  }
  for (const { policy, rules } of s.accessPolicies ?? []) {
    const catchAll = rules.find((r) => r.system);
    out.set(`okta_app_signon_policy:${policy.id}`, { name: policy.name, description: policy.description ?? "", catch_all: catchAll?.actions?.appSignOn?.access !== "DENY", ...(policy.status === "INACTIVE" ? { status: "INACTIVE" } : {}) });
    for (const r of rules) out.set(`okta_app_signon_policy_rule:${r.id}`, { ...signOnRuleValues(r), policy_id: policy.id });
  }
  for (const z of s.zones ?? []) {
    out.set(`okta_network_zone:${z.id}`, {
      name: z.name,
      type: z.type,
      status: z.status ?? "ACTIVE",
      usage: z.usage ?? "POLICY",
      gateways: z.gateways?.length ? z.gateways.map((g) => g.value) : undefined,
      proxies: z.proxies?.length ? z.proxies.map((g) => g.value) : undefined,
      dynamic_locations: z.locations?.length ? z.locations.map((l) => l.region || l.country) : undefined,
      asns: z.asns?.length ? z.asns : undefined,
      dynamic_proxy_type: z.proxyType ?? undefined,
    });
  }
  for (const g of s.groups) out.set(`okta_group:${g.id}`, { name: g.profile?.name, description: g.profile?.description ?? undefined });
  for (const r of s.groupRules) out.set(`okta_group_rule:${r.id}`, { name: r.name, expression_value: r.conditions?.expression?.value, group_assignments: r.actions?.assignUserToGroups?.groupIds });
  for (const t of s.trustedOrigins) out.set(`okta_trusted_origin:${t.id}`, { origin: t.origin, scopes: (t.scopes ?? []).map((x) => x.type) });
  for (const { server, scopes, claims, policies } of s.authServers) {
    out.set(`okta_auth_server:${server.id}`, { name: server.name, audiences: server.audiences, issuer_mode: server.issuerMode });
    for (const sc of scopes) out.set(`okta_auth_server_scope:${sc.id}`, { name: sc.name, consent: sc.consent, metadata_publish: sc.metadataPublish, display_name: sc.displayName });
    for (const c of claims) {
      out.set(`okta_auth_server_claim:${c.id}`, {
        name: c.name,
        claim_type: c.claimType,
        value_type: c.valueType,
        value: c.value,
        group_filter_type: c.group_filter_type,
        scopes: (c.conditions?.scopes ?? []).length ? c.conditions?.scopes : undefined,
        always_include_in_token: c.alwaysIncludeInToken,
      });
    }
    for (const { policy, rules } of policies) {
      out.set(`okta_auth_server_policy:${policy.id}`, { name: policy.name, priority: policy.priority, client_whitelist: policy.conditions?.clients?.include });
      for (const r of rules) {
        const t = r.actions?.token ?? {};
        out.set(`okta_auth_server_policy_rule:${r.id}`, {
          name: r.name,
          priority: r.priority,
          grant_type_whitelist: r.conditions?.grantTypes?.include,
          scope_whitelist: r.conditions?.scopes?.include,
          group_whitelist: r.conditions?.people?.groups?.include,
          access_token_lifetime_minutes: t.accessTokenLifetimeMinutes,
          refresh_token_window_minutes: t.refreshTokenWindowMinutes,
          refresh_token_lifetime_minutes: t.refreshTokenLifetimeMinutes,
        });
      }
    }
  }
  return out;
}

/** A sign-on rule as the provider's attributes (state-like), from Okta's rule object. */
function signOnRuleValues(r: OktaAccessRule): Json {
  const c = r.conditions ?? {};
  const v = r.actions?.appSignOn?.verificationMethod;
  const access = r.actions?.appSignOn?.access ?? "ALLOW";
  const strip = (o: Readonly<Record<string, unknown>>) => JSON.stringify(Object.fromEntries(Object.entries(o).map(([k, b]) => [k, b && typeof b === "object" ? Object.fromEntries(Object.entries(b).filter(([f]) => f !== "required")) : b])));
  const platforms = (c.platform?.include ?? []).map((p) => ({ type: p.type ?? "ANY", os_type: p.os?.type ?? "ANY" })).filter((p) => !(p.type === "ANY" && p.os_type === "ANY"));
  return {
    name: r.name,
    priority: r.priority,
    status: r.status ?? "ACTIVE",
    system: r.system === true,
    access,
    ...(access === "ALLOW" && v ? { factor_mode: v.factorMode, re_authentication_frequency: v.reauthenticateIn, constraints: v.constraints?.length ? v.constraints.map(strip) : undefined, type: v.type } : {}),
    groups_included: c.people?.groups?.include?.length ? c.people.groups.include : undefined,
    groups_excluded: c.people?.groups?.exclude?.length ? c.people.groups.exclude : undefined,
    users_included: c.people?.users?.include?.length ? c.people.users.include : undefined,
    users_excluded: c.people?.users?.exclude?.length ? c.people.users.exclude : undefined,
    user_types_included: c.userType?.include?.length ? c.userType.include : undefined,
    user_types_excluded: c.userType?.exclude?.length ? c.userType.exclude : undefined,
    custom_expression: c.elCondition?.condition || undefined,
    network_connection: c.network?.connection ?? "ANYWHERE",
    network_includes: c.network?.include?.length ? c.network.include : undefined,
    network_excludes: c.network?.exclude?.length ? c.network.exclude : undefined,
    device_is_registered: c.device?.registered ? true : undefined,
    device_is_managed: c.device?.managed ? true : undefined,
    device_assurances_included: c.device?.assurance?.include?.length ? c.device.assurance.include : undefined,
    platform_include: platforms.length ? platforms : undefined,
    risk_score: c.riskScore?.level && c.riskScore.level !== "ANY" ? c.riskScore.level : undefined,
  };
}

/**
 * Who can get which token, sign in to which app, or carry which claim: in the org as read, and
 * in the org as it will be after the first deploy of the imported config (every adopted object
 * as config says, every created one added, everything the import left out as it is, since
 * Terraform never touches what it does not manage). Both in the review's access model, over
 * every object, imported or not. The default must be no change at all.
 */
export function firstDeployAccess(json: Json, snapshot: OrgSnapshot, imports: Readonly<Record<string, string>>): AccessDiff {
  const now = liveResources(snapshot);
  const after = new Map(now.map((r) => [r.address, r]));
  const clientIds = clientIdsOf(snapshot);
  const created = new Map<string, string>();
  const idOf = idsOf(snapshot, imports, json, created);
  const resources = Object.entries((json.resource ?? {}) as Record<string, Record<string, Json>>).flatMap(([type, byName]) => Object.entries(byName).map(([name, attrs]) => ({ type, name, attrs })));
  // What the first deploy creates gets an id of its own first, so references to it resolve.
  for (const r of resources) if (imports[`${r.type}.${r.name}`] === undefined) created.set(`${r.type}.${r.name}`, `new-${r.type}-${r.name}`);
  const resolve = resolverOf(snapshot, idOf);
  for (const r of resources) {
    const id = idOf(`${r.type}.${r.name}`)!;
    const key = liveAddress(r.type, id);
    const before = after.get(key);
    const values: Json = { ...(before?.values ?? {}), id };
    for (const [k, v] of Object.entries(r.attrs)) if (k !== "//" && k !== "lifecycle" && k !== "depends_on") values[k] = resolve(v);
    if (r.type === "okta_app_oauth" && values.client_id === undefined) values.client_id = clientIds.get(id) ?? id;
    after.set(key, { address: key, mode: "managed", type: r.type, name: liveName(id), values });
  }
  return diffAccess(byOktaId(accessOf(stackJsonFromState(now))), byOktaId(accessOf(stackJsonFromState([...after.values()]))));
}

/**
 * Rows keyed by the Okta object, not its Terraform type: an app the import left out is known
 * here only by its id, and the construct that adopts another may pick a different resource
 * type (an OIN app is okta_app_saml or okta_app_auto_login).
 */
function byOktaId(m: AccessMatrix): AccessMatrix {
  return rekeyed(m, (key) => key.replace(/^(data\.)?okta_[a-z_]+\.o(?=[A-Za-z0-9])/, ""));
}

function liveName(id: string): string {
  return `o${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function liveAddress(type: string, id: string): string {
  return `${type}.${liveName(id)}`;
}

/** The org as state-like resources (ids as Okta holds them), for the access model. */
function liveResources(s: OrgSnapshot): StateResource[] {
  const objects = liveObjects(s);
  const out: StateResource[] = [];
  const add = (type: string, id: string, values: Json) => out.push({ address: liveAddress(type, id), mode: "managed", type, name: liveName(id), values: { ...values, id } });
  // Looked up by id, not searched: once per object, a search made the import quadratic in apps.
  const appsById = new Map<string, OktaApp>();
  for (const a of s.apps) if (!appsById.has(a.id)) appsById.set(a.id, a);
  for (const [key, values] of objects) {
    const cut = key.indexOf(":");
    const type = key.slice(0, cut);
    const id = key.slice(cut + 1);
    if (type === "okta_app_oauth") {
      const app = appsById.get(id);
      add(type, id, { ...values, client_id: app?.credentials?.oauthClient?.client_id ?? id, ...(app?.status === "INACTIVE" ? { status: "INACTIVE" } : {}) });
    } else if (!type.startsWith("okta_auth_server_") && type !== "okta_auth_server") add(type, id, values);
  }
  // Apps of other kinds (OIN, auto-login, …) by their label: their assignments name them.
  const named = new Set(out.filter((r) => r.type !== "okta_app_access_policy_assignment").map((r) => r.values.id));
  for (const a of s.apps) {
    if (named.has(a.id)) continue;
    named.add(a.id);
    add("okta_app_auto_login", a.id, { label: a.label });
  }
  for (const { server, scopes, claims, policies } of s.authServers) {
    add("okta_auth_server", server.id, { ...objects.get(`okta_auth_server:${server.id}`), ...(server.status === "INACTIVE" ? { status: "INACTIVE" } : {}) });
    for (const sc of scopes) add("okta_auth_server_scope", sc.id, { ...objects.get(`okta_auth_server_scope:${sc.id}`), auth_server_id: server.id });
    for (const c of claims) add("okta_auth_server_claim", c.id, { ...objects.get(`okta_auth_server_claim:${c.id}`), auth_server_id: server.id, ...(c.status === "INACTIVE" ? { status: "INACTIVE" } : {}) });
    for (const { policy, rules } of policies) {
      add("okta_auth_server_policy", policy.id, { ...objects.get(`okta_auth_server_policy:${policy.id}`), auth_server_id: server.id, ...(policy.status === "INACTIVE" ? { status: "INACTIVE" } : {}) });
      for (const r of rules) {
        add("okta_auth_server_policy_rule", r.id, {
          ...objects.get(`okta_auth_server_policy_rule:${r.id}`),
          auth_server_id: server.id,
          policy_id: policy.id,
          user_whitelist: r.conditions?.people?.users?.include,
          ...(r.status === "INACTIVE" ? { status: "INACTIVE" } : {}),
        });
      }
    }
  }
  const everyone = s.groups.find((g) => g.type === "BUILT_IN")?.id;
  if (everyone) out.push({ address: "data.okta_everyone_group.everyone", mode: "data", type: "okta_everyone_group", name: "everyone", values: { id: everyone } });
  return out;
}
