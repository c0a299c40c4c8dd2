import { looksLikeSecretSetting, secretVariableName } from "../constructs/secrets";
import { PublicJwk } from "../constructs/oauth-app";
import { slug } from "../constructs/app-assignments";
import { TERRAFORM_NAME } from "../terraform/names";
import { AppConfig, AssignmentConfig, OAuthAppConfig } from "../config/types";
import { ClientAuthentication } from "../constructs/oauth-app";
import { AttributeNameFormat, NAME_FORMATS, NAME_ID_FORMATS, NameIdFormat } from "../constructs/saml-app";
import { ImportLog } from "./import-report";
import { OktaApp, OktaClientRole } from "./okta-objects";
import { rolesFor } from "../constructs/management-access";
import { MappedServer, kebab } from "./map-servers";
import { serverConstructId } from "../stacks/okta-org-stack";
import { OBJECT_MEMBERS } from "../stacks/construct-names";

/** What an app needs from the rest of the import. */
export interface AppContext {
  /** Who the app is assigned to, already as config names, with the Okta group id of each name. */
  readonly assignTo: AssignmentConfig | undefined;
  /** Okta group id per assigned group name (Everyone included). */
  readonly groupIds: ReadonlyMap<string, string>;
  /** Each imported group's construct key (its Group-<key>, and its assignments' Assignment-<key>), by name. @default - slug(name) */
  readonly groupKeys?: ReadonlyMap<string, string>;
  /** Assignments that cannot be kept, with why. */
  readonly droppedAssignments: readonly string[];
  readonly servers: readonly MappedServer[];
  /** CORS+REDIRECT trusted origins of the org, by origin. */
  readonly trustedOrigins: ReadonlyMap<string, string>;
  /** A service app holding okta.* grants: adopted by the bootstrap stack, with its grants and admin roles. @default - not privileged */
  readonly privileged?: { readonly scopes: readonly string[]; readonly roles: readonly OktaClientRole[] };
}

export interface MappedApp {
  readonly config: AppConfig;
  /** Construct path under the stack → import id. */
  readonly adopt: ReadonlyMap<string, string>;
  /** Trusted origins a SPA claims (origin → Okta id). */
  readonly origins: readonly string[];
  /** For a privileged service app: construct path under the bootstrap stack → import id. */
  readonly bootstrapAdopt?: ReadonlyMap<string, string>;
}

/** An OIDC app's client id, which policies name (an app created with a fixed client id differs from its app id). */
function clientIdOf(app: OktaApp): string {
  return app.credentials?.oauthClient?.client_id ?? app.id;
}

/** Okta's own apps (Admin Console, Dashboard, browser plug-in, Workflows…): referenced, never recreated. */
export function isSystemApp(app: OktaApp): boolean {
  return app.name === "saasure" || (app.name ?? "").startsWith("okta_");
}

