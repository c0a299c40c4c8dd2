import * as fs from "fs";
import { Testing } from "cdktf";
import "cdktf/lib/testing/adapters/jest";
import { configFor } from "../config";
import { BILLING_SYNC_KEY } from "../config/teams/finance";
import { OrgConfig } from "../config/types";
import { validateOrgConfig } from "../config/validate";
import { OktaClient } from "../importer/okta-client";
import { countsOf } from "../importer/import-report";
import { mapOrg } from "../importer/to-config";
import { OrgSnapshot } from "../importer/okta-objects";
import { buildOrgApp } from "../stacks/org-app";
import { fixtureConfig } from "../test-support/fixture-org";
import { byOktaObject, deployed, importFromServer, synthStacks } from "../test-support/import";
import { startOktaApiServer } from "../test-support/okta-api-server";
import { recordedOrg } from "../test-support/recorded-org";
import { errorOf } from "../test-support";
import { buildReview, summaryOf } from "../review/review";

const TOKEN = "SSWS test-token";

function lotsOfGroups(n: number): OrgSnapshot {
  const groups = Array.from({ length: n }, (_, i) => ({ id: `00g${String(i).padStart(17, "0")}`, type: "OKTA_GROUP", profile: { name: `group-${i}` } }));
  return { apps: [], appGroups: {}, groups, groupRules: [], authServers: [], trustedOrigins: [], grants: {} };
}

function clientFor(url: string, extra: Partial<ConstructorParameters<typeof OktaClient>[0]> = {}) {
  const waits: number[] = [];
  const client = new OktaClient({ orgUrl: url, authorization: async () => TOKEN, sleep: async (ms) => void waits.push(ms), ...extra });
  return { client, waits };
}

