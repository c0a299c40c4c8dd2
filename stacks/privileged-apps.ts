import { EnvironmentName } from "../constructs/environment";
import { IServiceClient } from "../constructs/oauth-client";
import { AppConfig, ServiceAppConfig } from "../config/types";

/**
 * Service apps that call Okta's management API (oktaApiScopes) are privileged: only a Super
 * Admin may grant okta.* scopes to an app, and the app needs an admin role besides. So the
 * stack a Super Admin applies, okta-bootstrap-<env>, creates them, and the main stack, which
 * Terraform's limited identity applies, never does.
 */
export function isPrivileged(app: AppConfig): boolean {
  return app.kind === "service" && (app.oktaApiScopes?.length ?? 0) > 0;
}

/** The privileged service apps of a config. */
export function privilegedApps(apps: readonly AppConfig[]): ServiceAppConfig[] {
  return apps.filter((a): a is ServiceAppConfig => isPrivileged(a));
}

/**
 * The client id a privileged app is created with. Fixed, so the main stack's API policies can
 * name the client without reading the bootstrap stack's state.
 */
export function privilegedClientId(app: ServiceAppConfig, environment: EnvironmentName): string {
  return app.clientId ?? `${app.id}-${environment}`;
}

/** How the main stack refers to a privileged app it does not create: by its client id. */
export function privilegedClient(app: ServiceAppConfig, environment: EnvironmentName, scopes: readonly string[], stackPath: string): IServiceClient {
  return {
    id: app.id,
    clientId: privilegedClientId(app, environment),
    label: app.label,
    key: `${stackPath}/${app.id}`,
    grantTypes: ["client_credentials"],
    scopes,
  };
}