/** A unique construct id for the app, from its label: the contract that keeps its client id. */
export function appIdFor(label: string, taken: Set<string>): string {
  // An id names Terraform resources and outputs, which must start with a letter: "1Password",
  // "8x8" and "15Five" are apps of the Okta catalog. It is also a construct id, which cannot be
  // "constructor" (an app labelled "Constructor"): OBJECT_MEMBERS.
  const kebabbed = kebab(label, "app");
  const base = TERRAFORM_NAME.test(kebabbed) && !OBJECT_MEMBERS.has(kebabbed) ? kebabbed : `app-${kebabbed}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** One Okta app as app config, or undefined (logged with why). */
export function mapApp(app: OktaApp, id: string, ctx: AppContext, log: ImportLog): MappedApp | undefined {
  const label = app.label ?? app.id;
  const notImported = (why: string) => {
    log.add("app", label, app.id, "not imported", why);
    return undefined;
  };
  if (app.status && app.status !== "ACTIVE") return notImported(`it is ${app.status}; our apps are active, so a deploy would activate it. Fix: delete it in Okta, or activate it and import again`);
  const changes: string[] = [...ctx.droppedAssignments];
  let mapped: { config: AppConfig; origins?: string[] } | string;
  switch (app.signOnMode) {
    case "OPENID_CONNECT":
      mapped = oidcApp(app, id, label, ctx, changes);
      break;
    case "SAML_2_0":
      mapped = isCustomSaml(app) ? samlApp(app, id, label, ctx, changes) : oinApp(app, id, label, ctx, "SAML_2_0");
      break;
    case "AUTO_LOGIN":
      mapped = isCustomSaml(app) ? "a custom auto-login app has no construct here (only catalog AUTO_LOGIN apps). Fix: use SAML or OIDC, or an SWA app" : oinApp(app, id, label, ctx, "AUTO_LOGIN");
      break;
    case "BROWSER_PLUGIN":
      mapped =
        app.name === "template_swa"
          ? swaApp(app, id, label, ctx)
          : `a ${app.name} browser plug-in app has no construct here (only template_swa; the plug-in's three-field and shared-credential apps put passwords into state)`;
      break;
    case "BOOKMARK":
      mapped = typeof app.settings?.app?.url === "string" ? { config: { kind: "bookmark", id, label, url: app.settings.app.url, assignTo: ctx.assignTo! } } : "it has no URL";
      break;
    default:
      mapped = `sign-on mode ${app.signOnMode ?? "(none)"} has no construct here`;
  }
  if (typeof mapped === "string") return notImported(mapped);
  if (mapped.config.kind !== "service" && ctx.assignTo === undefined) {
    return notImported(`it is assigned to no group we import${ctx.droppedAssignments.length ? ` (${ctx.droppedAssignments.join("; ")})` : ""}, so no one could sign in; config requires an assignment. Fix: assign it to an Okta group, or delete it`);
  }
  const adopt = new Map<string, string>([[`${id}/App`, app.id]]);
  let bootstrapAdopt: Map<string, string> | undefined;
  if (ctx.privileged) {
    // okta-bootstrap-<env> creates a privileged app, its okta.* grants and its roles: adopted there.
    if (mapped.config.kind !== "service") return notImported("it holds okta.* management scopes but is not an API Services app; only those are privileged identities here");
    const scopes = [...ctx.privileged.scopes];
    let roles: string[];
    try {
      roles = rolesFor(scopes);
    } catch {
      return notImported(`it holds okta.* scopes this project knows no admin role for (${scopes.join(", ")}). Fix: manage it outside this toolkit, or add the scope to SCOPE_ROLE in constructs/management-access.ts`);
    }
    const clientId = app.credentials?.oauthClient?.client_id ?? app.id;
    mapped = { ...mapped, config: { ...mapped.config, oktaApiScopes: scopes, clientId } };
    adopt.delete(`${id}/App`);
    bootstrapAdopt = new Map([[`${id}/App`, app.id], [`${id}/OktaApiScopes`, app.id]]);
    const held = ctx.privileged.roles.filter((r) => r.status !== "INACTIVE");
    for (const role of roles) {
      const r = held.find((x) => x.type === role);
      if (r) bootstrapAdopt.set(`${id}/Role-${role}`, `${clientId}/${r.id}`);
      else changes.push(`admin role ${role} (the narrowest for its scopes) is assigned by the bootstrap deploy`);
    }
    for (const r of held.filter((x) => !roles.includes(x.type ?? ""))) changes.push(`admin role ${r.type} stays in Okta, unmanaged (its scopes need only ${roles.join(", ")})`);
  }
  if (ctx.assignTo !== undefined && mapped.config.kind !== "service") {
    for (const [name, groupId] of ctx.groupIds) {
      adopt.set(`${id}/Assignment-${ctx.groupKeys?.get(name) ?? slug(name)}`, `${app.id}/${groupId}`);
      log.imported("assignment", `${label} → ${name}`, `${app.id}/${groupId}`);
    }
  }
  if (mapped.config.kind === "service") {
    for (const s of ctx.servers) {
      const grant = s.serviceGrants.get(clientIdOf(app));
      if (!grant) continue;
      adopt.set(`${serverConstructId(s.key)}/Service-${id}/Policy`, `${s.id}/${grant.policy.id}`);
      adopt.set(`${serverConstructId(s.key)}/Service-${id}/Rule`, `${s.id}/${grant.policy.id}/${grant.rule.id}`);
    }
  }
  log.imported("app", label, app.id, changes);
  return { config: mapped.config, adopt, origins: mapped.origins ?? [], ...(bootstrapAdopt ? { bootstrapAdopt } : {}) };
}

