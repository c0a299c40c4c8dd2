import { Construct } from "constructs";
import { Aspects, TerraformDataSource, TerraformOutput, TerraformResource, TerraformStack } from "cdktf";
import { EnvironmentName, setEnvironment } from "../constructs/environment";
import { IMPORT_READ_SCOPES, ManagementAccess, managementAccessFor, rolesFor } from "../constructs/management-access";
import { ServiceApp } from "../constructs/service-app";
import { Problems } from "../constructs/validation";
import { OKTA_OAUTH_PACK, OktaGuardrails } from "../guardrails";
import { BackendConfig, OrgConfig } from "../config/types";
import { adoptExisting, configureBackend, providerConfig } from "./okta-org-stack";
import { oktaProvider } from "./provider-version";
import { privilegedApps, privilegedClientId } from "./privileged-apps";

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
 * Everything in an environment that only a Super Admin may apply (seed 004), in a state of its
 * own so the main stack can never delete its own credentials:
 * - Terraform's deploy identity: an API Services app (client_credentials, private_key_jwt with
 *   public keys from config) granted exactly the okta.* scopes the main stack's API calls need,
 *   and the narrowest admin roles those need;
 * - Terraform's read-only plan identity: only the `.read` scopes a plan makes, READ_ONLY_ADMIN,
 *   its own key: what pull-request plans run with;
 * - privileged service apps (config apps with oktaApiScopes), with their grants and roles.
 * A super admin applies it with a short-lived API token (docs/identities-and-ci.md, bootstrap runbook); the main stack then
 * authenticates as the deploy identity.
 */
export class OktaBootstrapStack extends TerraformStack {
  readonly environment: EnvironmentName;
  readonly access: ManagementAccess;
  readonly terraformApp: ServiceApp;
  readonly planApp: ServiceApp;
  /** Privileged service apps by config id. */
  readonly privilegedApps = new Map<string, ServiceApp>();

