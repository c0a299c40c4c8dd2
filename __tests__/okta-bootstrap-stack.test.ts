import { App, TerraformStack, Testing } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { AppOauthRoleAssignment } from "@cdktf/provider-okta/lib/app-oauth-role-assignment";
import { PolicyPassword } from "@cdktf/provider-okta/lib/policy-password";
import { Brand } from "@cdktf/provider-okta/lib/brand";
import { configFor } from "../config";
import { managementAccessFor } from "../constructs/management-access";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { OktaBootstrapStack, bootstrapBackend } from "../stacks/okta-bootstrap-stack";
import { buildOrgApp } from "../stacks/org-app";
import { TerraformJson, editedConfig, errorOf, onlyResource, resourcesOf } from "../test-support";

const EXAMPLE_SCOPES = ["okta.appGrants.manage", "okta.apps.manage", "okta.authorizationServers.manage", "okta.groups.manage", "okta.trustedOrigins.manage"];

function bootstrapOf(env: string, edit?: (main: TerraformStack) => void): { stack: OktaBootstrapStack; json: TerraformJson } {
  const app = Testing.app();
  const main = new OktaOrgStack(app, configFor(env));
  edit?.(main);
  const stack = new OktaBootstrapStack(app, configFor(env), main);
  return { stack, json: JSON.parse(Testing.synth(stack)) as TerraformJson };
}

describe("managementAccessFor", () => {
  test("maps each resource type to its okta.* scope and admin role", () => {
    expect(managementAccessFor({ resources: ["okta_app_saml", "okta_auth_server_policy_rule"], dataSources: [] })).toEqual({
      scopes: ["okta.apps.manage", "okta.authorizationServers.manage"],
      roles: ["API_ACCESS_MANAGEMENT_ADMIN", "APP_ADMIN"],
      scopeSources: { "okta.apps.manage": ["okta_app_saml"], "okta.authorizationServers.manage": ["okta_auth_server_policy_rule"] },
      unknownTypes: [],
    });
  });

  test("drops a read scope when its manage scope is granted", () => {
    const access = managementAccessFor({ resources: ["okta_group"], dataSources: ["okta_everyone_group"] });
    expect(access.scopes).toEqual(["okta.groups.manage"]);
    expect(access.scopeSources["okta.groups.manage"]).toEqual(["data.okta_everyone_group", "okta_group"]);
  });

  test("keeps a read scope when only data sources need it", () => {
    expect(managementAccessFor({ resources: [], dataSources: ["okta_everyone_group", "okta_org_metadata"] }).scopes).toEqual(["okta.groups.read"]);
  });

  test("drops a role another granted role implies", () => {
    expect(managementAccessFor({ resources: ["okta_group", "okta_trusted_origin"], dataSources: [] }).roles).toEqual(["ORG_ADMIN"]);
  });

  test("reports types it does not know instead of guessing", () => {
    expect(managementAccessFor({ resources: ["okta_brand"], dataSources: ["okta_user"] }).unknownTypes).toEqual(["data.okta_user", "okta_brand"]);
  });
});