function oidcApp(app: OktaApp, id: string, label: string, ctx: AppContext, changes: string[]): { config: OAuthAppConfig; origins?: string[] } | string {
  const o = app.settings?.oauthClient ?? {};
  const grants = new Set(o.grant_types ?? []);
  const redirectUris = [...(o.redirect_uris ?? [])];
  const postLogout = o.post_logout_redirect_uris?.length ? { postLogoutRedirectUris: [...o.post_logout_redirect_uris] } : {};
  const auth = app.credentials?.oauthClient?.token_endpoint_auth_method ?? "client_secret_basic";
  const pkce = app.credentials?.oauthClient?.pkce_required;
  if ((o.wildcard_redirect && o.wildcard_redirect !== "DISABLED") || redirectUris.some((u) => u.includes("*"))) {
    return "it uses wildcard redirect URIs; redirect URIs here are exact (RFC 9700 §4.1.3). Fix: list each exact redirect URI in Okta, then import again";
  }
  const type = o.application_type;
  const leeway = o.refresh_token?.leeway !== undefined && o.refresh_token.leeway !== 30 ? { refreshTokenLeewaySeconds: o.refresh_token.leeway } : {};
  const staticRefresh = grants.has("refresh_token") && o.refresh_token?.rotation_type === "STATIC";
  const loginUri = o.initiate_login_uri ? { loginUri: o.initiate_login_uri } : {};
  const user = { label, redirectUris, ...postLogout, assignTo: ctx.assignTo!, ...apisOf(app, ctx) };
  const unsupported = (allowed: string[]) => [...grants].filter((g) => !allowed.includes(g));
  if (type === "browser") {
    const extra = unsupported(["authorization_code", "refresh_token", "interaction_code", "implicit"]);
    if (extra.length) return `a SPA with grants ${extra.join(", ")} has no construct here`;
    if (pkce === false) changes.push("PKCE becomes required (a public client, RFC 9700 §2.1.1)");
    if (!grants.has("refresh_token")) changes.push("gains rotating refresh tokens (SpaApp's default, seed 003 a)");
    if (staticRefresh) changes.push("refresh tokens rotate instead of STATIC (RFC 9700 §4.14.2)");
    const origins = redirectUris.map(originOf).filter((x): x is string => !!x && ctx.trustedOrigins.has(x));
    const baseUris = [...new Set(origins.length ? origins : redirectUris.map(originOf).filter((x): x is string => !!x).slice(0, 1))];
    if (!origins.length) changes.push(`trusted origin ${baseUris[0]} is created (CORS and redirect for the SPA)`);
    return {
      config: { kind: "spa", id, ...user, baseUris, ...loginUri, ...leeway, ...(grants.has("interaction_code") ? { embeddedWidget: true } : {}), ...(grants.has("implicit") ? { allowImplicitGrant: true } : {}) },
      origins: baseUris,
    };
  }
  if (type === "web") {
    const extra = unsupported(["authorization_code", "refresh_token", "interaction_code", "implicit"]);
    if (extra.length) return `a web app with grants ${extra.join(", ")} has no construct here${grants.has("client_credentials") ? " (a web app that also uses client_credentials is two apps: a WebApp and a ServiceApp)" : ""}`;
    const authentication = authenticationOf(app, auth, changes);
    if (typeof authentication === "string") return authentication;
    if (staticRefresh) changes.push("refresh tokens rotate instead of STATIC (RFC 9700 §4.14.2)");
    return {
      config: {
        kind: "web",
        id,
        ...user,
        ...loginUri,
        ...leeway,
        ...(authentication.method === "client_secret_basic" ? {} : { authentication }),
        ...(grants.has("refresh_token") ? { refreshTokens: true } : {}),
        ...(pkce === false ? { pkceRequired: false } : {}),
        ...(grants.has("interaction_code") ? { embeddedWidget: true } : {}),
        ...(grants.has("implicit") ? { allowImplicitGrant: true } : {}),
      },
    };
  }
  if (type === "native") {
    const extra = unsupported(["authorization_code", "refresh_token", "interaction_code", "password"]);
    if (extra.length) return `a native app with grants ${extra.join(", ")} has no construct here`;
    if (pkce === false) changes.push("PKCE becomes required (a public client, RFC 9700 §2.1.1)");
    if (staticRefresh) changes.push("refresh tokens rotate instead of STATIC (RFC 9700 §4.14.2)");
    if (!grants.has("password") && auth !== "none") changes.push(`token endpoint auth ${auth} → none (a public client)`);
    return {
      config: {
        kind: "native",
        id,
        ...user,
        ...leeway,
        ...(grants.has("refresh_token") ? { refreshTokens: true } : {}),
        ...(grants.has("interaction_code") ? { embeddedWidget: true } : {}),
        ...(grants.has("password") ? { allowPasswordGrant: true } : {}),
      },
    };
  }
  if (type === "service") {
    const authentication = authenticationOf(app, auth, changes);
    if (typeof authentication === "string") return authentication;
    const apiCenter = ctx.servers.find((s) => s.key === "apiCenter")?.serviceGrants.get(clientIdOf(app));
    const scopesFrom = Object.fromEntries(
      ctx.servers.filter((s) => s.key !== "apiCenter" && s.serviceGrants.has(clientIdOf(app))).map((s) => [s.key, { tiers: s.serviceGrants.get(clientIdOf(app))!.tiers, priority: s.serviceGrants.get(clientIdOf(app))!.priority }]),
    );
    if (!apiCenter && !Object.keys(scopesFrom).length) {
      return "a service app that requests no imported API's scopes (a service here requests tier scopes of a custom authorization server; okta.* management scopes are granted by the bootstrap stack)";
    }
    return {
      config: {
        kind: "service",
        id,
        label,
        ...(authentication.method === "client_secret_basic" ? {} : { authentication }),
        ...(apiCenter ? { tiers: apiCenter.tiers, rulePriority: apiCenter.priority } : {}),
        ...(Object.keys(scopesFrom).length ? { scopesFrom } : {}),
      },
    };
  }
  return `OIDC application type ${type ?? "(none)"} has no construct here`;
}

