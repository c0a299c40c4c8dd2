import * as path from "path";
import { stableJson } from "../stacks/stable-json";

// stacks/stable-json.ts writes each stack in place of json-stable-stringify ({ space: 2 }), the
// library cdktf 0.21.0 writes with: the same bytes, or Terraform would see a different file
// (and every review would show a diff that is not there).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cdktfStringify = require(require.resolve("json-stable-stringify", { paths: [path.dirname(require.resolve("cdktf"))] })) as (value: unknown, options: { space: number }) => string | undefined;

describe("stableJson", () => {
  test("writes what cdktf's json-stable-stringify writes for edge cases of JSON", () => {
    const cases: unknown[] = [
      {},
      [],
      { a: {}, b: [], c: [[]], d: [{}] },
      { "10": 1, "9": 2, b: 3, a: 4, B: 5, "": 6, "é": 7, "Z": 8, "a b": 9 },
      { undef: undefined, fn: () => 1, sym: Symbol("s"), kept: null },
      [undefined, () => 1, Symbol("s"), null, 0, -0, 1e21, 1.5e-7, NaN, Infinity, true, false],
      { text: 'quote " backslash \\ newline \n tab \t nul \u0000 line sep \u2028 emoji 😀 lone \ud800', "${x}": "%{ if }" },
      { when: new Date(0), nested: { toJSON: () => ({ z: 1, a: [2] }) } },
      "top-level string",
      42,
      null,
    ];
    for (const value of cases) expect(stableJson(value)).toBe(cdktfStringify(value, { space: 2 }));
  });

  test("writes what cdktf's json-stable-stringify writes for 500 seeded random values", () => {
    let seed = 424242;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const keys = ["a", "b", "id", "10", "2", "_", "Name", "name", "k e y", "ü", "${x}", ""];
    const leaf = () => pick<unknown>(["", "text", "1e5", "${var.x}", 0, -1, 3.25, true, false, null, undefined]);
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 4 || r < 0.4) return leaf();
      if (r < 0.7) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 5) }, () => [pick(keys), value(depth + 1)]));
    };
    let objects = 0;
    for (let i = 0; i < 500; i++) {
      const v = value(0);
      if (v !== null && typeof v === "object") objects++;
      expect({ i, text: stableJson(v) }).toEqual({ i, text: cdktfStringify(v, { space: 2 }) });
    }
    expect(objects).toBeGreaterThan(200);
  });

  test("refuses a cycle as JSON.stringify does", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(() => stableJson(cyclic)).toThrow(new TypeError("Converting circular structure to JSON"));
    expect(() => cdktfStringify(cyclic, { space: 2 })).toThrow("Converting circular structure to JSON");
  });
});
