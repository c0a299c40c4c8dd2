import { fixtureConfig } from "../test-support/fixture-org";
import { App, TerraformStack, Testing } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { AppOauthRoleAssignment } from "@cdktf/provider-okta/lib/app-oauth-role-assignment";
import { AppOauthApiScope } from "@cdktf/provider-okta/lib/app-oauth-api-scope";
import { AppSwa } from "@cdktf/provider-okta/lib/app-swa";
import { GroupRule } from "@cdktf/provider-okta/lib/group-rule";
import { Brand } from "@cdktf/provider-okta/lib/brand";
import { managementAccessFor, rolesFor } from "../constructs/management-access";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { configFor } from "../config";
import { OktaBootstrapStack, bootstrapBackend } from "../stacks/okta-bootstrap-stack";
import { buildOrgApp } from "../stacks/org-app";
import { TerraformJson, editedConfig, errorOf, resourcesOf } from "../test-support";

// Derived from the Okta API calls the provider makes for the example main stack's types
// (constructs/okta-api-operations.ts); not from resource names.
const EXAMPLE_SCOPES = [
  "okta.apps.manage",
  "okta.apps.read",
  "okta.authorizationServers.manage",
  "okta.authorizationServers.read",
  "okta.groups.manage",
  "okta.groups.read",
  "okta.policies.read",
  "okta.trustedOrigins.manage",
  "okta.trustedOrigins.read",
];
// What plans of the fixture org read, plus what npm run import reads besides: okta.appGrants.read
// (service apps' grants), okta.policies.read and okta.networkZones.read (authentication policies, zones),
// okta.roles.read (the admin roles of privileged apps, which the bootstrap stack adopts).
const EXAMPLE_PLAN_SCOPES = ["okta.appGrants.read", "okta.apps.read", "okta.authorizationServers.read", "okta.groups.read", "okta.networkZones.read", "okta.policies.read", "okta.roles.read", "okta.trustedOrigins.read", "okta.userTypes.read"];

function bootstrapOf(env: string, edit?: (main: TerraformStack) => void, config = fixtureConfig(env)): { stack: OktaBootstrapStack; json: TerraformJson } {
  const app = Testing.app();
  const main = new OktaOrgStack(app, config);
  edit?.(main);
  const stack = new OktaBootstrapStack(app, config, main);
  return { stack, json: JSON.parse(Testing.synth(stack)) as TerraformJson };
}

/** The okta.* scopes granted to one app of the bootstrap stack, by its construct id. */
function grantedTo(json: TerraformJson, id: string): unknown {
  return Object.entries(resourcesOf(json, "okta_app_oauth_api_scope")).find(([key]) => key.startsWith(`${id}_OktaApiScopes_`))?.[1].scopes;
}

function rolesOf(json: TerraformJson, id: string): unknown[] {
  return Object.entries(resourcesOf(json, "okta_app_oauth_role_assignment"))
    .filter(([key]) => key.startsWith(`${id}_Role-`))
    .map(([, r]) => r.type)
    .sort();
}

describe("managementAccessFor", () => {
  test("derives scopes and roles from the API calls each type makes, reads included", () => {
    expect(managementAccessFor({ resources: ["okta_app_saml", "okta_auth_server_policy_rule"], dataSources: [] })).toEqual({
      // An app create or update on Identity Engine also lists access policies (provider #2375).
      scopes: ["okta.apps.manage", "okta.apps.read", "okta.authorizationServers.manage", "okta.authorizationServers.read", "okta.policies.read"],
      roles: ["API_ACCESS_MANAGEMENT_ADMIN", "APP_ADMIN", "READ_ONLY_ADMIN"],
      planScopes: ["okta.apps.read", "okta.authorizationServers.read"],
      scopeSources: {
        "okta.apps.manage": ["okta_app_saml"],
        "okta.apps.read": ["okta_app_saml"],
        "okta.authorizationServers.manage": ["okta_auth_server_policy_rule"],
        "okta.authorizationServers.read": ["okta_auth_server_policy_rule"],
        "okta.policies.read": ["okta_app_saml"],
      },
      unknownTypes: [],
    });
  });

  test("adds an app type's scopes: a bookmark app brings the access-policy calls an SWA app does not make", () => {
    const swa = managementAccessFor({ resources: ["okta_app_swa"], dataSources: [] });
    expect(swa.scopes).toEqual(["okta.apps.manage", "okta.apps.read"]);
    const withBookmark = managementAccessFor({ resources: ["okta_app_swa", "okta_app_bookmark"], dataSources: [] });
    expect(withBookmark.scopes).toEqual(["okta.apps.manage", "okta.apps.read", "okta.policies.read"]);
    expect(withBookmark.scopeSources["okta.policies.read"]).toEqual(["okta_app_bookmark"]);
  });

  test("needs only reads for data sources, and nothing for the public org metadata", () => {
    expect(managementAccessFor({ resources: [], dataSources: ["okta_everyone_group", "okta_org_metadata"] }).scopes).toEqual(["okta.groups.read"]);
  });

  test("drops a role another granted role covers", () => {
    expect(managementAccessFor({ resources: ["okta_group", "okta_trusted_origin"], dataSources: [] }).roles).toEqual(["ORG_ADMIN"]);
    expect(rolesFor(["okta.groups.read"])).toEqual(["READ_ONLY_ADMIN"]);
  });

  test("reports types it does not know instead of guessing", () => {
    expect(managementAccessFor({ resources: ["okta_brand"], dataSources: ["okta_user"] }).unknownTypes).toEqual(["data.okta_user", "okta_brand"]);
  });
});