function authenticationOf(app: OktaApp, method: string, changes: string[]): ClientAuthentication | string {
  if (method === "private_key_jwt") {
    const o = app.settings?.oauthClient ?? {};
    if (o.jwks_uri) return { method, jwksUri: o.jwks_uri };
    const keys = (o.jwks?.keys ?? []).map(publicJwk).filter((k): k is PublicJwk => k !== undefined);
    if (!keys.length) return "it uses private_key_jwt with neither public keys nor a JWKS URI that the import can read";
    return { method, jwks: keys };
  }
  if (method !== "client_secret_basic") changes.push(`client authentication ${method} → client_secret_basic (the secret itself is kept; never read)`);
  return { method: "client_secret_basic" };
}

export function publicJwk(k: Readonly<Record<string, unknown>>): PublicJwk | undefined {
  if (k.kty !== "RSA" || typeof k.n !== "string" || typeof k.e !== "string") return undefined;
  return { kid: typeof k.kid === "string" ? k.kid : "imported", kty: "RSA", e: k.e, n: k.n };
}

/** The API an app signs in at: the server whose user policy lists it. */
function apisOf(app: OktaApp, ctx: AppContext): { apis?: string[] } {
  const server = ctx.servers.find((s) => s.userClients.has(app.id));
  return server ? { apis: [server.key] } : {};
}

