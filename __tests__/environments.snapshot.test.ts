import { Testing } from "cdktf";
import { configFor } from "../config";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { OktaBootstrapStack } from "../stacks/okta-bootstrap-stack";

const ENVIRONMENTS = ["dev", "staging", "prod"];

describe("environment snapshots", () => {
  // Snapshots pin the whole synthesized JSON so any change shows up in review; the
  // behaviour itself is asserted in the construct and stack suites.
  test.each(ENVIRONMENTS)("okta-%s synthesizes to the pinned Terraform JSON", (env) => {
    const stack = new OktaOrgStack(Testing.app(), configFor(env));
    expect(JSON.parse(Testing.synth(stack))).toMatchSnapshot();
  });

  test.each(ENVIRONMENTS)("okta-bootstrap-%s synthesizes to the pinned Terraform JSON", (env) => {
    const app = Testing.app();
    const stack = new OktaBootstrapStack(app, configFor(env), new OktaOrgStack(app, configFor(env)));
    expect(JSON.parse(Testing.synth(stack))).toMatchSnapshot();
  });

  test.each(ENVIRONMENTS)("okta-%s and its bootstrap stack carry no credential even when the OKTA_* variables are set", (env) => {
    const secrets = {
      OKTA_API_TOKEN: "00SSWS-fake-token-for-test-0123456789",
      OKTA_API_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----fake",
      OKTA_API_CLIENT_ID: "0oa-fake-client-id",
      OKTA_ORG_NAME: "fake-org-name",
    };
    const saved = { ...process.env };
    Object.assign(process.env, secrets);
    try {
      const app = Testing.app();
      const main = new OktaOrgStack(app, configFor(env));
      const text = Testing.synth(main) + Testing.synth(new OktaBootstrapStack(app, configFor(env), main));
      for (const value of Object.values(secrets)) expect(text).not.toContain(value);
      expect(text).not.toMatch(/"(api_token|private_key|client_secret|access_token)"\s*:/);
      expect(text).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
    } finally {
      process.env = saved;
    }
  });
});
