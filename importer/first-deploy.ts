import { OKTA_SCHEMA } from "../terraform/schema";
import { addressOf, parseReference } from "../review/stack-json";
import { OrgSnapshot } from "./okta-objects";

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
  const everyone = snapshot.groups.find((g) => g.type === "BUILT_IN")?.id;
  const clientIds = new Map(snapshot.apps.map((a) => [a.id, a.credentials?.oauthClient?.client_id ?? a.id]));
  const idOf = (address: string) => (address.startsWith("data.okta_everyone_group.") ? everyone : imports[address]?.split("/").pop());
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (typeof v !== "string") return v;
    const ref = parseReference(v);
    if (!ref || (ref.attribute !== "id" && ref.attribute !== "client_id")) return v.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
    const id = idOf(addressOf(ref));
    return ref.attribute === "client_id" && id ? (clientIds.get(id) ?? id) : (id ?? v);
  };
  const out: FirstDeployChange[] = [];
  for (const [type, byName] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [name, attrs] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      const id = type === "okta_app_group_assignment" ? imports[address] : imports[address]?.split("/").pop();
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

function same(set: boolean, a: unknown, b: unknown): boolean {
  if (set && Array.isArray(a) && Array.isArray(b)) return JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());
  if ((a === undefined || (Array.isArray(a) && a.length === 0)) && (b === undefined || (Array.isArray(b) && b.length === 0))) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Okta's objects as the provider's attributes, for the attributes the import reads. */
function liveObjects(s: OrgSnapshot): Map<string, Live> {
  const out = new Map<string, Live>();
  for (const a of s.apps) {
    const o = a.settings?.oauthClient;
    if (a.signOnMode === "OPENID_CONNECT" && o) {
      const refresh = (o.grant_types ?? []).includes("refresh_token") && o.application_type !== "service";
      out.set(`okta_app_oauth:${a.id}`, {
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
      out.set(`okta_app_saml:${a.id}`, { label: a.label, sso_url: so.ssoAcsUrl, audience: so.audience, signature_algorithm: so.signatureAlgorithm, digest_algorithm: so.digestAlgorithm, response_signed: so.responseSigned, assertion_signed: so.assertionSigned });
    } else if (a.signOnMode === "BOOKMARK") out.set(`okta_app_bookmark:${a.id}`, { label: a.label, url: a.settings?.app?.url });
    else if (a.signOnMode === "BROWSER_PLUGIN") out.set(`okta_app_swa:${a.id}`, { label: a.label, url: a.settings?.app?.url });
    for (const g of s.appGroups[a.id] ?? []) out.set(`okta_app_group_assignment:${a.id}/${g.id}`, { app_id: a.id, group_id: g.id });
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
