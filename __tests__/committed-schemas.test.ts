import * as fs from "fs";

// Both JSON Schemas npm run config-schema writes, checked in one file: generating them loads
// the TypeScript compiler (seconds), once here rather than once per suite.
const schemas = require("../scripts/config-schema.js") as { generate: () => string; OUT: string; generateOkta: () => string; OKTA_OUT: string }; // eslint-disable-line @typescript-eslint/no-require-imports

describe("the committed JSON Schemas (npm run config-schema)", () => {
  test("config/org-config.schema.json, which synth validates every config against, is in step with config/types.ts", () => {
    expect(fs.readFileSync(schemas.OUT, "utf8")).toBe(schemas.generate());
  });

  test("importer/okta-objects.schema.json, which the import checks each Okta answer against, is in step with importer/okta-objects.ts", () => {
    expect(fs.readFileSync(schemas.OKTA_OUT, "utf8")).toBe(schemas.generateOkta());
  });
});