function originOf(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Okta names custom SAML and auto-login apps <org>_<label>_<n>; catalog apps carry their catalog key. */
function isCustomSaml(app: OktaApp): boolean {
  return /_\d+$/.test(app.name ?? "");
}

/** SamlApp's format names by the URN Okta answers (the inverse of its tables). */
const NAME_ID_FORMAT_OF = new Map(Object.entries(NAME_ID_FORMATS).map(([name, urn]) => [urn, name as NameIdFormat]));
const NAME_FORMAT_OF = new Map(Object.entries(NAME_FORMATS).map(([name, urn]) => [urn, name as AttributeNameFormat]));

function samlApp(app: OktaApp, id: string, label: string, ctx: AppContext, changes: string[]): { config: AppConfig } | string {
  const s = app.settings?.signOn ?? {};
  if (!s.ssoAcsUrl || !s.audience) return "it has no single sign-on URL or audience";
  if ((s.inlineHooks ?? []).length) return "it calls a SAML inline hook, which the constructs do not manage";
  // Several ACS endpoints: kept when their indices run 0..n-1 (the provider reads only those back
  // into acs_endpoints, position = index) and the single sign-on URL is one of them.
  const endpoints = [...(s.acsEndpoints ?? [])].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  if (endpoints.length && endpoints.some((e, i) => e.index !== i || !e.url)) return "its ACS endpoints' indices do not run 0, 1, 2, …, which the provider cannot read back (acs_endpoints_indices drifts). Fix: renumber them in Okta, then import again";
  const acsEndpoints = endpoints.map((e) => e.url!);
  if (acsEndpoints.length && !acsEndpoints.includes(s.ssoAcsUrl)) return "its single sign-on URL is not one of its ACS endpoints. Fix: add it to them in Okta, then import again";
  let singleLogout: { url: string; issuer: string; certificate: string } | undefined;
  if (s.slo?.enabled) {
    const der = (s.spCertificate?.x5c ?? [])[0]?.replace(/\s+/g, "");
    const issuer = s.slo.issuer ?? s.spIssuer ?? undefined;
    if (!der || !s.slo.logoutUrl || !issuer) return "single logout is on, but Okta's answer lacks its logout URL, issuer or the SP's certificate. Fix: complete SLO in Okta (or turn it off), then import again";
    singleLogout = { url: s.slo.logoutUrl, issuer, certificate: `-----BEGIN CERTIFICATE-----\n${der.replace(/(.{64})/g, "$1\n").trim()}\n-----END CERTIFICATE-----\n` };
  }
  const statements = s.attributeStatements ?? [];
  const attributes = statements.filter((a) => a.type === "EXPRESSION").map((a) => ({ name: a.name ?? "", values: [...(a.values ?? [])], ...nameFormat(a.namespace) }));
  const groups = statements.filter((a) => a.type === "GROUP");
  if (groups.length > 1) return "it has several group attribute statements; SamlApp has one";
  const filter = groups[0] ? groupFilter(groups[0].filterType, groups[0].filterValue ?? "") : undefined;
  if (typeof filter === "string") return filter;
  if (s.signatureAlgorithm === "RSA_SHA1" || s.digestAlgorithm === "SHA1") changes.push("SHA-1 signing becomes SHA-256 (SHA-1 is refused here); check the SP accepts it");
  const nameIdFormat = NAME_ID_FORMAT_OF.get(s.subjectNameIdFormat ?? "");
  return {
    config: {
      kind: "saml",
      id,
      label,
      ssoUrl: s.ssoAcsUrl,
      ...(acsEndpoints.length ? { acsEndpoints } : {}),
      ...(s.recipient && s.recipient !== s.ssoAcsUrl ? { recipient: s.recipient } : {}),
      ...(s.destination && s.destination !== s.ssoAcsUrl ? { destination: s.destination } : {}),
      audience: s.audience,
      ...(nameIdFormat && nameIdFormat !== "unspecified" ? { nameIdFormat } : {}),
      ...(s.subjectNameIdTemplate && s.subjectNameIdTemplate !== "${user.userName}" ? { nameIdTemplate: s.subjectNameIdTemplate } : {}),
      ...(attributes.length ? { attributes } : {}),
      ...(filter && groups[0] ? { groupAttribute: { name: groups[0].name ?? "groups", filter, ...nameFormat(groups[0].namespace) } } : {}),
      ...(s.responseSigned === false ? { responseSigned: false } : {}),
      ...(s.assertionSigned === false ? { assertionSigned: false } : {}),
      ...(singleLogout ? { singleLogout } : {}),
      assignTo: ctx.assignTo!,
    },
  };
}

function nameFormat(namespace: string | undefined): { nameFormat?: AttributeNameFormat } {
  const f = NAME_FORMAT_OF.get(namespace ?? "");
  return f && f !== "unspecified" ? { nameFormat: f } : {};
}

function groupFilter(type: string | undefined, value: string) {
  if (type === "STARTS_WITH") return { startsWith: value };
  if (type === "EQUALS") return { equals: value };
  if (type === "CONTAINS") return { contains: value };
  if (type === "REGEX") return { regex: value };
  return `its group attribute filter ${type ?? "(none)"} is not one of STARTS_WITH, EQUALS, CONTAINS, REGEX`;
}

function oinApp(app: OktaApp, id: string, label: string, ctx: AppContext, signOnMode: "SAML_2_0" | "AUTO_LOGIN"): { config: AppConfig } | string {
  if (!app.name) return "a catalog app without its catalog name";
  const all = Object.entries(app.settings?.app ?? {}).filter(([, v]) => v !== null && v !== undefined);
  // Credentials Okta holds for the app are never written: config names a variable the deploy supplies.
  const settings = Object.fromEntries(all.filter(([k, v]) => !looksLikeSecretSetting(k, v)));
  const secretSettings = Object.fromEntries(all.filter(([k, v]) => looksLikeSecretSetting(k, v)).map(([k]) => [k, secretVariableName(id, k)]));
  const catalog = { app: app.name, signOnMode, ...(Object.keys(settings).length ? { settings } : {}), ...(Object.keys(secretSettings).length ? { secretSettings } : {}) };
  return { config: { kind: "oin", id, label, catalog, assignTo: ctx.assignTo! } as AppConfig };
}

function swaApp(app: OktaApp, id: string, label: string, ctx: AppContext): { config: AppConfig } | string {
  const s = app.settings?.app ?? {};
  const str = (k: string) => (typeof s[k] === "string" && s[k] ? (s[k] as string) : undefined);
  const [url, usernameField, passwordField, buttonField] = [str("url"), str("usernameField"), str("passwordField"), str("buttonField")];
  if (!url || !usernameField || !passwordField || !buttonField) return "it lacks its sign-in URL or form field selectors";
  const urlRegex = str("loginUrlRegex");
  return { config: { kind: "swa", id, label, url, usernameField, passwordField, buttonField, ...(urlRegex ? { urlRegex } : {}), assignTo: ctx.assignTo! } };
}
