import { Construct } from "constructs";
import { Aspects, TerraformDataSource, TerraformOutput, TerraformResource, TerraformStack } from "cdktf";
import { AppOauthRoleAssignment } from "@cdktf/provider-okta/lib/app-oauth-role-assignment";
import { EnvironmentName, setEnvironment } from "../constructs/environment";
import { ManagementAccess, managementAccessFor } from "../constructs/management-access";
import { ServiceApp } from "../constructs/service-app";
import { OktaConfigError } from "../constructs/validation";
import { OKTA_OAUTH_PACK, OktaGuardrails } from "../guardrails";
import { BackendConfig, OrgConfig } from "../config/types";
import { configureBackend, providerConfig } from "./okta-org-stack";
import { oktaProvider } from "./provider-version";

/** The bootstrap stack id of an environment. */
export function bootstrapStackId(environment: EnvironmentName): string {
  return `okta-bootstrap-${environment}`;
}

/** Resource and data source types a stack synthesizes. */
export function typesOf(stack: TerraformStack): { resources: string[]; dataSources: string[] } {
  const resources = new Set<string>();
  const dataSources = new Set<string>();
  for (const node of stack.node.findAll()) {
    if (node instanceof TerraformDataSource) dataSources.add(node.terraformResourceType);
    else if (TerraformResource.isTerraformResource(node)) resources.add(node.terraformResourceType);
  }
  return { resources: [...resources].sort(), dataSources: [...dataSources].sort() };
}

/**
 * Terraform's own least-privilege identity for one environment (seed 004): an API Services
 * app (client_credentials, private_key_jwt with public keys from config), granted exactly the
 * okta.* scopes the main stack's resource types need, and the admin roles those need.
 * A super admin applies it once with a short-lived API token (README runbook); the main
 * stack then authenticates as this app. Separate state, so the main stack can never delete
 * its own credentials.
 */
export class OktaBootstrapStack extends TerraformStack {
  readonly environment: EnvironmentName;
  readonly access: ManagementAccess;
  readonly terraformApp: ServiceApp;

  /** @param main the environment's main stack, fully built: its resource types decide the access. */
  constructor(scope: Construct, config: OrgConfig, main: TerraformStack) {
    super(scope, bootstrapStackId(config.environment));
    setEnvironment(this, config.environment);
    this.environment = config.environment;
    this.access = managementAccessFor(typesOf(main));
    if (this.access.unknownTypes.length) {
      throw new OktaConfigError(
        this.node.path,
        this.access.unknownTypes.map((type) => ({
          what: `${main.node.id} synthesizes ${type}, whose okta.* scope and admin role are not known`,
          value: type,
          fix: "add it to RESOURCE_ACCESS or DATA_SOURCE_ACCESS in constructs/management-access.ts (Okta's API reference names the scope of each endpoint).",
        })),
      );
    }

    oktaProvider(this, providerConfig(this.node.path, config.provider));
    configureBackend(this, config.bootstrap.backend ?? bootstrapBackend(config.backend ?? { type: "local" }));

    this.terraformApp = new ServiceApp(this, "TerraformApp", {
      label: config.bootstrap.label ?? `Terraform (${main.node.id})`,
      scopes: [],
      oktaApiScopes: this.access.scopes,
      authentication: { method: "private_key_jwt", jwks: config.bootstrap.jwks },
    });
    for (const role of this.access.roles) {
      // Without a role the app can call nothing: orgs with "assign admin roles to public
      // client apps" give service apps no role by default.
      new AppOauthRoleAssignment(this, `Role-${role}`, { clientId: this.terraformApp.clientId, type: role });
    }

    // Resources added to the main stack after this point would go unnoticed: check again
    // at synth, when the main stack is final.
    this.node.addValidation({
      validate: () => {
        const now = managementAccessFor(typesOf(main));
        const same = (a: readonly string[], b: readonly string[]) => a.join() === b.join();
        if (same(now.scopes, this.access.scopes) && same(now.roles, this.access.roles) && now.unknownTypes.length === 0) return [];
        return [
          `${main.node.id} changed after ${this.node.id} was built: it now needs scopes [${now.scopes.join(", ")}] and roles [${now.roles.join(", ")}]` +
            `${now.unknownTypes.length ? ` (unknown types: ${now.unknownTypes.join(", ")})` : ""}, but [${this.access.scopes.join(", ")}] and [${this.access.roles.join(", ")}] were granted. ` +
            "Fix: build the bootstrap stack after every resource is added to the main stack (buildOrgApp does).",
        ];
      },
    });

    new TerraformOutput(this, "terraform_client_id", { value: this.terraformApp.clientId, description: "OKTA_API_CLIENT_ID for the main stack" });
    new TerraformOutput(this, "terraform_api_scopes", { value: this.access.scopes.join(","), description: "OKTA_API_SCOPES for the main stack" });
    new TerraformOutput(this, "terraform_admin_roles", { value: [...this.access.roles], description: "Admin roles assigned to Terraform's app" });

    // The full pack except OKTA-18: this stack is, by design, applied once with an API token.
    Aspects.of(this).add(new OktaGuardrails({ environment: config.environment, rules: OKTA_OAUTH_PACK.filter((r) => r.id !== "OKTA-18") }));
  }
}

/** The main stack's backend, pointed at a separate state for the bootstrap stack. */
export function bootstrapBackend(main: BackendConfig): BackendConfig {
  switch (main.type) {
    case "local":
      // configureBackend names the default local file after the stack id.
      return main.path ? { type: "local", path: main.path.replace(/(\.tfstate)?$/, ".bootstrap.tfstate") } : { type: "local" };
    case "s3":
      return { ...main, key: main.key.replace(/([^/]*)$/, "bootstrap-$1") };
    case "cloud":
      return { ...main, workspace: `${main.workspace}-bootstrap` };
  }
}
