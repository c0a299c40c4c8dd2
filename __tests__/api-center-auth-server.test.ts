import { AuthServer } from "@cdktf/provider-okta/lib/auth-server";
import { AuthServerPolicyRule } from "@cdktf/provider-okta/lib/auth-server-policy-rule";
import { AuthServerScope } from "@cdktf/provider-okta/lib/auth-server-scope";
import { Group } from "@cdktf/provider-okta/lib/group";
import { TerraformStack, Testing } from "cdktf";
import { ApiCenterAuthServer, ApiCenterAuthServerProps } from "../constructs/api-center-auth-server";
import { NativeApp } from "../constructs/native-app";
import { ServiceApp } from "../constructs/service-app";
import { SpaApp } from "../constructs/spa-app";
import { WebApp } from "../constructs/web-app";
import { accessOf } from "../review/access";
import { TerraformJson, errorOf, resourcesOf, synthJson, testStack } from "../test-support";

const props: ApiCenterAuthServerProps = { audience: "api://api-center-dev" };

function rulesByName(json: TerraformJson): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.values(resourcesOf(json, "okta_auth_server_policy_rule")).map((r) => [r.name as string, r]));
}

function spa(stack: TerraformStack, id: string, extra: { embeddedWidget?: boolean } = {}): SpaApp {
  return new SpaApp(stack, id, {
    label: id,
    redirectUris: [`https://${id}.example.com/cb`],
    baseUris: [`https://${id}.example.com`],
    assignTo: "everyone",
    ...extra,
  });
}

