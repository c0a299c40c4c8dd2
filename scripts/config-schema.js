#!/usr/bin/env node
// Regenerates config/org-config.schema.json from the TypeScript types in config/types.ts
// (npm run config-schema). Synth validates every config against that JSON Schema at run time,
// so a config that the type-checker would refuse (an unknown key, a missing assignTo, a wrong
// type) is refused by every run of the app too, fast; a test fails when the committed schema
// no longer matches the types.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const OUT = path.join(root, "config", "org-config.schema.json");
// The Okta API objects npm run import reads (importer/okta-objects.ts): each answer is checked
// against them, so a field of an unexpected type is a clear "unexpected answer", never a crash.
const OKTA_OUT = path.join(root, "importer", "okta-objects.schema.json");

function generate() {
  const { createGenerator } = require("ts-json-schema-generator");
  const schema = createGenerator({
    path: path.join(root, "config", "types.ts"),
    tsconfig: path.join(root, "tsconfig.json"),
    type: "OrgConfig",
    topRef: false,
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema("OrgConfig");
  return JSON.stringify(schema, null, 1) + "\n";
}

function generateOkta() {
  const { createGenerator } = require("ts-json-schema-generator");
  const schema = createGenerator({
    path: path.join(root, "importer", "okta-objects.ts"),
    tsconfig: path.join(root, "tsconfig.json"),
    type: "*",
    topRef: false,
    // Okta answers carry many more fields than the import reads: those are allowed.
    additionalProperties: true,
    skipTypeCheck: true,
  }).createSchema("*");
  return JSON.stringify(schema, null, 1) + "\n";
}

module.exports = { generate, OUT, generateOkta, OKTA_OUT };

if (require.main === module) {
  fs.writeFileSync(OUT, generate());
  console.log(`wrote ${path.relative(root, OUT)}`);
  fs.writeFileSync(OKTA_OUT, generateOkta());
  console.log(`wrote ${path.relative(root, OKTA_OUT)}`);
}
