import { fixtureConfig, fixtureEnvironments } from "../test-support/fixture-org";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { selectEnvironments } from "../config";
import { OrgConfig } from "../config/types";
import { validateOrgConfig } from "../config/validate";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { OktaConfigError, OktaConfigErrors } from "../constructs/validation";
import { SynthError } from "../stacks/synthesize";
import { errorOf } from "../test-support";

/** A deep copy of an environment's config, edited as a user editing config/ might. */
function edited(env: string, edit: (c: Record<string, any>) => void): OrgConfig {
  const copy = structuredClone(fixtureConfig(env)) as unknown as Record<string, any>;
  edit(copy);
  return copy as unknown as OrgConfig;
}

function appIndex(config: OrgConfig, id: string): number {
  return config.apps.findIndex((a) => a.id === id);
}

function buildError(...configs: OrgConfig[]): string {
  return errorOf(() => synthesizeAll(buildOrgApp(configs, { outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-config-")) }).app));
}

describe("config validation at run time (config/org-config.schema.json)", () => {
  test("accepts the org in config/ and the test fixture org in every environment", () => {
    for (const config of fixtureEnvironments()) expect(validateOrgConfig(config, "x")).toEqual([]);
    for (const config of selectEnvironments()) expect(validateOrgConfig(config, "x")).toEqual([]);
  });

  test("refuses a missing assignTo with the path and what it is for", () => {
    const i = appIndex(fixtureConfig("dev"), "billing");
    const message = buildError(edited("dev", (c) => delete c.apps[i].assignTo));
    expect(message).toContain(`okta-dev config.apps[${i}] ("billing").assignTo is required (Who may sign in to an app`);
    expect(message).toContain('Fix: set assignTo to "everyone" or a list of strings.');
  });

  test("refuses an unknown key instead of dropping it, and suggests the right one", () => {
    const i = appIndex(fixtureConfig("dev"), "billing");
    const message = buildError(edited("dev", (c) => (c.apps[i].refreshTokenLeeway = 120)));
    expect(message).toContain(`okta-dev config.apps[${i}] ("billing").refreshTokenLeeway is not a setting here (it would be ignored): got 120. Fix: did you mean refreshTokenLeewaySeconds?`);
  });

  test("refuses OIDC scopes on a service app as an unknown key (service apps request tiers)", () => {
    const i = appIndex(fixtureConfig("dev"), "billing-sync");
    expect(buildError(edited("dev", (c) => (c.apps[i].scopes = ["openid"])))).toContain(`("billing-sync").scopes is not a setting here (it would be ignored): got ["openid"]`);
  });

  test("refuses an empty assignTo: nobody could sign in", () => {
    expect(buildError(edited("dev", (c) => (c.apps[appIndex(fixtureConfig("dev"), "billing")].assignTo = [])))).toContain(
      'assignTo is empty: nobody could sign in, and the app would look configured: got []. Fix: assign the app to "everyone" or to at least one group.',
    );
  });

  test.each([
    ["an unknown kind", (c: Record<string, any>) => (c.apps[0].kind = "sap"), 'apps[0] ("portal").kind must be one of "spa", "web", "native", "service", "saml", "oin", "swa", "bookmark": got "sap"'],
    ["a number as label", (c: Record<string, any>) => (c.apps[0].label = 42), 'apps[0] ("portal").label must be a string (The name users see on their dashboard; unique per stack): got 42'],
    ["a string as redirect URI list", (c: Record<string, any>) => (c.apps[0].redirectUris = "https://portal.example.com/cb"), 'redirectUris must be a list of strings (Sign-in redirect URIs, matched exactly (seed 000)): got "https://portal.example.com/cb". Fix: write a list of strings here, e.g. ["https://portal.example.com/cb"]'],
    ["a group name as assignTo", (c: Record<string, any>) => (c.apps[0].assignTo = "Everyone"), 'assignTo must be "everyone" or a list of strings: got "Everyone"'],
    ["a string as rule priority", (c: Record<string, any>) => (c.apps[appIndex(fixtureConfig("dev"), "billing-sync")].rulePriority = "2"), '("billing-sync").rulePriority must be a number'],
  ])("refuses %s with a config error, never a JavaScript error", (_name, edit, expected) => {
    const message = buildError(edited("dev", edit));
    expect(message).toContain("Invalid Okta configuration (1 problem):\n  - okta-dev config.apps[");
    expect(message).toContain(expected);
    expect(message).not.toMatch(/TypeError|is not a function|Cannot read properties/);
  });

  test("lists every problem of every environment in one run", () => {
    const dev = edited("dev", (c) => {
      c.apps[0].label = 42;
      c.apps[1].kind = "sap";
    });
    const prod = edited("prod", (c) => (c.apps[appIndex(fixtureConfig("prod"), "billing")].refreshTokenLeeway = 1));
    const message = buildError(dev, prod);
    expect(message).toContain("Invalid Okta configuration (3 problems)");
    expect(message.match(/^  - okta-dev config\./gm)).toHaveLength(2);
    expect(message.match(/^  - okta-prod config\./gm)).toHaveLength(1);
  });

  test("lists the construct problems of every app and every environment in one run", () => {
    const dev = edited("dev", (c) => {
      c.apps[appIndex(fixtureConfig("dev"), "billing")].redirectUris = ["https://billing.example.com/*"];
      c.apps[appIndex(fixtureConfig("dev"), "mobile")].assignTo = ["nobody"];
    });
    const prod = edited("prod", (c) => (c.apps[appIndex(fixtureConfig("prod"), "portal")].redirectUris = ["http://portal.example.com/cb"]));
    const message = buildError(dev, prod);
    expect(message).toContain("okta-dev/billing");
    expect(message).toContain("okta-dev/mobile");
    expect(message).toContain('assignTo names group "nobody", which is not declared (removed or misspelled?), and app mobile still uses it: got "nobody"');
    expect(message).toContain("okta-prod/portal");
    expect(message).toContain("uses http on a host that is not loopback");
  });

  test("refuses a declared group that repeats a tier's subscriber group (one Okta group, two resources)", () => {
    const message = buildError(edited("dev", (c) => c.groups.push({ name: "goldSubscribers" })));
    expect(message).toContain('group name is already the subscriber group of tier gold: got "goldSubscribers"');
    expect(buildError(edited("dev", (c) => c.groups.push({ name: "FinanceTeam" })))).toContain("group is declared twice (Okta group names are unique, case-insensitively)");
  });

  test("names the next free priority, not a taken one", () => {
    const message = buildError(edited("dev", (c) => (c.apps[appIndex(fixtureConfig("dev"), "billing-sync")].rulePriority = 1)));
    expect(message).toContain("service priority 1 is already used by okta-dev/ApiCenter/Service-reports-service: got 1");
    expect(message).toContain("(next free: 2)");
  });

  test("refuses an environment listed twice in OKTA_ENVIRONMENTS", () => {
    expect(errorOf(() => selectEnvironments("dev,dev"))).toBe('OKTA_ENVIRONMENTS names dev twice: got "dev,dev". Fix: list each environment once, e.g. dev,prod.');
  });

  test("removes stacks a narrower synth did not write, so no stale JSON sits beside the manifest", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-stale-"));
    synthesizeAll(buildOrgApp(fixtureEnvironments("dev,prod"), { outdir }).app);
    expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual(["okta-bootstrap-dev", "okta-bootstrap-prod", "okta-dev", "okta-prod"]);
    synthesizeAll(buildOrgApp(fixtureEnvironments("dev"), { outdir }).app);
    expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual(["okta-bootstrap-dev", "okta-dev"]);
  });
});

describe("no config crashes synth with a JavaScript error (fuzz)", () => {
  const base = fixtureConfig("dev") as unknown as Record<string, unknown>;

  /** Every path to a value inside the config. */
  function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== "object") return [prefix];
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
  }
  const allPaths = paths(base).filter((p) => p.length > 0);
  const junk = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }),
    fc.constantFrom("everyone", "spa", "service", "https://x.example.com", "${x}", "http://localhost:1/cb", "silver", "prod", "", "*"),
    // Names every JavaScript object has: a lookup in a plain object finds Object's member.
    fc.constantFrom("constructor", "toString", "__proto__"),
  );
  const extraKey = fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("constructor", "toString", "__proto__")));
  const mutation = fc.record({ path: fc.constantFrom(...allPaths), value: junk, extraKey });

  test("any mutated config either synthesizes or fails with a config error naming a fix", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const config = structuredClone(base) as Record<string, unknown>;
        for (const m of mutations) {
          let target = config as Record<string | number, unknown>;
          for (const key of m.path.slice(0, -1)) {
            const next = target[key];
            if (next === null || typeof next !== "object") return;
            target = next as Record<string | number, unknown>;
          }
          const last = m.path[m.path.length - 1];
          if (m.value === undefined) delete target[last];
          else target[last] = m.value;
          // An own key, even "__proto__" (as JSON.parse or a computed key makes one).
          if (m.extraKey && target && typeof target === "object" && !Array.isArray(target)) Object.defineProperty(target, m.extraKey, { value: 1, enumerable: true, writable: true, configurable: true });
        }
        const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-fuzz-"));
        try {
          synthesizeAll(buildOrgApp([config as unknown as OrgConfig], { outdir }).app);
        } catch (e) {
          const known = e instanceof OktaConfigErrors || e instanceof OktaConfigError || e instanceof SynthError;
          if (!known || !/Fix: /.test((e as Error).message)) throw new Error(`not a config error: ${(e as Error).stack}\nmutations: ${JSON.stringify(mutations)}`);
        } finally {
          fs.rmSync(outdir, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200), seed: Number(process.env.FUZZ_SEED ?? 20261127) },
    );
  });
});