describe("OktaBootstrapStack", () => {
  test.each(["dev", "staging", "prod"])("okta-bootstrap-%s grants the deploy identity exactly what the main stack's API calls need", (env) => {
    const { json, stack } = bootstrapOf(env);
    expect(stack.node.id).toBe(`okta-bootstrap-${env}`);
    expect(grantedTo(json, "TerraformApp")).toEqual(EXAMPLE_SCOPES);
    expect(json.output?.terraform_api_scopes.value).toBe(EXAMPLE_SCOPES.join(","));
    expect(rolesOf(json, "TerraformApp")).toEqual(["API_ACCESS_MANAGEMENT_ADMIN", "APP_ADMIN", "ORG_ADMIN"]);
  });

  test("grants what authentication policies and zones need when the main stack has them: policies and network zones, with org admin", () => {
    const { json } = bootstrapOf("prod", undefined, configFor("prod"));
    const scopes = grantedTo(json, "TerraformApp") as string[];
    expect(scopes).toEqual([...EXAMPLE_SCOPES, "okta.networkZones.manage", "okta.networkZones.read", "okta.policies.manage"].sort());
    expect(rolesOf(json, "TerraformApp")).toEqual(["API_ACCESS_MANAGEMENT_ADMIN", "APP_ADMIN", "ORG_ADMIN"]);
  });

  test("creates a read-only plan identity: only .read scopes, READ_ONLY_ADMIN, a key of its own", () => {
    const { json } = bootstrapOf("prod");
    const scopes = grantedTo(json, "TerraformPlanApp") as string[];
    expect(scopes).toEqual(EXAMPLE_PLAN_SCOPES);
    expect(scopes.every((s) => s.endsWith(".read"))).toBe(true);
    expect(rolesOf(json, "TerraformPlanApp")).toEqual(["READ_ONLY_ADMIN"]);
    expect(json.output?.terraform_plan_api_scopes.value).toBe(EXAMPLE_PLAN_SCOPES.join(","));
    expect(JSON.stringify(json)).toContain('"kid":"terraform-plan-okta-prod-2026"');
  });

  test("refuses a plan identity that reuses the deploy key", () => {
    const config = editedConfig(fixtureConfig("dev"), (c) => {
      c.bootstrap = { ...c.bootstrap, planJwks: c.bootstrap.jwks };
    });
    expect(errorOf(() => bootstrapOf("dev", undefined, config))).toContain("the plan identity reuses a deploy key");
  });

  test("creates the privileged reports-service with a fixed client id, its okta.* grant and the narrowest role", () => {
    const { json } = bootstrapOf("staging");
    expect(grantedTo(json, "reports-service")).toEqual(["okta.groups.read"]);
    expect(rolesOf(json, "reports-service")).toEqual(["READ_ONLY_ADMIN"]);
    const app = Object.entries(resourcesOf(json, "okta_app_oauth")).find(([k]) => k.startsWith("reports-service_App_"))?.[1];
    expect(app).toMatchObject({ client_id: "reports-service-staging", type: "service", token_endpoint_auth_method: "private_key_jwt" });
    expect(json.output?.["reports-service_client_id"]).toBeDefined();
  });

  test("creates service apps with client_credentials and private_key_jwt, and no secret in state", () => {
    const { json } = bootstrapOf("prod");
    expect(JSON.stringify(json)).toContain('"kid":"terraform-okta-prod-2026"');
    expect(Testing.synth(bootstrapOf("prod").stack)).toHaveResourceWithProperties(AppOauth, {
      label: "Terraform (okta-prod)",
      type: "service",
      grant_types: ["client_credentials"],
      token_endpoint_auth_method: "private_key_jwt",
      omit_secret: true,
    });
    expect(JSON.stringify(json)).not.toMatch(/"(d|p|q)":/);
  });

  test("assigns roles by client id and never SUPER_ADMIN", () => {
    const { json, stack } = bootstrapOf("dev");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauthRoleAssignment, {
      client_id: expect.stringMatching(/okta_app_oauth\.TerraformApp_\w+\.client_id/),
    });
    expect(Object.values(resourcesOf(json, "okta_app_oauth_role_assignment")).map((r) => r.type)).not.toContain("SUPER_ADMIN");
  });

  test("refuses a main stack that grants okta.* scopes itself: a Super Admin act", () => {
    const message = errorOf(() =>
      bootstrapOf("dev", (main) => new AppOauthApiScope(main, "Grant", { appId: "0oa1", issuer: "https://acme.okta.com", scopes: ["okta.users.read"] })),
    );
    expect(message).toContain("okta-dev synthesizes okta_app_oauth_api_scope, which calls okta.appGrants.manage");
    expect(message).toContain("a service app with oktaApiScopes is created by okta-bootstrap-<env>");
  });

  test("adds the scopes of a resource type the main stack gains", () => {
    const { json } = bootstrapOf("dev", (main) => new GroupRule(main, "Rule", { name: "Finance", expressionValue: 'user.department=="Finance"', groupAssignments: ["00g1"] }));
    expect(grantedTo(json, "TerraformApp")).toEqual(EXAMPLE_SCOPES);
    const { json: swaOnly } = bootstrapOf("dev", (main) => new AppSwa(main, "Swa", { label: "Legacy", url: "https://legacy.example.com" }));
    expect(grantedTo(swaOnly, "TerraformApp")).toEqual(EXAMPLE_SCOPES);
  });

  test("does not grant a scope no resource type needs", () => {
    const config = editedConfig(fixtureConfig("staging"), (c) => {
      // Without browser apps the stack has no trusted origins.
      c.apps = c.apps.filter((a) => a.kind !== "spa");
    });
    const app = Testing.app();
    const main = new OktaOrgStack(app, config);
    const json = JSON.parse(Testing.synth(new OktaBootstrapStack(app, config, main))) as TerraformJson;
    expect(resourcesOf(JSON.parse(Testing.synth(main)) as TerraformJson, "okta_trusted_origin")).toEqual({});
    expect(grantedTo(json, "TerraformApp")).not.toContain("okta.trustedOrigins.manage");
    expect(rolesOf(json, "TerraformApp")).toEqual(["API_ACCESS_MANAGEMENT_ADMIN", "APP_ADMIN", "READ_ONLY_ADMIN", "USER_ADMIN"]);
  });

  test("fails at synth when the main stack has a resource type whose API calls are not known", () => {
    const message = errorOf(() => bootstrapOf("dev", (main) => new Brand(main, "Brand", { name: "Acme" })));
    expect(message).toContain("Invalid Okta configuration at okta-bootstrap-dev");
    expect(message).toContain("okta-dev synthesizes okta_brand, whose Okta API calls (and so okta.* scopes and admin roles) are not known");
    expect(message).toContain("Fix: add its calls to OKTA_API_OPERATIONS in constructs/okta-api-operations.ts");
  });

  test("fails at synth when a resource type is added to the main stack after the bootstrap stack was built", () => {
    // Testing.fullSynth's temp dir, not the project's cdktf.out: this synth writes okta-dev before it fails.
    const { app, stacks } = buildOrgApp([fixtureConfig("dev")], { outdir: Testing.app().outdir });
    new AppOauthApiScope(stacks[0], "Late", { appId: "0oa1", issuer: "https://acme.okta.com", scopes: ["okta.users.read"] });
    const message = errorOf(() => app.synth());
    expect(message).toContain("okta-dev changed after okta-bootstrap-dev was built");
    expect(message).toContain("okta.appGrants.manage");
  });

  test("keeps its state apart from the main stack's", () => {
    expect(bootstrapOf("dev").json.terraform?.backend).toEqual({ local: { path: "../../../terraform.okta-bootstrap-dev.tfstate" } });
    expect(bootstrapBackend({ type: "s3", bucket: "b", key: "okta/prod.tfstate", region: "eu-west-1" })).toMatchObject({ key: "okta/bootstrap-prod.tfstate" });
    expect(bootstrapBackend({ type: "cloud", organization: "acme", workspace: "okta-prod" })).toMatchObject({ workspace: "okta-prod-bootstrap" });
    expect(bootstrapBackend({ type: "local", path: "state/prod.tfstate" })).toEqual({ type: "local", path: "state/prod.bootstrap.tfstate" });
  });

  test("fails when the bootstrap key is a private key", () => {
    const config = editedConfig(fixtureConfig("dev"), (c) => {
      c.bootstrap = { ...c.bootstrap, jwks: [{ ...c.bootstrap.jwks[0], d: "private" } as never] };
    });
    const app = new App();
    const message = errorOf(() => new OktaBootstrapStack(app, config, new OktaOrgStack(app, config)));
    expect(message).toContain("okta-bootstrap-dev/TerraformApp");
    expect(message).toContain("jwks contains private key material");
  });
});
