// `npm run stand-in`: installs the okta provider stand-in into a temporary directory and prints
// the environment that makes terraform and cdktf use it, e.g. `eval "$(npm run --silent stand-in)"`,
// then `npx cdktf diff okta-dev --skip-provider-lock` plans against no org at all.
import * as path from "path";
import { installStandIn } from "./install";

const standIn = installStandIn(path.join(__dirname, "main.js"));
for (const [name, value] of Object.entries(standIn.env)) process.stdout.write(`export ${name}=${JSON.stringify(value)}\n`);
process.stderr.write(`okta provider stand-in installed in ${standIn.dir} (a stand-in for plans, not an Okta emulator).\n`);