describe("ApiCenterAuthServer", () => {
  test("creates the server with one audience, and seed 002's silver and gold scopes and groups", () => {
    const stack = testStack();
    new ApiCenterAuthServer(stack, "api", props);
    const synthed = Testing.synth(stack);
    expect(synthed).toHaveResourceWithProperties(AuthServer, { name: "API Center", audiences: ["api://api-center-dev"] });
    expect(synthed).toHaveResourceWithProperties(AuthServerScope, { name: "http://myapp.com/scp/silver", description: "Access to /planets (silver tier)" });
    expect(synthed).toHaveResourceWithProperties(AuthServerScope, { name: "http://myapp.com/scp/gold", description: "Access to /moons (gold tier)" });
    expect(synthed).toHaveResourceWithProperties(Group, { name: "silverSubscribers" });
    expect(synthed).toHaveResourceWithProperties(Group, { name: "goldSubscribers" });
  });

  test("gives each tier a rule for its own group with the OIDC scopes clients request and the tier scope, at the tier's priority", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    server.addClient(new WebApp(stack, "web", { label: "Web", redirectUris: ["https://web.example.com/cb"], assignTo: "everyone" }));
    const rules = rulesByName(synthJson(stack));
    expect(rules["silver tier"]).toMatchObject({
      priority: 1,
      grant_type_whitelist: ["authorization_code"],
      // Okta's SDKs request openid profile email: a rule admits a request only if it allows every scope.
      scope_whitelist: ["openid", "profile", "email", "http://myapp.com/scp/silver"],
      group_whitelist: [expect.stringMatching(/okta_group\.api_Tier-silver_Subscribers_Group_\w+\.id/)],
      access_token_lifetime_minutes: 60,
      refresh_token_window_minutes: 10080,
      refresh_token_lifetime_minutes: 129600,
    });
    expect(rules["gold tier"]).toMatchObject({ priority: 2, scope_whitelist: ["openid", "profile", "email", "http://myapp.com/scp/gold"] });
  });

  test("allows the OIDC scopes a server declares, and refuses a list without openid or with an API scope", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", { ...props, oidcScopes: ["openid", "email"] });
    server.addClient(new WebApp(stack, "web", { label: "Web", redirectUris: ["https://web.example.com/cb"], assignTo: [server.tier("silver").group] }));
    expect(rulesByName(synthJson(stack))["silver tier"].scope_whitelist).toEqual(["openid", "email", "http://myapp.com/scp/silver"]);
    const message = errorOf(() => new ApiCenterAuthServer(testStack(), "api", { ...props, oidcScopes: ["profile", "http://x/y"] }));
    expect(message).toContain('oidcScopes may hold only OpenID Connect scopes: got ["http://x/y"]');
    expect(message).toContain("oidcScopes must include openid");
  });

  test("allows offline_access when a client of the policy uses refresh tokens", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    server.addClient(spa(stack, "portal"));
    expect(rulesByName(synthJson(stack))["silver tier"].scope_whitelist).toEqual(["openid", "profile", "email", "http://myapp.com/scp/silver", "offline_access"]);
  });

  test("allows the interaction_code grant when a client uses the embedded widget (seed 001)", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    server.addClient(spa(stack, "widget", { embeddedWidget: true }));
    expect(rulesByName(synthJson(stack))["gold tier"].grant_type_whitelist).toEqual(["authorization_code", "interaction_code"]);
  });

  test("restricts the user policy to its clients, never ALL_CLIENTS", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    server.addClient(spa(stack, "b"));
    server.addClient(new NativeApp(stack, "a", { label: "A", redirectUris: ["com.example.a:/cb"], assignTo: "everyone" }));
    const policies = Object.values(resourcesOf(synthJson(stack), "okta_auth_server_policy"));
    expect(policies).toHaveLength(1);
    expect(policies[0].client_whitelist).toEqual([
      expect.stringMatching(/okta_app_oauth\.a_App_\w+\.client_id/),
      expect.stringMatching(/okta_app_oauth\.b_App_\w+\.client_id/),
    ]);
  });

  test("chains each rule on the one before it", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", {
      ...props,
      tiers: {
        gold: { scope: "s:gold", groupName: "g", resource: "/moons", priority: 2 },
        platinum: { scope: "s:platinum", groupName: "p", resource: "/stars", priority: 3 },
        silver: { scope: "s:silver", groupName: "s", resource: "/planets", priority: 1 },
      },
    });
    server.addClient(spa(stack, "portal"));
    const rules = rulesByName(synthJson(stack));
    expect(rules["silver tier"]).not.toHaveProperty("depends_on");
    // Terraform accepts only a bare reference in depends_on ("A single static variable
    // reference is required"), never an interpolation.
    expect(rules["gold tier"].depends_on).toEqual([expect.stringMatching(/^okta_auth_server_policy_rule\.api_UserAccess_Rule-silver_\w+$/)]);
    expect(rules["platinum tier"].depends_on).toEqual([expect.stringMatching(/^okta_auth_server_policy_rule\.api_UserAccess_Rule-gold_\w+$/)]);
  });

  test("adds a tier with addTier and returns it", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    const platinum = server.addTier("platinum", { scope: "http://myapp.com/scp/platinum", groupName: "platinumSubscribers", resource: "/stars", priority: 3 });
    server.addClient(spa(stack, "portal"));
    expect(platinum.group.groupName).toBe("platinumSubscribers");
    expect(server.tier("platinum")).toBe(platinum);
    expect(rulesByName(synthJson(stack))["platinum tier"]).toMatchObject({ priority: 3 });
  });

  test("grants a service app its scopes with a client_credentials rule in a policy of its own", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    const service = new ServiceApp(stack, "reports", { label: "Reports", scopes: ["http://myapp.com/scp/silver"] });
    server.addServiceClient(service, { priority: 1 });
    const json = synthJson(stack);
    expect(rulesByName(json)["Reports (client credentials)"]).toMatchObject({
      priority: 1,
      grant_type_whitelist: ["client_credentials"],
      scope_whitelist: ["http://myapp.com/scp/silver"],
      group_whitelist: ["EVERYONE"],
    });
    const policies = Object.values(resourcesOf(json, "okta_auth_server_policy"));
    const servicePolicy = policies.find((p) => p.name === "Service access: reports");
    expect(servicePolicy?.client_whitelist).toEqual([expect.stringMatching(/okta_app_oauth\.reports_App_\w+\.client_id/)]);
    // No user-facing client: no user policy, so the service policy is the server's first.
    expect(servicePolicy?.priority).toBe(1);
  });

  test("isolates service apps: each gets a policy naming only itself, so none can request another's scope", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    server.addServiceClient(new ServiceApp(stack, "a", { label: "A", scopes: ["http://myapp.com/scp/silver"] }), { priority: 1 });
    server.addServiceClient(new ServiceApp(stack, "b", { label: "B", scopes: ["http://myapp.com/scp/gold"] }), { priority: 2 });
    const json = synthJson(stack);
    const policies = Object.values(resourcesOf(json, "okta_auth_server_policy")).filter((p) => String(p.name).startsWith("Service access"));
    expect(policies.map((p) => [p.name, (p.client_whitelist as string[]).length, p.priority])).toEqual([
      ["Service access: a", 1, 1],
      ["Service access: b", 1, 2],
    ]);
    // Judged as Okta would: the access view evaluates each single-scope request of each client.
    const grants = accessOf(json as Record<string, unknown>).grants.filter((g) => g.grant === "client_credentials");
    expect(grants.map((g) => [g.client, g.scope])).toEqual([
      ["A", "http://myapp.com/scp/silver"],
      ["B", "http://myapp.com/scp/gold"],
    ]);
  });

  test("fails when a user-facing app is assigned to a group no rule of the server admits", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    server.addClient(spa(stack, "portal"));
    const message = errorOf(() => Testing.synth(stack, true));
    expect(message).toContain('portal (test/portal) calls test/api, but its assigned group "Everyone" is admitted by no rule of the server');
    expect(message).toContain("Fix: assign the app only to tier groups (silverSubscribers, goldSubscribers)");
  });

  test("fails when two service apps share a priority, naming the next free one", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    server.addServiceClient(new ServiceApp(stack, "a", { label: "A", scopes: ["http://myapp.com/scp/silver"] }), { priority: 1 });
    const message = errorOf(() => server.addServiceClient(new ServiceApp(stack, "b", { label: "B", scopes: ["http://myapp.com/scp/gold"] }), { priority: 1 }));
    expect(message).toContain("service priority 1 is already used by test/api/Service-a");
    expect(message).toContain("(next free: 2)");
  });

  test("uses per-tier token lifetimes and unlimited refresh only when asked", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", {
      ...props,
      tokenLifetimes: { accessTokenMinutes: 15 },
      tiers: {
        silver: { scope: "s:silver", groupName: "s", resource: "/planets", priority: 1, tokenLifetimes: { refreshTokenLifetimeMinutes: "unlimited" } },
      },
    });
    server.addClient(spa(stack, "portal"));
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AuthServerPolicyRule, {
      access_token_lifetime_minutes: 15,
      refresh_token_lifetime_minutes: 0,
      refresh_token_window_minutes: 10080,
    });
  });

  test("carries prevent_destroy on the server and the groups in prod only", () => {
    const prod = testStack("prod");
    new ApiCenterAuthServer(prod, "api", props);
    const prodJson = synthJson(prod);
    expect(Object.values(resourcesOf(prodJson, "okta_auth_server"))[0].lifecycle).toEqual({ prevent_destroy: true });
    expect(Object.values(resourcesOf(prodJson, "okta_group")).map((g) => g.lifecycle)).toEqual([{ prevent_destroy: true }, { prevent_destroy: true }]);
    const dev = testStack("dev");
    new ApiCenterAuthServer(dev, "api", props);
    expect(Object.values(resourcesOf(synthJson(dev), "okta_auth_server"))[0]).not.toHaveProperty("lifecycle");
  });

  test("fails when two rules share a priority", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    const message = errorOf(() => server.addTier("platinum", { scope: "s:p", groupName: "p", resource: "/stars", priority: 2 }));
    expect(message).toContain("priority 2 is already used by tier gold (test/api/Tier-gold)");
    expect(message).toContain("next free: 3");
  });

  test("fails at synth when rule priorities have a gap", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    server.addTier("platinum", { scope: "s:p", groupName: "p", resource: "/stars", priority: 4 });
    server.addClient(spa(stack, "portal"));
    const message = errorOf(() => Testing.fullSynth(stack));
    expect(message).toContain("test/api/UserAccess");
    expect(message).toContain("rule priorities must run 1..3 without gaps: got [1,2,4]");
  });

  test("fails when a rule names a tier that does not exist", () => {
    const server = new ApiCenterAuthServer(testStack(), "api", props);
    const message = errorOf(() => server.tier("platinum", "test/reports"));
    expect(message).toContain("test/reports");
    expect(message).toContain('unknown tier of test/api: got "platinum"');
    expect(message).toContain("use one of: silver, gold");
  });

  test("fails when a service app requests a scope the server does not define", () => {
    const stack = testStack();
    const server = new ApiCenterAuthServer(stack, "api", props);
    const service = new ServiceApp(stack, "reports", { label: "Reports", scopes: ["http://myapp.com/scp/platinum"] });
    expect(errorOf(() => server.addServiceClient(service, { priority: 1 }))).toContain("requests scopes that test/api does not define");
  });
});
