import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, DefaultTokenResolver, Fn, Lazy, listMapper, StringConcat, TerraformIterator, TerraformOutput, TerraformStack, Token, Tokenization } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { Group } from "@cdktf/provider-okta/lib/group";
import { selectEnvironments } from "../config";
import { OrgConfig } from "../config/types";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll, useFastWrite } from "../stacks/synthesize";
import { cdktfPreparedResolve, fastResolve, useFastResolve } from "../stacks/cdktf-resolve";
import { scaleOrg } from "../bench/scale-org";
import { filesUnder } from "../test-support";

// stacks/cdktf-resolve.ts replaces cdktf's resolve for values without tokens, and
// stacks/checked-synthesizer.ts cdktf's writer for checked stacks: every file synth writes
// (JSON, manifest, reports) must be the same byte for byte, and whatever cdktf refuses must
// still be refused the same way.

/** Every file synth writes, by path relative to the output directory. */
function synthFiles(configs: readonly OrgConfig[], fast: boolean): Map<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-resolve-"));
  useFastResolve(fast);
  useFastWrite(fast);
  try {
    synthesizeAll(buildOrgApp(configs, { outdir }).app);
  } finally {
    useFastResolve(true);
    useFastWrite(true);
  }
  const files = filesUnder(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  return files;
}

