import { OktaApp, OrgSnapshot, ServerSnapshot } from "../importer/okta-objects";
import { addressOf, parseReference } from "../review/stack-json";

/**
 * What Okta's API would answer for an org after deploying synthesized stacks: each resource
 * becomes the object Okta holds (shapes as in test-support/okta-recordings), with Okta's ids,
 * references resolved, and what every org has besides (Everyone, the Admin Console and
 * Dashboard apps, the default authorization server, system scopes). For import round trips
 * and the import bench; not a model of Okta's validation.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PREFIX: Record<string, string> = {
  okta_app_oauth: "0oa",
  okta_app_saml: "0oa",
  okta_app_bookmark: "0oa",
  okta_app_swa: "0oa",
  okta_app_auto_login: "0oa",
  okta_group: "00g",
  okta_group_rule: "0pr",
  okta_auth_server: "aus",
  okta_auth_server_scope: "scp",
  okta_auth_server_claim: "ocl",
  okta_auth_server_policy: "00p",
  okta_auth_server_policy_rule: "0pr",
  okta_trusted_origin: "tos",
  okta_app_signon_policy: "rst",
  okta_app_signon_policy_rule: "rul",
  okta_network_zone: "nzo",
};

/** The org, and the Okta id each synthesized resource got (by Terraform address). */
export interface DeployedOrg {
  readonly org: OrgSnapshot;
  readonly ids: ReadonlyMap<string, string>;
}

