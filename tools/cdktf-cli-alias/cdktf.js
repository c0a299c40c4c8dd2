#!/usr/bin/env node
// `npx cdktf …` runs CDK Terrain's CLI (cdktn-cli, a drop-in rename of cdktf-cli that reads the
// same cdktf.json and cdktf.out and needs no native pseudo-terminal module), the version the
// project pins. README, "cdktf status".
"use strict";
const path = require("path");
const pkg = require.resolve("cdktn-cli/package.json", { paths: [process.cwd(), path.resolve(__dirname, "..", "..")] });
require(path.join(path.dirname(pkg), "bundle", "bin", "cdktn.js"));