describe("OktaClient", () => {
  test("follows Okta's Link rel=next through every page of a list", async () => {
    const server = await startOktaApiServer(lotsOfGroups(23), { authorization: TOKEN, pageSize: 5 });
    try {
      const { client } = clientFor(server.url);
      const groups = await client.list<{ id: string }>("/api/v1/groups?limit=200");
      expect(groups.map((g) => g.id)).toEqual(lotsOfGroups(23).groups.map((g) => g.id));
      expect(client.requests).toBe(5);
    } finally {
      await server.close();
    }
  });

  test("waits until X-Rate-Limit-Reset after a 429, then retries", async () => {
    const reset = Math.floor(Date.now() / 1000) + 7;
    const server = await startOktaApiServer(lotsOfGroups(2), {
      authorization: TOKEN,
      fault: (_path, attempt) => (attempt === 1 ? { status: 429, headers: { "x-rate-limit-reset": String(reset) }, body: '{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}' } : undefined),
    });
    try {
      const { client, waits } = clientFor(server.url);
      expect(await client.list("/api/v1/groups")).toHaveLength(2);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(5000);
      expect(waits[0]).toBeLessThanOrEqual(8000);
    } finally {
      await server.close();
    }
  });

  test("waits at most a minute for a reset, even when this machine's clock is far behind Okta's", async () => {
    const server = await startOktaApiServer(lotsOfGroups(1), {
      authorization: TOKEN,
      fault: (_path, attempt) => (attempt === 1 ? { status: 429, headers: { "x-rate-limit-reset": String(Math.floor(Date.now() / 1000) + 3600) } } : undefined),
    });
    try {
      const { client, waits } = clientFor(server.url);
      await client.list("/api/v1/groups");
      expect(waits).toEqual([61_000]);
    } finally {
      await server.close();
    }
  });

  test("retries a 5xx with backoff, and fails with the request, the last answer and the fix once retries run out", async () => {
    const server = await startOktaApiServer(lotsOfGroups(1), { authorization: TOKEN, fault: (path) => (path.startsWith("/api/v1/groups") ? { status: 503, body: "busy" } : undefined) });
    try {
      const { client, waits } = clientFor(server.url, { maxRetries: 2 });
      const error = await client.list("/api/v1/groups").catch((e: Error) => e.message);
      expect(error).toBe("GET /api/v1/groups failed 3 times (last: 503 Service Unavailable). Fix: retry later, or lower --max-api-capacity so the import leaves room for the org's own traffic.");
      expect(waits).toEqual([500, 1000, 2000]);
    } finally {
      await server.close();
    }
  });

  test("keeps to --max-api-capacity: waits for the reset once its share of a bucket is used", async () => {
    const server = await startOktaApiServer(lotsOfGroups(1), { authorization: TOKEN, rateLimit: 10 });
    try {
      const sentBeforeWait: number[] = [];
      const client: OktaClient = new OktaClient({ orgUrl: server.url, authorization: async () => TOKEN, maxApiCapacity: 50, concurrency: 1, sleep: async () => void sentBeforeWait.push(client.requests) });
      for (let i = 0; i < 8; i++) await client.get(`/api/v1/groups`);
      // 10 per window at 50%: 5 go at once; from the 6th on, the server's X-Rate-Limit-Remaining is
      // the org's share, so each request first waits for X-Rate-Limit-Reset (this server never resets).
      expect(sentBeforeWait).toEqual([5, 6, 7]);
    } finally {
      await server.close();
    }
  });

  test("names Okta's error code and the fix when the credentials are refused", async () => {
    const server = await startOktaApiServer(lotsOfGroups(1), { authorization: "SSWS other" });
    try {
      const { client } = clientFor(server.url);
      const error = await client.list("/api/v1/groups").catch((e: Error) => e.message);
      expect(error).toContain("GET /api/v1/groups answered 401 (E0000011: Invalid token provided)");
      expect(error).toContain("Fix: the credentials were refused: set OKTA_API_TOKEN");
    } finally {
      await server.close();
    }
  });

  test("fails clearly on an answer that is not Okta's JSON, and on a list that is not a list", async () => {
    const server = await startOktaApiServer(lotsOfGroups(1), {
      authorization: TOKEN,
      fault: (path) => (path === "/html" ? { status: 200, body: "<html>login</html>" } : path === "/object" ? { status: 200, body: '{"id":"x"}' } : path === "/deep" ? { status: 200, body: "[".repeat(200_000) + "]".repeat(200_000) } : undefined),
    });
    try {
      const { client } = clientFor(server.url);
      expect(await client.get("/html").catch((e: Error) => e.message)).toBe('GET /html: the answer is not JSON ("<html>login</html>"). Fix: check --org-url points at an Okta org.');
      // Refused as a pull request's files are (review/outside-json.ts): no Okta answer nests like this.
      expect(await client.get("/deep").catch((e: Error) => e.message)).toMatch(/^GET \/deep: the answer is JSON nested deeper than 100 levels, unlike any Okta answer \("\[\[\[/);
      expect(await client.list("/object").catch((e: Error) => e.message)).toContain("GET /object: expected a list, got");
    } finally {
      await server.close();
    }
  });

  test("refuses an answer larger than any Okta page, by its Content-Length or while it streams, and reads one at the cap", async () => {
    const list = JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ id: `00g${String(i).padStart(17, "0")}` })));
    const server = await startOktaApiServer(lotsOfGroups(1), { authorization: TOKEN, fault: (path) => (path === "/big" ? { status: 200, body: list, headers: { "Content-Length": String(list.length) } } : undefined) });
    try {
      const { client } = clientFor(server.url, { maxAnswerBytes: list.length - 1 });
      expect(await client.get("/big").catch((e: Error) => e.message)).toBe(`GET /big: the answer is ${list.length} bytes (Content-Length), more than the ${list.length - 1} bytes read here, unlike any Okta page of 200 objects (under 1 MB); refused unread. Fix: check --org-url points at an Okta org (not a proxy or a download).`);
      expect(await clientFor(server.url, { maxAnswerBytes: list.length }).client.list("/big")).toHaveLength(20);
    } finally {
      await server.close();
    }
    // A body that declares no length (chunked) is cut off at the cap: the rest is never pulled.
    let pulled = 0;
    let cancelled = false;
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull: (controller) => void (pulled++, controller.enqueue(new TextEncoder().encode("[".padEnd(1024, " ")))),
          cancel: () => void (cancelled = true),
        }),
        { status: 200, headers: { "content-type": "application/json" } },
      );
    const { client } = clientFor("https://acme.okta.com", { maxAnswerBytes: 10 * 1024, fetch: async () => endless() });
    expect(await client.get("/api/v1/apps").catch((e: Error) => e.message)).toMatch(/^GET \/api\/v1\/apps: the answer is more than the 10240 bytes read here, unlike any Okta page/);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(12);
  });

  test("ends a list whose next links repeat, or never end, naming the list and the fix", async () => {
    const pagesOf = (nextOf: (n: number) => number) => {
      let sent = 0;
      const fetch = async (url: string | URL | Request) => {
        sent++;
        const after = Number(new URL(String(url)).searchParams.get("after") ?? 0);
        return new Response(JSON.stringify([{ id: `g${after}` }]), { status: 200, headers: { link: `<https://acme.okta.com/api/v1/groups?after=${nextOf(after)}>; rel="next"` } });
      };
      return { client: clientFor("https://acme.okta.com", { maxPages: 50, fetch: fetch as typeof globalThis.fetch }).client, sent: () => sent };
    };
    const looping = pagesOf((n) => (n + 1) % 3);
    expect(await looping.client.list("/api/v1/groups").catch((e: Error) => e.message)).toBe("GET /api/v1/groups: Okta's next link repeats https://acme.okta.com/api/v1/groups?after=1. Fix: retry; report it if it persists.");
    const endless = pagesOf((n) => n + 1);
    expect(await endless.client.list("/api/v1/groups").catch((e: Error) => e.message)).toBe("GET /api/v1/groups: still a next link after 50 pages (50 objects), more than any org the import is for. Fix: check --org-url points at an Okta org; report it if it does.");
    expect(endless.sent()).toBe(50);
  });

  test("refuses an org URL without https (a token must not travel in clear), except loopback test servers", () => {
    expect(errorOf(() => new OktaClient({ orgUrl: "http://acme.okta.com", authorization: async () => TOKEN }))).toContain("The org URL must use https");
    expect(errorOf(() => new OktaClient({ orgUrl: "https://acme.okta.com", authorization: async () => TOKEN, maxApiCapacity: 0 }))).toContain("--max-api-capacity must be a whole percentage from 1 to 100: got 0");
  });
});