/** What each resolve makes of a value: its JSON, or the message it refuses it with. */
function outcomesOf(build: (stack: TerraformStack) => unknown): { fast: string; cdktf: string } {
  const stack = new TerraformStack(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-resolve-")) }), "s");
  const value = build(stack);
  const run = (fast: boolean) => {
    useFastResolve(fast);
    try {
      return `value ${JSON.stringify(Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) }))}`;
    } catch (e) {
      return `error ${(e as Error).message}`;
    } finally {
      useFastResolve(true);
    }
  };
  return { fast: run(true), cdktf: run(false) };
}


/** The example dev org with app labels Okta allows and Terraform would read as templates or numbers. */
function hostileLabels(): OrgConfig {
  const labels = ["${x}", "$${y}", "%{ if a }b%{ endif }", "1e5", "-1.8881545897087626e+289", "Zoë — café ✓", "String Map Token Value"];
  const config = structuredClone(selectEnvironments("dev")[0]) as OrgConfig;
  return { ...config, apps: config.apps.map((a, i) => ({ ...a, label: `${labels[i % labels.length]} ${i}` })) as OrgConfig["apps"] };
}

describe("cdktf resolve without its per-value cost", () => {
  test("is what synth uses unless OKTA_CDKTF_FAST_RESOLVE=0", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require("cdktf/lib/tokens/private/resolve") as { resolve: unknown };
    expect(mod.resolve).toBe(fastResolve);
    useFastResolve(false);
    expect(mod.resolve).toBe(cdktfPreparedResolve);
    useFastResolve(true);
  });

  test("every stack of the example org is written byte for byte as cdktf writes it", () => {
    // One call site for both: annotations carry the stack trace of the synth call.
    const [fast, cdktf] = [true, false].map((on) => synthFiles(selectEnvironments(), on));
    expect([...fast.keys()].sort()).toEqual([...cdktf.keys()].sort());
    expect(fast.size).toBeGreaterThan(6);
    for (const [file, text] of cdktf) expect({ file, text: fast.get(file) }).toEqual({ file, text });
  });

  test("every stack of the example org resolves to cdktf's JSON, key order included", () => {
    const stacksJson = (fast: boolean): string[] => {
      useFastResolve(fast);
      try {
        const { app } = buildOrgApp(selectEnvironments(), { outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-resolve-")) });
        return app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c)).map((s) => JSON.stringify(s.toTerraform()));
      } finally {
        useFastResolve(true);
      }
    };
    const [fast, cdktf] = [stacksJson(true), stacksJson(false)];
    expect(fast).toHaveLength(6);
    fast.forEach((json, i) => expect({ i, json }).toEqual({ i, json: cdktf[i] }));
  });

  test("an org at scale with policies, and one of hostile strings, are written as cdktf writes them", () => {
    for (const configs of [[scaleOrg("prod", 4, 3, 40, true)], [hostileLabels()]]) {
      const [fast, cdktf] = [true, false].map((on) => synthFiles(configs, on));
      for (const [file, text] of cdktf) expect({ file, text: fast.get(file) }).toEqual({ file, text });
    }
  });

  test("an adopted org, an import block per resource, is written as cdktf writes it", () => {
    // Each block is one element's list merged into the stack's `import` list (stacks/cdktf-stack-json.ts).
    const config = scaleOrg("prod", 4, 3, 40, true);
    const stack = JSON.parse([...synthFiles([config], true)].find(([file]) => file === "stacks/okta-prod/cdk.tf.json")![1]) as { resource: Record<string, Record<string, unknown>> };
    const addresses = Object.entries(stack.resource).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
    const adopted: OrgConfig = { ...config, imports: Object.fromEntries(addresses.map((a, i) => [a, `00o${String(i).padStart(17, "0")}`])) };
    const [fast, cdktf] = [true, false].map((on) => synthFiles([adopted], on));
    const written = JSON.parse(fast.get("stacks/okta-prod/cdk.tf.json")!) as { import: { to: string; id: string }[] };
    expect(written.import.map((block) => block.to).sort()).toEqual([...addresses].sort());
    for (const [file, text] of cdktf) expect({ file, text: fast.get(file) }).toEqual({ file, text });
  });

  test("tokens of every kind, number-like strings, holes and undefined resolve as cdktf resolves them", () => {
    const { fast, cdktf } = outcomesOf((stack) => {
      const group = new Group(stack, "g", { name: "1e5 people" });
      return {
        reference: group.id,
        inText: `id=${group.id}; name=${group.name}`,
        lazy: Lazy.stringValue({ produce: () => "made late" }),
        lazyNumber: Lazy.numberValue({ produce: () => 7 }),
        number: Token.asNumber(group.id),
        list: Token.asList(group.id),
        map: Token.asStringMap(group.id),
        fn: Fn.join(",", ["a", group.id]),
        numberLike: ["1e5", "-1.8e+289", "use.e.g.", "String Map Token Value".toLowerCase(), "${var.x}", "$${literal}", "%{ if x }"],
        nested: { a: [undefined, 1, , null, { b: undefined, c: true, d: 0.5 }], [`k${"ey"}`]: "v" },
        when: new Date(0),
      };
    });
    expect(fast).toBe(cdktf);
    expect(fast).toMatch(/^value .*\$\{okta_group\.g\.id\}/);
  });

  test("refuses what cdktf refuses, with cdktf's own message", () => {
    const cases: ((stack: TerraformStack) => unknown)[] = [
      () => ({ f: () => 1 }),
      (stack) => ({ construct: stack }),
      () => ({ map: Token.STRING_MAP_TOKEN_VALUE }),
      () => {
        const deep: Record<string, unknown> = {};
        let at = deep;
        for (let i = 0; i < 250; i++) at = (at.next = {}) as Record<string, unknown>;
        return deep;
      },
    ];
    for (const build of cases) {
      const { fast, cdktf } = outcomesOf(build);
      expect(fast).toMatch(/^error /);
      expect(fast).toBe(cdktf);
    }
  });

  test("an output whose value is a token is written as cdktf writes it", () => {
    const { fast, cdktf } = outcomesOf((stack) => {
      const group = new Group(stack, "g", { name: "x" });
      new TerraformOutput(stack, "o", { value: group.id, description: "${not a token}" });
      return stack.toTerraform();
    });
    expect(fast).toBe(cdktf);
    expect(fast).toContain('"value":"${okta_group.g.id}"');
  });

  test("a stack with overrides of every kind, a dynamic block and nested blocks becomes the JSON cdktf makes of it, key order and undefined included", () => {
    const stackJson = (fast: boolean): string => {
      useFastResolve(fast);
      try {
        const stack = new TerraformStack(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-resolve-")) }), "s");
        const group = new Group(stack, "g", { name: "x", description: "d" });
        const other = new Group(stack, "h", { name: "y" });
        new TerraformOutput(stack, "o", { value: group.id });
        const keys = TerraformIterator.fromList(["k1", "k2"]);
        new AppOauth(stack, "a", {
          label: "x",
          type: "web",
          grantTypes: ["authorization_code"],
          redirectUris: ["https://x.example.com/cb"],
          groupsClaim: { type: "FILTER", name: "groups", filterType: "STARTS_WITH", value: group.name },
          jwks: keys.dynamic({ kid: keys.value, kty: "RSA", e: "AQAB", n: "abc" }),
        });
        // An override of an attribute the binding lists as undefined keeps the binding's key order.
        new AppOauth(stack, "b", { label: "y", type: "service", grantTypes: ["client_credentials"] }).addOverride("login_uri", "https://y.example.com/login");
        stack.addOverride("terraform.required_providers.okta.version", ">= 6.12.0");
        stack.addOverride("locals.ref", group.id);
        stack.addOverride("locals.late", Lazy.stringValue({ produce: () => `${other.name}!` }));
        stack.addOverride("resource.okta_group.g.description", other.id);
        stack.addOverride("resource.okta_group.h.name", undefined);
        stack.addOverride("moved", [{ from: "okta_group.a", to: "okta_group.g" }]);
        // undefined made visible: a key cdktf drops must be dropped, not left holding undefined.
        return JSON.stringify(stack.toTerraform(), (_key, value: unknown) => (value === undefined ? "<undefined>" : value));
      } finally {
        useFastResolve(true);
      }
    };
    const [fast, cdktf] = [stackJson(true), stackJson(false)];
    expect(fast).toBe(cdktf);
    expect(fast).toContain('"locals":{"ref":"${okta_group.g.id}","late":"${okta_group.h.name}!"}');
    expect(fast).toContain('"description":"${okta_group.h.id}"');
    expect(fast).toContain('"dynamic":{"jwks":{"for_each":');
    expect(fast).toContain('"groups_claim":{"filter_type":"STARTS_WITH","name":"groups","type":"FILTER","value":"${okta_group.g.name}"}');
    expect(fast).not.toContain("<undefined>");
    expect(fast).not.toContain("TfToken");
  });

  test("attributes with several dynamic blocks, nested ones and objects that are not plain are processed as cdktf processes them", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const util = require("cdktf/lib/util") as { processDynamicAttributes: (a: object) => unknown };
    const processed = (fast: boolean): string => {
      useFastResolve(fast);
      try {
        const keys = TerraformIterator.fromList(["k1", "k2"]);
        // What a binding's block mapper makes of iterator.dynamic(): a dynamic block.
        const block = (content: Record<string, unknown>) => listMapper((x: unknown) => x, true)(keys.dynamic(content));
        class Block {
          constructor(readonly inner = { x: block({ y: 1 }) }) {}
        }
        const attributes = {
          // A falsy attribute of that name is replaced by the dynamic blocks after it.
          dynamic: false,
          first: block({ kid: keys.value }),
          plain: { second: block({ n: 1 }), deeper: { third: block({ m: keys.key }), keep: [1, { a: 2 }] } },
          instance: new Block(),
          empty: {},
          nothing: null,
          last: block({ z: "z" }),
        };
        return JSON.stringify(util.processDynamicAttributes(attributes), (_key, value: unknown) => (value instanceof Block ? "<Block instance kept>" : value === undefined ? "<undefined>" : value));
      } finally {
        useFastResolve(true);
      }
    };
    const [fast, cdktf] = [processed(true), processed(false)];
    expect(fast).toBe(cdktf);
    expect(fast).toMatch(/^\{"dynamic":\{"first":"[^"]+","last":/);
    expect(fast).toContain('"plain":{"dynamic":{"second":"<unresolved-lazy>"},"deeper":{"dynamic":{"third":"<unresolved-lazy>"},"keep":[1,{"a":2}]}}');
    expect(fast).toContain('"instance":"<Block instance kept>"');
  });

  test("random values mixing tokens of every kind with plain and token-like text resolve as cdktf resolves them (300 seeded cases)", () => {
    let seed = 20261202;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    for (let n = 0; n < 300; n++) {
      const { fast, cdktf } = outcomesOf((stack) => {
        const group = new Group(stack, "g", { name: "x" });
        const leaves: (() => unknown)[] = [
          () => pick(["", "plain", "1e5", "-1.8e+289", "${x}", "$${y}", "%{ z }", "a}b{c", "String Map Token Value", "Any Map Token Value", "TfToken[", "Zoë ✓"]),
          () => pick([0, 1.5, -3, 1e21, Number.MAX_SAFE_INTEGER, -123456789]),
          () => pick([true, false, null, undefined]),
          () => group.id,
          () => `pre ${group.name} post`,
          () => Token.asNumber(group.id),
          () => Token.asList(group.id),
          () => Fn.join("-", ["a", group.id]),
          () => {
            const late = pick(["late", "${late}"]);
            return Lazy.stringValue({ produce: () => late });
          },
          () => Lazy.anyValue({ produce: () => ({ made: "late", n: 1 }) }),
        ];
        const value = (depth: number): unknown => {
          const r = rand();
          if (depth > 3 || r < 0.45) return pick(leaves)();
          if (r < 0.7) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
          return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, (_, i) => [pick(["a", "b_c", "1e5", `k${i}`, "x-y"]) + i, value(depth + 1)]));
        };
        return value(0);
      });
      expect({ n, outcome: fast }).toEqual({ n, outcome: cdktf });
    }
  });
});