  /** @param main the environment's main stack, fully built: its resource types decide the access. */
  constructor(scope: Construct, config: OrgConfig, main: TerraformStack) {
    super(scope, bootstrapStackId(config.environment));
    setEnvironment(this, config.environment);
    this.environment = config.environment;
    this.access = managementAccessFor(typesOf(main));
    const problems = new Problems();
    for (const type of this.access.unknownTypes) {
      problems.add(
        `${main.node.id} synthesizes ${type}, whose Okta API calls (and so okta.* scopes and admin roles) are not known`,
        type,
        "add its calls to OKTA_API_OPERATIONS in constructs/okta-api-operations.ts (from the provider source and Okta's API reference).",
      );
    }
    const superScopes = this.access.scopes.filter((s) => rolesFor([s]).includes("SUPER_ADMIN"));
    for (const scope of superScopes) {
      problems.add(
        `${main.node.id} synthesizes ${this.access.scopeSources[scope].join(", ")}, which calls ${scope}: a Super Admin act that Terraform's deploy identity must never be able to do`,
        this.access.scopeSources[scope],
        "move it out of the main stack: a service app with oktaApiScopes is created by okta-bootstrap-<env> (declare it in config).",
      );
    }
    if (!config.bootstrap.planJwks?.length) {
      problems.add("bootstrap.planJwks is required: pull-request plans run with a read-only identity of their own", config.bootstrap.planJwks, "generate a key pair for the plan identity and put its public JWK in bootstrap.planJwks (README, Terraform's own identity).");
    }
    const deployKids = new Set((config.bootstrap.jwks ?? []).map((k) => k.kid));
    for (const key of config.bootstrap.planJwks ?? []) {
      if (deployKids.has(key.kid)) problems.add("the plan identity reuses a deploy key", key.kid, "give the plan identity a key pair of its own.");
    }
    problems.throwIfAny(this);

    oktaProvider(this, providerConfig(this.node.path, config.provider));
    configureBackend(this, config.bootstrap.backend ?? bootstrapBackend(config.backend ?? { type: "local" }));

    // A main stack that manages nothing yet (an empty org, just imported) needs no okta.* scope
    // to apply; the deploy identity then reads what the plan identity reads, never nothing
    // (Okta grants an API Services app at least one scope), and gets more when the stack does.
    const deployScopes = this.access.scopes.length ? this.access.scopes : planIdentityScopes(this.access);
    this.terraformApp = new ServiceApp(this, "TerraformApp", {
      label: config.bootstrap.label ?? `Terraform (${main.node.id})`,
      scopes: [],
      oktaApiScopes: deployScopes,
      authentication: { method: "private_key_jwt", jwks: config.bootstrap.jwks },
    });
    this.planApp = new ServiceApp(this, "TerraformPlanApp", {
      label: `Terraform plan, read-only (${main.node.id})`,
      scopes: [],
      oktaApiScopes: planIdentityScopes(this.access),
      authentication: { method: "private_key_jwt", jwks: config.bootstrap.planJwks },
    });
    for (const app of privilegedApps(config.apps)) {
      const created = new ServiceApp(this, app.id, {
        label: app.label,
        scopes: [],
        oktaApiScopes: app.oktaApiScopes,
        authentication: app.authentication,
        manageClientSecret: app.manageClientSecret,
        clientId: privilegedClientId(app, config.environment),
      });
      if (app.suppressions?.length) OktaGuardrails.suppress(created, app.suppressions);
      this.privilegedApps.set(app.id, created);
    }

    // Resources added to the main stack after this point would go unnoticed: check again
    // at synth, when the main stack is final.
    this.node.addValidation({
      validate: () => {
        const now = managementAccessFor(typesOf(main));
        const same = (a: readonly string[], b: readonly string[]) => a.join() === b.join();
        if (same(now.scopes, this.access.scopes) && same(now.planScopes, this.access.planScopes) && now.unknownTypes.length === 0) return [];
        return [
          `${main.node.id} changed after ${this.node.id} was built: it now needs scopes [${now.scopes.join(", ")}] (plan: [${now.planScopes.join(", ")}])` +
            `${now.unknownTypes.length ? ` (unknown types: ${now.unknownTypes.join(", ")})` : ""}, but [${this.access.scopes.join(", ")}] (plan: [${this.access.planScopes.join(", ")}]) were granted. ` +
            "Fix: build the bootstrap stack after every resource is added to the main stack (buildOrgApp does).",
        ];
      },
    });

    new TerraformOutput(this, "terraform_client_id", { value: this.terraformApp.clientId, description: "OKTA_API_CLIENT_ID of the okta-<env> deploy environment" });
    new TerraformOutput(this, "terraform_api_scopes", { value: deployScopes.join(","), description: "OKTA_API_SCOPES of the okta-<env> deploy environment" });
    new TerraformOutput(this, "terraform_admin_roles", { value: [...this.terraformApp.adminRoles], description: "Admin roles assigned to Terraform's deploy identity" });
    new TerraformOutput(this, "terraform_plan_client_id", { value: this.planApp.clientId, description: "OKTA_API_CLIENT_ID of the okta-<env>-plan environment (read-only)" });
    new TerraformOutput(this, "terraform_plan_api_scopes", { value: planIdentityScopes(this.access).join(","), description: "OKTA_API_SCOPES of the okta-<env>-plan environment (read-only)" });
    for (const [id, app] of this.privilegedApps) {
      new TerraformOutput(this, `${id}_client_id`, { value: app.clientId, description: `${app.label}: OAuth client id` });
    }

    if (config.bootstrap.imports) adoptExisting(this, config.bootstrap.imports);

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

/** The plan identity reads what the main stack's plans read, and what npm run import reads (grants too). */
function planIdentityScopes(access: ManagementAccess): string[] {
  return [...new Set([...access.planScopes, ...IMPORT_READ_SCOPES])].sort();
}
