import { selectEnvironments } from "./config";
import { buildOrgApp } from "./stacks/org-app";

// Every environment by default; OKTA_ENVIRONMENTS=dev,prod narrows it.
const { app } = buildOrgApp(selectEnvironments(process.env.OKTA_ENVIRONMENTS));
app.synth();