describe("npm run import of the recorded org (real Okta answers)", () => {
  let result: Awaited<ReturnType<typeof importFromServer>>;
  beforeAll(async () => {
    result = await importFromServer(recordedOrg(), { pageSize: 3 });
  });

  test("reads with GET only and accounts for every object it read", () => {
    expect([...result.methods]).toEqual(["GET"]);
    const org = recordedOrg();
    const counts = countsOf(result.run.adoption.mapped.log.entries);
    const total = (kind: string) => Object.values(counts[kind] ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    expect(total("app")).toBe(org.apps.length);
    expect(total("group")).toBe(org.groups.length);
    expect(total("authorization server")).toBe(org.authServers.length);
    expect(total("group rule")).toBe(org.groupRules.length);
    expect(total("trusted origin")).toBe(org.trustedOrigins.length);
  });

  test("says why each object that does not fit a construct is left out", () => {
    const why = (id: string) => result.run.adoption.mapped.log.entries.find((e) => e.id === id);
    expect(why("0oakwrpctaNFMkBWG1d7")).toMatchObject({ outcome: "not imported", why: "it calls a SAML inline hook, which the constructs do not manage" });
    expect(why("0oawrzwic1Oot7DA21d7")?.why).toContain("it is INACTIVE");
    expect(why("auskwr35t9yxZfX171d7")?.why).toContain('its audience "whatever-else.rise.zone" is not an absolute URI');
    expect(why("0oauj9j517OhB2XFO1d7")?.why).toContain("it is assigned to no group we import");
    expect(why("toskwr6z71zZ7zxl01d7")?.why).toContain("no imported SPA is served from it");
  });

  test("writes config that passes the config schema and adopts the groups and the group rule it imports", () => {
    const { config } = result.run.adoption;
    expect(validateOrgConfig(config, "imported")).toEqual([]);
    expect(config.groupRules).toEqual([{ name: "testAcc_287200613", group: "testAcc_287200613", expression: 'String.startsWith(user.firstName,String.toLowerCase("bob"))' }]);
    expect(Object.values(config.imports ?? {}).sort()).toEqual(["00gkwr4qag4rt9b7k1d7", "00gkwr6x98wjXGaqE1d7", "00guj9da46zq3jlQf1d7", "0prkwr5eucLMK2ilE1d7"]);
    expect(result.run.adoption.creates).toEqual([]);
    const written = fs.readFileSync(result.run.configFile, "utf8");
    expect(written).toContain("export const imported: OrgConfig = {");
    expect(written).not.toContain("REDACTED");
    expect(fs.readFileSync(result.run.reportFile, "utf8")).toContain("| app | 0 | 0 | 0 | 12 |");
    // Okta answered "" for two groups' descriptions; OktaGroup writes its default there.
    expect(result.run.adoption.changes.map((c) => [c.attribute, c.okta, c.config])).toEqual([
      ["description", "", "Managed by okta-as-code"],
      ["description", "", "Managed by okta-as-code"],
    ]);
  });
});

describe("import of a privileged service app whose admin roles cannot be read (issue 20)", () => {
  test("leaves it out, says which scope reads its roles, and imports the rest", async () => {
    const { org } = deployed(configFor("dev"));
    const denied = { errorCode: "E0000006", errorSummary: "You do not have permission to perform the requested action", errorCauses: [] };
    const { run } = await importFromServer(org, { fault: (p: string) => (p.startsWith("/oauth2/v1/clients/") ? { status: 403, body: JSON.stringify(denied) } : undefined) });
    const entry = run.adoption.mapped.log.entries.find((e) => e.name === "Reports Service");
    expect(entry).toMatchObject({ outcome: "not imported", why: expect.stringContaining("its admin roles could not be read") });
    expect(entry!.why).toContain("okta.roles.read");
    expect(run.adoption.config.bootstrap.imports).toBeUndefined();
    expect(run.adoption.config.apps.map((a) => a.label)).toContain("Billing Sync");
  });
});

describe("import of Terraform's own identities (issue 20)", () => {
  test("keeps the public keys Okta holds, so Terraform's private key still matches after the bootstrap deploy", async () => {
    const { org } = deployed(configFor("dev"));
    const other = { kid: "acme-terraform-2025", kty: "RSA", e: "AQAB", n: BILLING_SYNC_KEY.n };
    const edited = { ...org, apps: org.apps.map((a) => (a.label === "Terraform (okta-dev)" ? { ...a, settings: { ...a.settings, oauthClient: { ...a.settings!.oauthClient, jwks: { keys: [other] } } } } : a)) };
    const { run } = await importFromServer(edited);
    expect(run.adoption.config.bootstrap.jwks).toEqual([other]);
    const written = fs.readFileSync(run.configFile, "utf8");
    expect(written).toContain('kid: "acme-terraform-2025"');
    expect(written).toContain("planJwks: [TERRAFORM_PLAN_KEYS.dev]");
  });
});

describe("import of a SAML app with several ACS endpoints (issue 20)", () => {
  test("keeps endpoints whose indices run 0..n-1, and leaves out one whose indices do not, saying why", async () => {
    const { org } = deployed(configFor("dev"));
    const expenses = org.apps.find((a) => a.label === "Expenses")!;
    const { run } = await importFromServer(org);
    const app = run.adoption.config.apps.find((a) => a.label === "Expenses") as { acsEndpoints?: string[] };
    expect(app.acsEndpoints).toEqual(["http://localhost:4000/saml/acs", "http://localhost:4000/saml/acs/eu"]);
    const gap = { ...org, apps: org.apps.map((a) => (a === expenses ? { ...a, settings: { ...a.settings, signOn: { ...a.settings!.signOn, acsEndpoints: [{ url: "http://localhost:4000/saml/acs", index: 0 }, { url: "http://localhost:4000/saml/acs/eu", index: 2 }] } } } : a)) };
    const refused = await importFromServer(gap);
    expect(refused.run.adoption.mapped.log.entries.find((e) => e.id === expenses.id)).toMatchObject({ outcome: "not imported", why: expect.stringContaining("indices do not run 0, 1, 2") });
  });
});

describe("import of a recorded SAML app with single logout", () => {
  test("keeps its SLO with the SP certificate Okta answers (checked as X.509 by SamlApp)", async () => {
    const org = recordedOrg();
    const saml = "0oakwre0hfUHRIUtO1d7";
    const { run } = await importFromServer({ ...org, appGroups: { ...org.appGroups, [saml]: [{ id: "00guj9da46zq3jlQf1d7" }] } });
    const entry = run.adoption.mapped.log.entries.find((e) => e.id === saml);
    expect(entry?.outcome).toBe("imported");
    const app = run.adoption.config.apps.find((a) => a.label === "testAcc_3943401340") as { singleLogout?: { url: string; issuer: string; certificate: string } };
    expect(app.singleLogout).toMatchObject({ url: "https://dunshire.okta.com/logout", issuer: "https://dunshire.okta.com" });
    expect(app.singleLogout!.certificate).toMatch(/^-----BEGIN CERTIFICATE-----\nMIIFnDCCA4QCCQDBSLbiON2T1zANBgkqhkiG9w0BAQsFADCBjzELMAkGA1UEBhMC\nVVMx/);
  });
});

describe("import round trip of the example org", () => {
  const config = configFor("dev");
  let original: ReturnType<typeof deployed>;
  let result: Awaited<ReturnType<typeof importFromServer>>;
  let importedStack: Record<string, unknown>;
  beforeAll(async () => {
    original = deployed(config);
    result = await importFromServer(original.org, { pageSize: 4 });
    importedStack = synthStacks([result.run.adoption.config]).get("okta-dev")!;
  });

  test("adopts every resource: the imported config's plan would import, never create", () => {
    expect(result.run.adoption.creates).toEqual([]);
    const imports = result.run.adoption.config.imports ?? {};
    const resources = Object.values(importedStack.resource as Record<string, object>).reduce((n, r) => n + Object.keys(r).length, 0);
    expect(Object.keys(imports)).toHaveLength(resources);
    expect((importedStack as { import?: unknown[] }).import).toHaveLength(resources);
  });

  test("gives back the same Okta objects with the same settings, except the privileged app the bootstrap stack owns", () => {
    const everyone = original.ids.get("data.okta_everyone_group.EveryoneGroup");
    const imports = result.run.adoption.config.imports ?? {};
    const before = byOktaObject(original.stacks.get("okta-dev")!, (a) => original.ids.get(a));
    // An assignment's import id is app/group; every other resource's own id is its import id's last part.
    const ownId = (a: string) => (a.startsWith("okta_app_group_assignment.") ? imports[a] : imports[a]?.split("/").pop());
    const after = byOktaObject(importedStack, (a) => ownId(a) ?? (a.startsWith("data.okta_everyone_group.") ? everyone : undefined));
    const lost = [...before.keys()].filter((k) => !after.has(k)).map((k) => before.get(k)!.address);
    // Dev's rules name no zone: the corporate zone stays in Okta, unmanaged (reported as skipped below).
    // The privileged reports-service is adopted too: its app by the bootstrap stack (below), its policy here.
    expect(lost).toEqual(["okta_network_zone.Zone-Corporate-network_Zone_30BEDF5E"]);
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([]);
    const changed = [...before].filter(([k, v]) => after.has(k) && JSON.stringify(v.attrs) !== JSON.stringify(after.get(k)!.attrs)).map(([, v]) => v.address);
    // Nothing moves: reports-service keeps its policy (priority 2), billing-sync keeps 3.
    expect(changed).toEqual([]);
  });

  test("shows in the review as imports, their own kind of change, not as creates", () => {
    const head = new Map([["okta-dev", { id: "okta-dev", json: importedStack, findings: [], owners: {} }]]);
    const review = buildReview(new Map(), head, { base: "main", head: "import" }).stacks[0];
    const adopted = Object.keys(result.run.adoption.config.imports ?? {}).length;
    // A new stack also adds its provider and backend settings: those are the only "+" lines.
    expect(review.resources.filter((r) => r.kind === "add").map((r) => r.type)).toEqual(["provider.okta", "terraform.backend"]);
    expect(review.summary).toEqual({ add: 2, import: adopted, change: 0, destroy: 0 });
    expect(summaryOf(review)).toBe(`okta-dev: +2 ~0 -0 ⇐${adopted} imported`);
  });

  test("lists what the first deploy changes in Okta: nothing", () => {
    expect(result.run.adoption.changes).toEqual([]);
  });

  test("adopts the privileged app and Terraform's own identities into the bootstrap stack, each with its grant and admin roles, and skips Okta's own objects", () => {
    const entries = result.run.adoption.mapped.log.entries;
    const reports = original.org.apps.find((a) => a.label === "Reports Service")!;
    expect(entries.find((e) => e.name === "Reports Service")).toMatchObject({ outcome: "imported", id: reports.id });
    const app = result.run.adoption.config.apps.find((a) => a.label === "Reports Service");
    expect(app).toMatchObject({ kind: "service", oktaApiScopes: ["okta.groups.read"], clientId: "reports-service-dev", tiers: ["silver"] });
    const imports = result.run.adoption.config.bootstrap.imports ?? {};
    // Every app, grant and role of the bootstrap stack as deployed, by Okta id: adopted, none created.
    const expected: string[] = [];
    for (const label of ["Reports Service", "Terraform (okta-dev)", "Terraform plan, read-only (okta-dev)"]) {
      const app = original.org.apps.find((a) => a.label === label)!;
      const clientId = app.credentials?.oauthClient?.client_id ?? app.id;
      expected.push(`okta_app_oauth ${app.id}`, `okta_app_oauth_api_scope ${app.id}`, ...(original.org.clientRoles![app.id] as { id: string }[]).map((r) => `okta_app_oauth_role_assignment ${clientId}/${r.id}`));
    }
    expect(Object.entries(imports).map(([address, id]) => `${address.split(".")[0]} ${id}`).sort()).toEqual(expected.sort());
    expect(entries.filter((e) => e.kind === "app" && e.outcome === "not imported")).toEqual([]);
    // Okta's keys are the repo's here: the config names them as the repo does.
    expect(fs.readFileSync(result.run.configFile, "utf8")).toMatch(/bootstrap: \{ jwks: \[TERRAFORM_KEYS\.dev\], planJwks: \[TERRAFORM_PLAN_KEYS\.dev\], imports: \{/);
    expect(entries.filter((e) => e.outcome === "skipped").map((e) => e.name).sort()).toEqual(["Corporate network", "Everyone", "Okta Admin Console", "Okta Dashboard", "default"]);
    expect(result.printed).toMatch(/resources adopt existing objects; 0 would be created/);
  });
});

describe("config imports", () => {
  const withImports = (config: OrgConfig, imports: Record<string, string>): OrgConfig => ({ ...config, imports });

  test("adds a Terraform import block per adopted resource", () => {
    const app = Testing.app();
    const base = fixtureConfig("dev");
    const { stacks } = buildOrgApp([withImports(base, { "okta_group.Group-financeTeam_Group_D962F0A0": "00gABCDEFGHIJKLMNOPQ" })], { outdir: app.outdir });
    const json = JSON.parse(Testing.synth(stacks[0])) as { import?: unknown[] };
    expect(json.import).toEqual([{ id: "00gABCDEFGHIJKLMNOPQ", to: "okta_group.Group-financeTeam_Group_D962F0A0" }]);
  });

  test("fails when an import names a resource the stack does not create", () => {
    const message = errorOf(() => buildOrgApp([withImports(fixtureConfig("dev"), { "okta_group.Gone_1234": "00gX" })], { outdir: Testing.app().outdir }));
    expect(message).toContain("  - okta-dev/imports imports names a resource this stack does not create");
    expect(message).toContain('imports names a resource this stack does not create: got "okta_group.Gone_1234 = 00gX". Fix: remove the entry');
  });
});

describe("import of a live org that breaks RFC 9700 and the constructs' shapes", () => {
  let result: Awaited<ReturnType<typeof importFromServer>>;
  let live: OrgSnapshot;
  const entry = (name: string) => result.run.adoption.mapped.log.entries.find((e) => e.name === name);
  const app = (label: string) => result.run.adoption.config.apps.find((a) => a.label === label) as Record<string, unknown> | undefined;
  beforeAll(async () => {
    // The example org as deployed, then edited the way Admin Console clicks would.
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org)); // a mutable copy, edited freely below
    const byLabel = (label: string) => edited.apps.find((a: { label: string }) => a.label === label);
    const portal = byLabel("Customer Portal").settings.oauthClient;
    portal.grant_types.push("implicit");
    portal.response_types.push("token", "id_token");
    portal.refresh_token.rotation_type = "STATIC";
    byLabel("Customer Portal").credentials.oauthClient.pkce_required = false;
    byLabel("Payments Console").credentials.oauthClient.pkce_required = false;
    byLabel("API Center Client").settings.oauthClient.redirect_uris.push("http://localhost:3090/*");
    byLabel("Billing").settings.oauthClient.grant_types.push("client_credentials");
    byLabel("Expenses").settings.signOn.signatureAlgorithm = "RSA_SHA1";
    const apiCenter = edited.authServers.find((s: { server: { name: string } }) => s.server.name === "API Center");
    const userPolicy = apiCenter.policies.find((p: { policy: { name: string } }) => p.policy.name === "User access");
    userPolicy.rules.find((r: { name: string }) => r.name === "gold tier").conditions.people.groups.include.push("EVERYONE");
    edited.authServers.find((s: { server: { name: string } }) => s.server.name === "Payments").claims[0].conditions.scopes = ["payments:read"];
    live = edited as OrgSnapshot;
    result = await importFromServer(live);
  });

  test("keeps what config can say (implicit, no PKCE on a web app) so the audit shows it, with the rule and fix", () => {
    expect(app("Customer Portal")).toMatchObject({ kind: "spa", allowImplicitGrant: true });
    expect(app("Payments Console")).toMatchObject({ kind: "web", pkceRequired: false });
    const findings = result.run.adoption.findings.map((f) => `${f.rule} ${f.path}`);
    expect(findings).toEqual(expect.arrayContaining(["OKTA-01 okta-dev/customer-portal/App", "OKTA-04 okta-dev/payments-console/App"]));
    expect(fs.readFileSync(result.run.reportFile, "utf8")).toContain("OKTA-01 warning: No implicit grant or token response type");
  });

  test("reports error-level findings as the audit in prod instead of failing the import", async () => {
    const prod = await importFromServer(live, { environment: "prod" });
    const errors = prod.run.adoption.findings.filter((f) => f.level === "error").map((f) => `${f.rule} ${f.path}`);
    // The example's loopback URLs are errors in prod (OKTA-07): reported, and the apps still imported.
    expect(errors).toContain("OKTA-07 okta-prod/payments-console/App");
    expect(prod.run.adoption.config.apps.map((a) => a.label)).toContain("Payments Console");
    // The implicit grant is not a finding in prod but a refusal: the construct never allows it there.
    expect(prod.run.adoption.mapped.log.entries.find((e) => e.name === "Customer Portal")?.why).toContain("the constructs refuse it: ");
  });

  test("reports what the constructs fix on the first deploy: PKCE on a SPA, rotating refresh tokens, SHA-256", () => {
    expect(entry("Customer Portal")).toMatchObject({ outcome: "changed", why: "PKCE becomes required (a public client, RFC 9700 §2.1.1); refresh tokens rotate instead of STATIC (RFC 9700 §4.14.2)" });
    expect(entry("Expenses")?.why).toBe("SHA-1 signing becomes SHA-256 (SHA-1 is refused here); check the SP accepts it");
  });

  test("lists each attribute the first deploy changes, judged against what Okta answered", () => {
    const changed = result.run.adoption.changes.map((c) => `${c.address.split("_App_")[0]} ${c.attribute}: ${JSON.stringify(c.okta)} → ${JSON.stringify(c.config)}`);
    expect(changed).toEqual(
      expect.arrayContaining([
        'okta_app_oauth.customer-portal pkce_required: false → true',
        'okta_app_oauth.customer-portal refresh_token_rotation: "STATIC" → "ROTATE"',
        'okta_app_saml.expenses signature_algorithm: "RSA_SHA1" → "RSA_SHA256"',
      ]),
    );
    // Kept as they are in Okta, so no change: the implicit grant config still allows.
    expect(changed.filter((c) => c.startsWith("okta_app_oauth.customer-portal grant_types"))).toEqual([]);
  });

  test("leaves out what config must not say, each with why and the fix", () => {
    expect(entry("API Center Client")?.why).toContain("it uses wildcard redirect URIs; redirect URIs here are exact (RFC 9700 §4.1.3)");
    expect(entry("Billing")?.why).toContain("a web app that also uses client_credentials is two apps");
    expect(entry("API Center / User access / gold tier")?.why).toContain("it admits 2 groups; a tier admits one group");
    // A claim limited to some scopes is no longer left out: claims map one to one (issue 22).
    expect(entry("Payments / payment_groups")?.outcome).toBe("imported");
    expect(result.run.adoption.config.apis?.payments?.claims).toEqual([{ name: "payment_groups", kind: "groups", filter: { regex: "^payments.*" }, scopes: ["payments:read"] }]);
  });

  test("leaves out an app the constructs refuse once its tier is gone, quoting their error, and synthesizes the rest", () => {
    // The mobile app is assigned to goldSubscribers, whose tier rule was not imported (Billing is too,
    // but its client_credentials grant already kept it out).
    const refused = [...result.run.adoption.refused.values()].map((r) => r.label);
    expect(refused).toEqual(["API Center Mobile"]);
    expect(entry("API Center Mobile")?.why).toContain("the constructs refuse it: ");
    for (const r of result.run.adoption.refused.values()) expect(r.error).toContain("is admitted by no rule of the server");
    expect(result.run.adoption.config.apps.map((a) => a.label)).not.toEqual(expect.arrayContaining(refused));
  });
});

describe("import of groups", () => {
  test("leaves out a group whose name repeats an earlier one's but for case, naming it; imports the rest", () => {
    const groups = [
      { id: "00g00000000000000001", type: "OKTA_GROUP", profile: { name: "Finance" } },
      { id: "00g00000000000000002", type: "OKTA_GROUP", profile: { name: "Ops" } },
      { id: "00g00000000000000003", type: "OKTA_GROUP", profile: { name: "FINANCE" } },
    ];
    const { log, config } = mapOrg({ ...lotsOfGroups(0), groups }, { environment: "dev" });
    expect(config.groups?.map((g) => g.name)).toEqual(["Finance", "Ops"]);
    expect(log.entries.find((e) => e.id === "00g00000000000000003")).toMatchObject({
      outcome: "not imported",
      why: "its name repeats group 00g00000000000000001's (Okta group names are unique; config names groups by name). Fix: rename one in Okta, then import again",
    });
  });
});

describe("import of Okta answers with parts missing or of the wrong type", () => {
  test("leaves out an object with a field of an unexpected type, naming the field", () => {
    const org = JSON.parse(JSON.stringify(deployed(configFor("dev")).org));
    const portal = org.apps.find((a: { label: string }) => a.label === "Customer Portal");
    portal.settings.oauthClient.redirect_uris = "http://localhost:8080/login/callback";
    const { log, config } = mapOrg(org, { environment: "dev" });
    expect(log.entries.find((e) => e.id === portal.id)).toMatchObject({
      outcome: "not imported",
      why: expect.stringContaining("Okta answered an unexpected shape: /settings/oauthClient/redirect_uris must be array"),
    });
    expect(config.apps.map((a) => a.label)).not.toContain("Customer Portal");
  });

  // Okta's answers vary by org, feature flag and API version: whatever field is missing or odd,
  // the mapping must account for every object, and never fail with a JavaScript error.
  const fc = require("fast-check") as typeof import("fast-check"); // eslint-disable-line @typescript-eslint/no-require-imports
  const base = deployed(configFor("dev")).org;
  const ODD = [null, 7, "", [], {}, "x"];

  test("maps every object, whatever field is removed or replaced (fixed seed)", () => {
    const paths: string[][] = [];
    const walk = (v: unknown, at: string[]) => {
      if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) {
        paths.push([...at, k]);
        if (at.length < 6) walk(x, [...at, k]);
      }
    };
    walk(base, []);
    // What readOrg guarantees stays intact: every list is a list (client.list), every listed
    // object has a string id (checkIds), and the snapshot's own structure (server, policies…).
    const editable = paths.filter((p) => p.length > 2 && !/^\d+$/.test(p[p.length - 1]) && p[p.length - 1] !== "id" && !(p[0] === "authServers" && p.length <= 3) && !(p[0] === "authServers" && p[2] === "policies" && p.length <= 5) && p[0] !== "appGroups" && p[0] !== "grants");
    paths.splice(0, paths.length, ...editable);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(paths.length - 1), fc.nat(ODD.length)), { minLength: 1, maxLength: 6 }), (edits) => {
        const org = JSON.parse(JSON.stringify(base));
        for (const [p, o] of edits) {
          const path = paths[p];
          const parent = path.slice(0, -1).reduce((x: any, k) => (x && typeof x === "object" ? x[k] : undefined), org); // eslint-disable-line @typescript-eslint/no-explicit-any
          if (!parent || typeof parent !== "object") continue;
          if (o === ODD.length) delete parent[path[path.length - 1]];
          else parent[path[path.length - 1]] = JSON.parse(JSON.stringify(ODD[o]));
        }
        let mapped: ReturnType<typeof mapOrg> | undefined;
        try {
          mapped = mapOrg(org, { environment: "dev" });
        } catch (e) {
          // Only a clear refusal is acceptable, never a TypeError from reading a missing field.
          expect(e instanceof TypeError ? e.stack?.split("\n").slice(0, 3).join(" ") : "a clear refusal").toBe("a clear refusal");
          return;
        }
        const apps = Array.isArray(org.apps) ? org.apps.length : 0;
        expect(mapped.log.entries.filter((e) => e.kind === "app").length).toBeLessThanOrEqual(apps);
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

describe("import of an empty org (issue 20)", () => {
  test("writes an empty config that synthesizes, with Terraform's identities able to plan", async () => {
    const { run } = await importFromServer({ apps: [], appGroups: {}, groups: [], groupRules: [], authServers: [], trustedOrigins: [], grants: {} });
    expect(run.adoption.config.apps).toEqual([]);
    expect(run.adoption.creates).toEqual([]);
    const stacks = synthStacks([run.adoption.config]);
    expect(Object.keys((stacks.get("okta-dev")!.resource ?? {}) as object)).toEqual([]);
    const boot = stacks.get("okta-bootstrap-dev")!;
    expect(boot.output.terraform_api_scopes.value).toBe("okta.appGrants.read,okta.apps.read,okta.authorizationServers.read,okta.groups.read,okta.networkZones.read,okta.policies.read,okta.roles.read,okta.trustedOrigins.read,okta.userTypes.read");
  });
});

describe("the first deploy after an import takes no one's tokens away (issue 20)", () => {
  test("an app refused for a group no rule admits stays in its server's user policy, by client id", async () => {
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org));
    const billing = edited.apps.find((a: { label: string }) => a.label === "Billing");
    const finance = edited.groups.find((g: { profile: { name: string } }) => g.profile.name === "financeTeam");
    edited.appGroups[billing.id] = [...edited.appGroups[billing.id], { id: finance.id }];
    const { run } = await importFromServer(edited as OrgSnapshot);
    const entry = run.adoption.mapped.log.entries.find((e) => e.name === "Billing");
    expect(entry?.outcome).toBe("not imported");
    // Only Billing's own problem, not every app's.
    expect(entry?.why).toContain('"financeTeam" is admitted by no rule of the server');
    expect(entry?.why).not.toMatch(/API Center Mobile|Customer Portal/);
    const clientId = billing.credentials?.oauthClient?.client_id ?? billing.id;
    expect(run.adoption.config.apiCenter?.unmanagedClients).toEqual([{ clientId, grantTypes: ["authorization_code", "refresh_token"] }]);
    // The user policy's client list is what Okta has: the first deploy changes nothing there.
    expect(run.adoption.changes.filter((c) => c.attribute === "client_whitelist")).toEqual([]);
    const stack = synthStacks([run.adoption.config]).get("okta-dev")!;
    const policies = Object.values(stack.resource.okta_auth_server_policy as Record<string, { name: string; auth_server_id: string; client_whitelist: string[] }>);
    expect(policies.find((p) => p.name === "User access" && p.auth_server_id.includes("ApiCenter"))!.client_whitelist).toContain(clientId);
    // In the access model, over every object: the first deploy changes nobody's access (13 grant rows were lost before).
    const a = run.adoption.access;
    expect([a.grants, a.assignments, a.management, a.origins, a.claims].map((d) => [d.added.length, d.removed.length])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
    expect(fs.readFileSync(run.reportFile, "utf8").split("\n")[0]).toBe("**The first deploy changes no access**: every token grant, app assignment, claim, trusted origin and way to sign in stays as it is in Okta.");
  });

  test("an access change the first deploy would make is counted on the report's first line and listed", async () => {
    // In Okta the gold rule lacks openid, so gold sign-ins fail; config's tier rule allows it (a fix the report names).
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org));
    const apiCenter = edited.authServers.find((s: { server: { name: string } }) => s.server.name === "API Center");
    const gold = apiCenter.policies.find((p: { policy: { name: string } }) => p.policy.name === "User access").rules.find((r: { name: string }) => r.name === "gold tier");
    gold.conditions.scopes.include = gold.conditions.scopes.include.filter((sc: string) => sc !== "openid");
    const { run } = await importFromServer(edited as OrgSnapshot);
    const added = run.adoption.access.grants.added;
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((r) => r.request.split(" ").includes("openid") && r.via.endsWith("gold tier"))).toBe(true);
    const report = fs.readFileSync(run.reportFile, "utf8");
    expect(report.split("\n")[0]).toBe(`**The first deploy changes access: ${added.length} access rows added, ${run.adoption.access.grants.removed.length} removed** (listed below; review each before deploying).`);
    expect(report).toContain("## Access the first deploy changes");
  });
});

