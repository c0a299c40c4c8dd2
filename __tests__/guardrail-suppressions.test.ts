import { Construct } from "constructs";
import { OktaGuardrails } from "../guardrails";
import { errorOf } from "../test-support";
import { findingsOf, guardrailReport, rawApp } from "../test-support/guardrails";

const implicitApp = { type: "browser", grantTypes: ["authorization_code", "implicit"], responseTypes: ["code"], pkceRequired: true, tokenEndpointAuthMethod: "none" };
const passwordApp = { type: "native", grantTypes: ["authorization_code", "password"], pkceRequired: true, tokenEndpointAuthMethod: "client_secret_basic", omitSecret: true };
const REASON = "Legacy widget needs implicit until Q3 migration (JIRA-123)";

describe("guardrail suppressions", () => {
  test("silences a finding on the construct and reports the reason", () => {
    const report = guardrailReport("staging", (s) => OktaGuardrails.suppress(rawApp(s, "legacy", implicitApp), [{ id: "OKTA-01", reason: REASON }]));
    expect(findingsOf(report, "OKTA-01")).toEqual([expect.objectContaining({ level: "error", suppressed: { reason: REASON, at: "test/legacy" } })]);
    // The raw app names no authentication policy: OKTA-19's warning is not suppressed.
    expect(report.summary).toEqual({ errors: 0, warnings: 1, infos: 0, suppressed: 1 });
  });

  test("applies to the construct's children", () => {
    const report = guardrailReport("dev", (s) => {
      const team = new Construct(s, "team");
      rawApp(team, "legacy", implicitApp);
      OktaGuardrails.suppress(team, [{ id: "OKTA-01", reason: REASON }]);
    });
    expect(findingsOf(report, "OKTA-01")[0].suppressed?.at).toBe("test/team");
  });

  test("applies to a whole stack", () => {
    const report = guardrailReport("dev", (s) => {
      rawApp(s, "legacy", implicitApp);
      OktaGuardrails.suppress(s, [{ id: "OKTA-01", reason: REASON }]);
    });
    expect(findingsOf(report, "OKTA-01")[0].suppressed?.at).toBe("test");
  });

  test("fails when the reason is shorter than 10 characters", () => {
    const message = errorOf(() => guardrailReport("dev", (s) => OktaGuardrails.suppress(rawApp(s, "legacy", implicitApp), [{ id: "OKTA-01", reason: "legacy" }])));
    expect(message).toContain("Invalid Okta configuration at test/legacy");
    expect(message).toContain('OKTA-01: a suppression needs a reason of at least 10 characters: got "legacy"');
  });

  test("fails when the rule id is malformed", () => {
    const message = errorOf(() => guardrailReport("dev", (s) => OktaGuardrails.suppress(s, [{ id: "okta-1", reason: REASON }])));
    expect(message).toContain('rule id must look like OKTA-01: got "okta-1"');
  });

  test("reports a suppression that matches nothing as an error", () => {
    const report = guardrailReport("dev", (s) => OktaGuardrails.suppress(rawApp(s, "clean", { ...implicitApp, grantTypes: ["authorization_code"] }), [{ id: "OKTA-01", reason: REASON }]));
    expect(findingsOf(report, "OKTA-00")).toEqual([
      expect.objectContaining({ level: "error", path: "test/clean", detail: `the suppression of OKTA-01 ("${REASON}") matches no finding here` }),
    ]);
  });

  test.each(["OKTA-01", "OKTA-02"])("ignores a suppression of %s in prod, and says why", (rule) => {
    const app = rule === "OKTA-01" ? implicitApp : passwordApp;
    const report = guardrailReport("prod", (s) => OktaGuardrails.suppress(rawApp(s, "legacy", app), [{ id: rule, reason: REASON }]));
    const [finding] = findingsOf(report, rule);
    expect(finding.level).toBe("error");
    expect(finding.suppressed).toBeUndefined();
    expect(finding.suppressionIgnored).toContain(`${rule} cannot be suppressed in prod`);
    expect(findingsOf(report, "OKTA-00")).toEqual([]);
  });

  test("honours the same password-grant suppression outside prod", () => {
    const report = guardrailReport("staging", (s) => OktaGuardrails.suppress(rawApp(s, "legacy", passwordApp), [{ id: "OKTA-02", reason: REASON }]));
    expect(findingsOf(report, "OKTA-02")[0].suppressed?.reason).toBe(REASON);
  });
});
