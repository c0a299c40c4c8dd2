import { Construct } from "constructs";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { AppOauth, AppOauthConfig } from "@cdktf/provider-okta/lib/app-oauth";
import { AuthServerPolicyRule, AuthServerPolicyRuleConfig } from "@cdktf/provider-okta/lib/auth-server-policy-rule";
import { EnvironmentName } from "../constructs/environment";
import { Finding, OktaGuardrails } from "../guardrails";
import { GuardrailReport } from "../guardrails/report";
import { testStack } from "./index";

/** Builds a fresh stack for one environment, applies the guardrails and returns the report. */
export function guardrailReport(
  environment: EnvironmentName,
  build: (stack: TerraformStack) => void,
  env: Record<string, string | undefined> = {},
): GuardrailReport {
  const stack = testStack(environment);
  build(stack);
  Aspects.of(stack).add(new OktaGuardrails({ environment, env }));
  Testing.synth(stack);
  const report = OktaGuardrails.reportOf(stack);
  if (!report) throw new Error("guardrails did not run");
  return report;
}

/** The findings of one rule. */
export function findingsOf(report: GuardrailReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

/** A raw okta_app_oauth, declared without our constructs. */
export function rawApp(stack: Construct, id: string, config: Partial<AppOauthConfig>): AppOauth {
  return new AppOauth(stack, id, { label: id, type: "web", ...config });
}

/** A raw okta_auth_server_policy_rule, declared without our constructs. */
export function rawRule(stack: TerraformStack, id: string, config: Partial<AuthServerPolicyRuleConfig>): AuthServerPolicyRule {
  return new AuthServerPolicyRule(stack, id, {
    authServerId: "aus1",
    policyId: "pol1",
    name: id,
    priority: 1,
    grantTypeWhitelist: ["authorization_code"],
    ...config,
  });
}
