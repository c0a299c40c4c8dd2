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

/**
 * The program a schema is read from: the project's compiler options, without the global type
 * packages tsconfig.json lists (node, jest). Neither config nor Okta's answers use a global of
 * theirs, and reading @types/node was about half of the time (2.7 s → 1.5 s for both schemas);
 * the output is the same byte for byte, which the committed-schemas test checks.
 */
function programOf(file) {
  const ts = require("typescript");
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
  const options = { ...parsed.options, types: [], noEmit: true };
  delete options.outDir;
  return ts.createProgram([path.join(root, file)], options);
}

/** The JSON Schema of a TypeScript type (or of every exported type, "*"), as committed. */
function schemaOf(file, type, additionalProperties) {
  const { createGenerator } = require("ts-json-schema-generator");
  const generator = createGenerator({ path: path.join(root, file), tsProgram: programOf(file), type, topRef: false, additionalProperties, skipTypeCheck: true });
  return JSON.stringify(generator.createSchema(type), null, 1) + "\n";
}

const generate = () => schemaOf("config/types.ts", "OrgConfig", false);
// Okta answers carry many more fields than the import reads: those are allowed.
const generateOkta = () => schemaOf("importer/okta-objects.ts", "*", true);

module.exports = { generate, OUT, generateOkta, OKTA_OUT };

if (require.main === module) {
  fs.writeFileSync(OUT, generate());
  console.log(`wrote ${path.relative(root, OUT)}`);
  fs.writeFileSync(OKTA_OUT, generateOkta());
  console.log(`wrote ${path.relative(root, OKTA_OUT)}`);
}
