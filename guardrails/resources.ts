import { TerraformStack } from "cdktf";
import { ResourceView } from "./types";

type Json = Record<string, unknown>;

/** Terraform types the rules look at. */
export const APP = "okta_app_oauth";
export const API_SCOPE = "okta_app_oauth_api_scope";
export const ORIGIN = "okta_trusted_origin";
export const SERVER = "okta_auth_server";
export const POLICY = "okta_auth_server_policy";
export const RULE = "okta_auth_server_policy_rule";

/** Every resource and provider block of a stack, read from its resolved Terraform JSON. */
export function resourceViews(stack: TerraformStack, tf: Json = stack.toTerraform() as Json): ResourceView[] {
  const views: ResourceView[] = [];
  for (const [type, byId] of Object.entries((tf.resource ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [id, attrs] of Object.entries(byId)) {
      const path = ((attrs["//"] as Json | undefined)?.metadata as Json | undefined)?.path;
      views.push({ type, id, path: typeof path === "string" ? path : `${stack.node.path}/${id}`, attrs });
    }
  }
  for (const [name, blocks] of Object.entries((tf.provider ?? {}) as Record<string, Json[]>)) {
    blocks.forEach((attrs, i) => {
      const alias = typeof attrs.alias === "string" ? attrs.alias : undefined;
      views.push({ type: `provider.${name}`, id: alias ?? (i === 0 ? name : `${name}.${i}`), path: `${stack.node.path}/${alias ?? name}`, attrs });
    });
  }
  return views;
}

export function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function parseUrl(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

/** Every redirect-like URI of an app: sign-in, post-logout and initiate login. */
export function redirectUris(app: ResourceView): { field: string; uri: string }[] {
  const out: { field: string; uri: string }[] = [];
  for (const field of ["redirect_uris", "post_logout_redirect_uris"]) list(app.attrs[field]).forEach((uri) => out.push({ field, uri }));
  if (typeof app.attrs.login_uri === "string") out.push({ field: "login_uri", uri: app.attrs.login_uri });
  return out;
}

export const SECRET_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt"];

/** Public clients: browser and native apps, or any app that does not authenticate. */
export function isPublicClient(app: ResourceView): boolean {
  return app.attrs.type === "browser" || app.attrs.type === "native" || app.attrs.token_endpoint_auth_method === "none";
}

/** The auth method Okta applies: the provider defaults an unset one to client_secret_basic. */
export function authMethod(app: ResourceView): string {
  return typeof app.attrs.token_endpoint_auth_method === "string" ? app.attrs.token_endpoint_auth_method : "client_secret_basic";
}