describe("OktaBootstrapStack", () => {
  test.each(["dev", "staging", "prod"])("okta-bootstrap-%s grants exactly the scopes the main stack's resource types need", (env) => {
    const { json, stack } = bootstrapOf(env);
    expect(stack.node.id).toBe(`okta-bootstrap-${env}`);
    expect(onlyResource(json, "okta_app_oauth_api_scope").scopes).toEqual(EXAMPLE_SCOPES);
    expect(json.output?.terraform_api_scopes.value).toBe(EXAMPLE_SCOPES.join(","));
  });

  test("creates a service app with client_credentials and private_key_jwt, and no secret in state", () => {
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

  test("assigns the admin roles the resource types need, never SUPER_ADMIN", () => {
    const { json, stack } = bootstrapOf("dev");
    const roles = Object.values(resourcesOf(json, "okta_app_oauth_role_assignment")).map((r) => r.type);
    expect(roles.sort()).toEqual(["API_ACCESS_MANAGEMENT_ADMIN", "APP_ADMIN", "ORG_ADMIN"]);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauthRoleAssignment, {
      client_id: expect.stringMatching(/okta_app_oauth\.TerraformApp_\w+\.client_id/),
    });
    expect(roles).not.toContain("SUPER_ADMIN");
  });

  test("adds a scope when the main stack gains a resource type", () => {
    const { json } = bootstrapOf("dev", (main) => new PolicyPassword(main, "Passwords", { name: "Passwords" }));
    expect(onlyResource(json, "okta_app_oauth_api_scope").scopes).toEqual([...EXAMPLE_SCOPES, "okta.policies.manage"].sort());
  });

  test("does not grant a scope no resource type needs", () => {
    const config = editedConfig(configFor("staging"), (c) => {
      // Without browser apps the stack has no trusted origins.
      c.apps = c.apps.filter((a) => a.kind !== "spa");
    });
    const app = Testing.app();
    const main = new OktaOrgStack(app, config);
    const json = JSON.parse(Testing.synth(new OktaBootstrapStack(app, config, main))) as TerraformJson;
    expect(resourcesOf(JSON.parse(Testing.synth(main)) as TerraformJson, "okta_trusted_origin")).toEqual({});
    expect(onlyResource(json, "okta_app_oauth_api_scope").scopes).not.toContain("okta.trustedOrigins.manage");
    const roles = Object.values(resourcesOf(json, "okta_app_oauth_role_assignment")).map((r) => r.type);
    expect(roles.sort()).toEqual(["API_ACCESS_MANAGEMENT_ADMIN", "APP_ADMIN", "USER_ADMIN"]);
  });

  test("fails at synth when the main stack has a resource type with no known scope", () => {
    const message = errorOf(() => bootstrapOf("dev", (main) => new Brand(main, "Brand", { name: "Acme" })));
    expect(message).toContain("Invalid Okta configuration at okta-bootstrap-dev");
    expect(message).toContain("okta-dev synthesizes okta_brand, whose okta.* scope and admin role are not known");
    expect(message).toContain("Fix: add it to RESOURCE_ACCESS or DATA_SOURCE_ACCESS in constructs/management-access.ts");
  });

  test("fails at synth when a resource type is added to the main stack after the bootstrap stack was built", () => {
    const { app, stacks } = buildOrgApp([configFor("dev")]);
    new PolicyPassword(stacks[0], "Late", { name: "Late" });
    const message = errorOf(() => app.synth());
    expect(message).toContain("okta-dev changed after okta-bootstrap-dev was built");
    expect(message).toContain("okta.policies.manage");
  });

  test("keeps its state apart from the main stack's", () => {
    expect(bootstrapOf("dev").json.terraform?.backend).toEqual({ local: { path: "../../../terraform.okta-bootstrap-dev.tfstate" } });
    expect(bootstrapBackend({ type: "s3", bucket: "b", key: "okta/prod.tfstate", region: "eu-west-1" })).toMatchObject({ key: "okta/bootstrap-prod.tfstate" });
    expect(bootstrapBackend({ type: "cloud", organization: "acme", workspace: "okta-prod" })).toMatchObject({ workspace: "okta-prod-bootstrap" });
    expect(bootstrapBackend({ type: "local", path: "state/prod.tfstate" })).toEqual({ type: "local", path: "state/prod.bootstrap.tfstate" });
  });

  test("fails when the bootstrap key is a private key", () => {
    const config = editedConfig(configFor("dev"), (c) => {
      c.bootstrap = { jwks: [{ ...c.bootstrap.jwks[0], d: "private" } as never] };
    });
    const app = new App();
    const message = errorOf(() => new OktaBootstrapStack(app, config, new OktaOrgStack(app, config)));
    expect(message).toContain("okta-bootstrap-dev/TerraformApp");
    expect(message).toContain("jwks contains private key material");
  });
});
