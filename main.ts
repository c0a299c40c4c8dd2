import * as path from "path";
import { selectEnvironments } from "./config";
import { buildOrgApp } from "./stacks/org-app";
import { synthesizeAll } from "./stacks/synthesize";

// Every environment by default; OKTA_ENVIRONMENTS=dev,prod narrows it.
try {
  const { app, stacks } = buildOrgApp(selectEnvironments(process.env.OKTA_ENVIRONMENTS));
  for (const file of synthesizeAll(app, stacks)) {
    console.log(`synthesized ${path.relative(process.cwd(), file)}`);
  }
} catch (error) {
  // Configuration errors are for people: the message names path, value and fix; a stack
  // trace would only bury it.
  console.error((error as Error).message);
  process.exitCode = 1;
}
