// Every temporary file of a test run goes under one directory, removed when the run ends:
// jest's workers are started after globalSetup and inherit its TMPDIR, so os.tmpdir() in
// tests, in the review and access commands they call, and in Terraform's stand-in all land here.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const setup = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-jest-"));
  process.env.OKTA_JEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};

const teardown = async () => {
  const dir = process.env.OKTA_JEST_TMPDIR;
  if (dir && path.basename(dir).startsWith("okta-jest-")) fs.rmSync(dir, { recursive: true, force: true });
};

module.exports = setup;
module.exports.teardown = teardown;