describe("runbooks work as written", () => {
  test("the bootstrap step synthesizes every stack with OKTA_API_TOKEN set (README, Terraform's own identity, step 3)", () => {
    const saved = process.env.OKTA_API_TOKEN;
    process.env.OKTA_API_TOKEN = "00-runbook-token-placeholder";
    try {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-runbook-"));
      const { reports } = synthesizeAll(buildOrgApp(fixtureEnvironments(), { outdir }).app);
      const prod = reports.find((r) => r.stack === "okta-prod")!;
      expect(prod.summary.errors).toBe(0);
      expect(prod.findings.filter((f) => f.rule === "OKTA-18").map((f) => f.level)).toEqual(["warning"]);
      expect(fs.readFileSync(path.join(outdir, "stacks", "okta-prod", "cdk.tf.json"), "utf8")).not.toContain("00-runbook-token-placeholder");
    } finally {
      if (saved === undefined) delete process.env.OKTA_API_TOKEN;
      else process.env.OKTA_API_TOKEN = saved;
    }
  });

  test("an unknown suppression id says it is not a rule of the pack", () => {
    const message = buildError(edited("dev", (c) => (c.suppressions = [{ id: "OKTA-99", reason: "A reason long enough to pass" }])));
    expect(message).toContain("OKTA-99 is not a rule of the Okta OAuth pack");
    expect(message).toContain("Fix: use one of OKTA-01..OKTA-24");
  });
});