export function orgFromStacks(stacks: readonly Json[], orgName = "example"): DeployedOrg {
  let n = 0;
  const newId = (prefix: string) => `${prefix}${(++n).toString(36).padStart(5, "0")}x0okta1d7`.slice(0, 20);
  const ids = new Map<string, string>();
  const everyone = newId("00g");
  // The org's user types: Okta's default "user", and each one a rule looks up by name.
  const userTypes = new Map<string, string>([["user", newId("oty")]]);
  const resources: { type: string; name: string; a: Json }[] = [];
  for (const stack of stacks) {
    for (const [type, byName] of Object.entries((stack.resource ?? {}) as Record<string, Record<string, Json>>)) {
      for (const [name, a] of Object.entries(byName)) {
        resources.push({ type, name, a });
        if (PREFIX[type]) ids.set(`${type}.${name}`, newId(PREFIX[type]));
      }
    }
    for (const name of Object.keys(stack.data?.okta_everyone_group ?? {})) ids.set(`data.okta_everyone_group.${name}`, everyone);
    for (const [name, a] of Object.entries((stack.data?.okta_user_type ?? {}) as Record<string, Json>)) {
      if (!userTypes.has(a.name)) userTypes.set(a.name, newId("oty"));
      ids.set(`data.okta_user_type.${name}`, userTypes.get(a.name)!);
    }
  }
  // A client id set in config (the bootstrap's privileged apps) is the app's client id; others are the app id.
  const clientIds = new Map<string, string>();
  for (const r of resources) if (r.type === "okta_app_oauth") clientIds.set(`${r.type}.${r.name}`, r.a.client_id ?? ids.get(`${r.type}.${r.name}`)!);
  const resolve = (v: unknown): any => {
    if (typeof v === "string") {
      const ref = parseReference(v);
      if (ref) return ref.attribute === "client_id" ? clientIds.get(addressOf(ref)) : (ids.get(addressOf(ref)) ?? v);
      return v.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  const of = (type: string) => resources.filter((r) => r.type === type).map((r) => ({ id: ids.get(`${r.type}.${r.name}`)!, a: resolve(r.a) as Json }));

  const apps: OktaApp[] = [
    { id: newId("0oa"), name: "saasure", label: "Okta Admin Console", status: "ACTIVE", signOnMode: "OPENID_CONNECT", settings: { oauthClient: { application_type: "web" } } },
    { id: newId("0oa"), name: "okta_enduser", label: "Okta Dashboard", status: "ACTIVE", signOnMode: "OPENID_CONNECT", settings: { oauthClient: { application_type: "browser" } } },
  ];
  for (const { id, a } of of("okta_app_oauth")) {
    apps.push({
      id,
      name: "oidc_client",
      label: a.label,
      status: a.status ?? "ACTIVE",
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { client_id: a.client_id ?? id, token_endpoint_auth_method: a.token_endpoint_auth_method ?? "client_secret_basic", pkce_required: a.pkce_required ?? false } },
      settings: {
        app: {},
        oauthClient: {
          redirect_uris: a.redirect_uris ?? [],
          ...(a.post_logout_redirect_uris ? { post_logout_redirect_uris: a.post_logout_redirect_uris } : {}),
          response_types: a.response_types ?? ["code"],
          grant_types: a.grant_types ?? ["authorization_code"],
          application_type: a.type,
          ...(a.login_uri ? { initiate_login_uri: a.login_uri } : {}),
          wildcard_redirect: a.wildcard_redirect ?? "DISABLED",
          ...(a.jwks_uri ? { jwks_uri: a.jwks_uri } : {}),
          ...(a.jwks ? { jwks: { keys: a.jwks } } : {}),
          ...((a.grant_types ?? []).includes("refresh_token") ? { refresh_token: { rotation_type: a.refresh_token_rotation ?? "STATIC", leeway: a.refresh_token_leeway ?? 0 } } : {}),
          idp_initiated_login: { mode: "DISABLED" },
        },
      },
    });
  }
  for (const { id, a } of of("okta_app_saml")) {
    if (a.preconfigured_app) {
      apps.push({ id, name: a.preconfigured_app, label: a.label, status: "ACTIVE", signOnMode: "SAML_2_0", settings: { app: JSON.parse(a.app_settings_json ?? "{}") } });
      continue;
    }
    apps.push({
      id,
      name: `${orgName}_${String(a.label).toLowerCase().replace(/[^a-z0-9]+/g, "")}_1`,
      label: a.label,
      status: "ACTIVE",
      signOnMode: "SAML_2_0",
      settings: {
        app: {},
        signOn: {
          ssoAcsUrl: a.sso_url,
          ...(a.acs_endpoints ? { allowMultipleAcsEndpoints: true, acsEndpoints: a.acs_endpoints.map((url: string, index: number) => ({ url, index })) } : {}),
          recipient: a.recipient,
          destination: a.destination,
          audience: a.audience,
          subjectNameIdTemplate: a.subject_name_id_template ?? "${user.userName}",
          subjectNameIdFormat: a.subject_name_id_format ?? "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
          responseSigned: a.response_signed ?? false,
          assertionSigned: a.assertion_signed ?? false,
          signatureAlgorithm: a.signature_algorithm ?? "RSA_SHA256",
          digestAlgorithm: a.digest_algorithm ?? "SHA256",
          slo: a.single_logout_url !== undefined ? { enabled: true, issuer: a.single_logout_issuer, logoutUrl: a.single_logout_url } : { enabled: false },
          spIssuer: null,
          ...(a.single_logout_certificate ? { spCertificate: { x5c: [a.single_logout_certificate] } } : {}),
          attributeStatements: (a.attribute_statements ?? []).map((s: Json) => ({
            type: s.type ?? "EXPRESSION",
            name: s.name,
            namespace: s.namespace,
            ...(s.type === "GROUP" ? { filterType: s.filter_type, filterValue: s.filter_value } : { values: s.values ?? [] }),
          })),
          inlineHooks: [],
        },
      },
    });
  }
  for (const { id, a } of of("okta_app_auto_login")) apps.push({ id, name: a.preconfigured_app, label: a.label, status: "ACTIVE", signOnMode: "AUTO_LOGIN", settings: { app: JSON.parse(a.app_settings_json ?? "{}") } });
  for (const { id, a } of of("okta_app_bookmark")) apps.push({ id, name: "bookmark", label: a.label, status: "ACTIVE", signOnMode: "BOOKMARK", settings: { app: { requestIntegration: false, url: a.url } } });
  for (const { id, a } of of("okta_app_swa")) {
    apps.push({ id, name: "template_swa", label: a.label, status: "ACTIVE", signOnMode: "BROWSER_PLUGIN", settings: { app: { url: a.url, usernameField: a.username_field, passwordField: a.password_field, buttonField: a.button_field, loginUrlRegex: a.url_regex ?? null } } });
  }

  const appGroups: Record<string, { id: string; priority: number }[]> = Object.fromEntries(apps.map((a) => [a.id, []]));
  for (const r of resources.filter((x) => x.type === "okta_app_group_assignment")) {
    const a = resolve(r.a) as Json;
    appGroups[a.app_id].push({ id: a.group_id, priority: a.priority ?? 0 });
    ids.set(`${r.type}.${r.name}`, `${a.app_id}/${a.group_id}`);
  }
  const grants: Record<string, { id: string; scopeId: string; status: string }[]> = {};
  for (const { a } of of("okta_app_oauth_api_scope")) grants[a.app_id] = (a.scopes as string[]).map((s) => ({ id: newId("oag"), scopeId: s, status: "ACTIVE" }));
  for (const app of apps) if (app.settings?.oauthClient?.application_type === "service") grants[app.id] ??= [];
  // Admin roles of the clients the bootstrap stack assigns them to (GET /oauth2/v1/clients/{clientId}/roles).
  const clientRoles: Record<string, { id: string; type: string; status: string }[]> = {};
  for (const app of apps) if ((grants[app.id] ?? []).length) clientRoles[app.id] = [];
  for (const { a } of of("okta_app_oauth_role_assignment")) {
    const app = apps.find((x) => (x.credentials?.oauthClient?.client_id ?? x.id) === a.client_id);
    if (app) (clientRoles[app.id] ??= []).push({ id: newId("irb"), type: a.type, status: "ACTIVE" });
  }

  const servers: ServerSnapshot[] = [
    {
      server: { id: "default", name: "default", description: "Default Authorization Server", audiences: ["api://default"], issuerMode: "ORG_URL", status: "ACTIVE", default: true },
      scopes: SYSTEM_SCOPES.map((s) => ({ id: newId("scp"), name: s, system: true })),
      claims: [],
      policies: [],
    },
  ];
  const serverIndex = new Map<string, ServerSnapshot & { scopes: any[]; claims: any[]; policies: any[] }>();
  for (const { id, a } of of("okta_auth_server")) {
    const s = {
      server: { id, name: a.name, description: a.description, audiences: a.audiences, issuerMode: a.issuer_mode ?? "ORG_URL", status: a.status ?? "ACTIVE", default: false },
      scopes: SYSTEM_SCOPES.map((sc) => ({ id: newId("scp"), name: sc, system: true })) as any[],
      claims: [] as any[],
      policies: [] as any[],
    };
    serverIndex.set(id, s);
    servers.push(s);
  }
  for (const { id, a } of of("okta_auth_server_scope")) {
    serverIndex.get(a.auth_server_id)!.scopes.push({ id, name: a.name, displayName: a.display_name, description: a.description, system: false, consent: a.consent ?? "IMPLICIT", metadataPublish: a.metadata_publish ?? "NO_CLIENTS", default: false });
  }
  for (const { id, a } of of("okta_auth_server_claim")) {
    serverIndex.get(a.auth_server_id)!.claims.push({
      id,
      name: a.name,
      status: a.status ?? "ACTIVE",
      claimType: a.claim_type,
      valueType: a.value_type ?? "EXPRESSION",
      value: a.value,
      ...(a.group_filter_type ? { group_filter_type: a.group_filter_type } : {}),
      system: false,
      alwaysIncludeInToken: a.always_include_in_token ?? true,
      conditions: { scopes: a.scopes ?? [] },
    });
  }
  const policyIndex = new Map<string, { policy: any; rules: any[] }>();
  for (const { id, a } of of("okta_auth_server_policy")) {
    const p = { policy: { id, name: a.name, description: a.description, priority: a.priority, status: a.status ?? "ACTIVE", system: false, conditions: { clients: { include: a.client_whitelist } } }, rules: [] as any[] };
    policyIndex.set(id, p);
    serverIndex.get(a.auth_server_id)!.policies.push(p);
  }
  for (const { id, a } of of("okta_auth_server_policy_rule")) {
    policyIndex.get(a.policy_id)!.rules.push({
      id,
      name: a.name,
      priority: a.priority,
      status: a.status ?? "ACTIVE",
      system: false,
      type: a.type ?? "RESOURCE_ACCESS",
      conditions: { people: { users: { include: a.user_whitelist ?? [] }, groups: { include: a.group_whitelist ?? [] } }, grantTypes: { include: a.grant_type_whitelist }, scopes: { include: a.scope_whitelist } },
      actions: { token: { accessTokenLifetimeMinutes: a.access_token_lifetime_minutes, refreshTokenLifetimeMinutes: a.refresh_token_lifetime_minutes, refreshTokenWindowMinutes: a.refresh_token_window_minutes } },
    });
  }

  // Authentication policies as an Identity Engine org answers them (recordings in
  // test-support/okta-recordings): the system "Any two factors" every app starts on, each
  // policy's catch-all at priority 99, apps linking to their policy in _links.accessPolicy.
  const systemPolicy = newId("rst");
  const catchAllOf = (deny: boolean) => ({
    id: newId("rul"), name: "Catch-all Rule", priority: 99, status: "ACTIVE", system: true, conditions: null,
    actions: { appSignOn: { access: deny ? "DENY" : "ALLOW", verificationMethod: { type: "ASSURANCE", factorMode: "2FA", reauthenticateIn: "PT12H", constraints: [] } } },
  });
  const accessPolicies: { policy: Json; rules: Json[] }[] = [
    { policy: { id: systemPolicy, name: "Any two factors", description: "Require two factors to access.", status: "ACTIVE", system: true, type: "ACCESS_POLICY" }, rules: [catchAllOf(false)] },
  ];
  const accessIndex = new Map<string, { policy: Json; rules: Json[] }>();
  for (const { id, a } of of("okta_app_signon_policy")) {
    const p = { policy: { id, name: a.name, description: a.description, status: "ACTIVE", system: false, type: "ACCESS_POLICY" }, rules: [catchAllOf(a.catch_all === false)] };
    accessIndex.set(id, p);
    accessPolicies.push(p);
  }
  for (const { id, a } of of("okta_app_signon_policy_rule")) {
    const zones = a.network_connection === "ZONE" ? { connection: "ZONE", ...(a.network_includes ? { include: a.network_includes } : { exclude: a.network_excludes }) } : { connection: "ANYWHERE" };
    accessIndex.get(a.policy_id)!.rules.push({
      id,
      name: a.name,
      priority: a.priority,
      status: a.status ?? "ACTIVE",
      system: false,
      conditions: {
        people: { groups: { include: a.groups_included ?? [], exclude: a.groups_excluded ?? [] } },
        network: zones,
        userType: { include: a.user_types_included ?? [], exclude: a.user_types_excluded ?? [] },
        ...(a.device_is_registered ? { device: { registered: true, managed: a.device_is_managed === true } } : {}),
        ...(a.platform_include ? { platform: { include: a.platform_include.map((p: Json) => ({ type: p.type, os: { type: p.os_type } })) } } : {}),
        riskScore: { level: a.risk_score ?? "ANY" },
      },
      actions: {
        appSignOn: {
          access: a.access ?? "ALLOW",
          // The provider writes required: false into every class (sdk Required has no omitempty).
          verificationMethod: { type: "ASSURANCE", factorMode: a.factor_mode ?? "2FA", reauthenticateIn: a.re_authentication_frequency ?? "PT2H", constraints: (a.constraints ?? []).map((c: string) => Object.fromEntries(Object.entries(JSON.parse(c)).map(([k, v]) => [k, { ...(v as Json), required: false }]))) },
        },
      },
    });
  }
  const policyOfApp = new Map<string, string>();
  for (const { a } of of("okta_app_access_policy_assignment")) policyOfApp.set(a.app_id, a.policy_id);
  for (const r of resources.filter((x) => /^okta_app_(oauth|saml|bookmark)$/.test(x.type) && x.a.authentication_policy)) policyOfApp.set(ids.get(`${r.type}.${r.name}`)!, resolve(r.a.authentication_policy));
  const linked = apps.map((app) => (app.settings?.oauthClient?.application_type === "service" ? app : { ...app, _links: { accessPolicy: { href: `https://${orgName}.okta.com/api/v1/policies/${policyOfApp.get(app.id) ?? systemPolicy}` } } }));
  const zones = of("okta_network_zone").map(({ id, a }) => ({
    id, name: a.name, type: a.type, status: a.status ?? "ACTIVE", usage: a.usage ?? "POLICY", system: false,
    gateways: (a.gateways ?? []).map((value: string) => ({ type: value.includes("/") ? "CIDR" : "RANGE", value })),
    proxies: a.proxies ? a.proxies.map((value: string) => ({ type: value.includes("/") ? "CIDR" : "RANGE", value })) : null,
    ...(a.type === "DYNAMIC" ? { locations: (a.dynamic_locations ?? []).map((l: string) => ({ country: l.slice(0, 2), region: l.length > 2 ? l : null })), asns: a.asns ?? null, proxyType: a.dynamic_proxy_type ?? null } : {}),
  }));

  const org: OrgSnapshot = {
    apps: linked,
    appGroups,
    groups: [
      { id: everyone, type: "BUILT_IN", profile: { name: "Everyone", description: "All users in your organization" } },
      ...of("okta_group").map(({ id, a }) => ({ id, type: "OKTA_GROUP", profile: { name: a.name, description: a.description ?? null } })),
    ],
    groupRules: of("okta_group_rule").map(({ id, a }) => ({
      id,
      name: a.name,
      status: a.status ?? "ACTIVE",
      conditions: { people: { users: { exclude: a.users_excluded ?? [] }, groups: { exclude: [] } }, expression: { value: a.expression_value, type: a.expression_type ?? "urn:okta:expression:1.0" } },
      actions: { assignUserToGroups: { groupIds: a.group_assignments } },
    })),
    authServers: servers,
    trustedOrigins: of("okta_trusted_origin").map(({ id, a }) => ({ id, name: a.name, origin: a.origin, status: "ACTIVE", scopes: (a.scopes ?? []).map((type: string) => ({ type })) })),
    grants,
    accessPolicies: accessPolicies as unknown as OrgSnapshot["accessPolicies"],
    zones,
    clientRoles,
    userTypes: [...userTypes].map(([name, id]) => ({ id, name, displayName: name === "user" ? "User" : name, default: name === "user" })),
  };
  return { org, ids };
}

const SYSTEM_SCOPES = ["openid", "profile", "email", "address", "phone", "offline_access", "device_sso"];