describe("each object of an org stands alone (issue 20)", () => {
  test("two apps with one label (Okta allows it): the first is imported with its assignments, the later one left out with why", async () => {
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org)) as OrgSnapshot & { apps: { id: string; label?: string; signOnMode?: string }[]; appGroups: Record<string, unknown> };
    const bookmark = edited.apps.find((a) => a.signOnMode === "BOOKMARK")!;
    const twin = { ...structuredClone(bookmark), id: "0oa0000000000000twin", label: bookmark.label!.toUpperCase() };
    edited.apps.push(twin);
    edited.appGroups[twin.id] = edited.appGroups[bookmark.id];
    const { run } = await importFromServer(edited);
    const entries = run.adoption.mapped.log.entries.filter((e) => e.kind === "app" && (e.id === bookmark.id || e.id === twin.id));
    expect(entries.map((e) => [e.id, e.outcome])).toEqual([[bookmark.id, "imported"], [twin.id, "not imported"]]);
    expect(entries[1].why).toContain(`its label repeats app ${bookmark.id}'s`);
    expect(run.adoption.config.apps.filter((a) => a.label.toLowerCase() === bookmark.label!.toLowerCase())).toHaveLength(1);
    expect(Object.values(run.adoption.config.imports ?? {})).toContain(bookmark.id);
  });

  test("an app assigned to, and a group rule filling, a group whose name holds ${ are imported: the name is only looked up, never written", async () => {
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org)) as OrgSnapshot & { groups: unknown[]; apps: { id: string; signOnMode?: string }[]; appGroups: Record<string, { id: string }[]>; groupRules: unknown[] };
    edited.groups.push({ id: "00g00000000000000002", type: "OKTA_GROUP", profile: { name: "a${b}", description: null } });
    const app = edited.apps.find((a) => a.signOnMode === "BOOKMARK")!;
    edited.appGroups[app.id] = [...(edited.appGroups[app.id] ?? []), { id: "00g00000000000000002" }];
    edited.groupRules.push({ id: "0pr00000000000000009", name: "Fill ab", status: "ACTIVE", type: "group_rule", conditions: { expression: { type: "urn:okta:expression:1.0", value: 'user.department == "x"' } }, actions: { assignUserToGroups: { groupIds: ["00g00000000000000002"] } } });
    const { run } = await importFromServer(edited);
    expect(run.adoption.mapped.log.entries.filter((e) => e.outcome === "not imported" && (e.id === app.id || e.id === "0pr00000000000000009"))).toEqual([]);
    const assigned = run.adoption.config.apps.find((a) => a.kind === "bookmark")!;
    expect((assigned as { assignTo: unknown }).assignTo).toContain("a${b}");
    expect(run.adoption.config.groupRules).toContainEqual(expect.objectContaining({ name: "Fill ab", group: "a${b}" }));
    const stack = synthStacks([run.adoption.config]).get("okta-dev") as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const [groupKey] = Object.entries(stack.resource.okta_group).find(([, g]) => g.name === "a$${b}")!;
    expect(Object.values(stack.resource.okta_app_group_assignment).map((a) => a.group_id)).toContain(`\${okta_group.${groupKey}.id}`);
  });

  test("hostile group names and descriptions, an over-long name and a junk rule expression never stop the import", async () => {
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org));
    const group = (name: string, description: string | null, id: string) => ({ id, type: "OKTA_GROUP", profile: { name, description } });
    edited.groups.push(
      group("support", "Line one\nLine two: ${user.login} %{x} $${y} \"quoted\" ünïcode", "00g00000000000000001"),
      group("a${b}", null, "00g00000000000000002"),
      group("x".repeat(300), null, "00g00000000000000003"),
      // cdktf's own token text: synth would write a live reference to another resource in its place.
      group("${TfToken[TOKEN.30]}", null, "00g00000000000000004"),
      // Exactly a Terraform reference: Terraform would write that attribute (a secret, say) as the name.
      group("${okta_app_oauth.x.client_secret}", null, "00g00000000000000005"),
    );
    edited.groupRules.push({ id: "0pr00000000000000001", name: "Junk", status: "ACTIVE", type: "group_rule", conditions: { expression: { type: "urn:okta:expression:1.0", value: "user.department == \"Finance" } }, actions: { assignUserToGroups: { groupIds: ["00g00000000000000001"] } } });
    const { run } = await importFromServer(edited as OrgSnapshot);
    const entry = (name: string) => run.adoption.mapped.log.entries.find((e) => e.name === name);
    // Strings Okta holds reach config unchanged, and (tested in terraform-escaping) Okta from config.
    expect(run.adoption.config.groups).toEqual(expect.arrayContaining([
      { name: "support", description: "Line one\nLine two: ${user.login} %{x} $${y} \"quoted\" ünïcode" },
      { name: "a${b}" },
    ]));
    // What Okta itself would refuse is left out, with the constructs' own reason.
    expect(entry("x".repeat(300))).toEqual(expect.objectContaining({ outcome: "not imported", why: expect.stringContaining("longer than Okta allows (255 characters)") }));
    expect(entry("x".repeat(300))?.why).not.toMatch(/\.\. /);
    expect(entry("${TfToken[TOKEN.30]}")).toEqual(expect.objectContaining({ outcome: "not imported", why: expect.stringContaining("which cdktf reads as one of its tokens") }));
    expect((run.adoption.config.groups ?? []).map((g) => g.name)).not.toContain("${TfToken[TOKEN.30]}");
    expect(entry("${okta_app_oauth.x.client_secret}")).toEqual(expect.objectContaining({ outcome: "not imported", why: expect.stringContaining("is exactly a Terraform reference") }));
    expect(entry("Junk")).toEqual(expect.objectContaining({ outcome: "not imported", why: expect.stringContaining("the constructs refuse it") }));
    const a = run.adoption.access;
    expect([a.grants, a.assignments, a.management, a.origins, a.claims].every((d) => !d.added.length && !d.removed.length)).toBe(true);
    synthStacks([run.adoption.config]);
  });
});
