import { Construct } from "constructs";
import { Annotations } from "cdktf";
import { GroupRule as GroupRuleResource } from "@cdktf/provider-okta/lib/group-rule";
import { IOktaGroup } from "./okta-group";
import { Problems, isToken } from "./validation";

export interface GroupRuleProps {
  /** The rule's name in Okta (at most 50 characters, unique in the org). */
  readonly name: string;
  /** The group the rule fills. */
  readonly group: IOktaGroup;
  /** An Okta Expression Language condition on the user, e.g. `user.department == "Finance"`. */
  readonly expression: string;
  /**
   * The group's members are also added by hand (a tier's subscriber group): a rule only adds
   * members, so hand-made ones stay and nobody sees the group as rule-managed. A warning.
   * @default false
   */
  readonly groupHasManualMembers?: boolean;
}

/**
 * The subset of Okta's expression language supported here: profile attributes
 * (`user.<attribute>`), string literals, comparisons and boolean operators, and these functions.
 */
export const EXPRESSION_FUNCTIONS = [
  "String.stringContains",
  "String.startsWith",
  "String.toLowerCase",
  "String.toUpperCase",
  "Arrays.contains",
  "Arrays.isEmpty",
  "isMemberOfGroupName",
  "isMemberOfAnyGroup",
  "isMemberOfGroup",
] as const;

/** Problems of an expression: unbalanced quotes or parentheses, unknown functions, bad `user.` references. */
export function expressionProblems(expression: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let code = "";
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
      code += " ";
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      code += " ";
      continue;
    }
    if (c === "(") depth++;
    if (c === ")" && --depth < 0) {
      problems.push("a closing parenthesis has no opening one");
      depth = 0;
    }
    code += c;
  }
  if (quote) problems.push(`a ${quote === '"' ? "double" : "single"} quote is not closed`);
  if (depth > 0) problems.push(`${depth} parenthes${depth === 1 ? "is is" : "es are"} not closed`);
  for (const m of code.matchAll(/([A-Za-z_][\w.]*)\s*\(/g)) {
    // AND ( … ), OR ( … ), NOT ( … ) are operators before a parenthesis, not calls.
    if (/^(and|or|not)$/i.test(m[1])) continue;
    if (!(EXPRESSION_FUNCTIONS as readonly string[]).includes(m[1])) problems.push(`unknown function ${m[1]}()`);
  }
  for (const m of code.matchAll(/\buser\.([^\s=!<>()&|,]*)/g)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(m[1])) problems.push(`user.${m[1]} is not a profile attribute reference`);
  }
  if (!/\buser\.|\bisMemberOf/.test(code)) problems.push("it reads nothing about the user (no user.<attribute> or isMemberOf…)");
  return problems;
}

/**
 * A group rule (okta_group_rule): Okta adds every user whose profile matches the expression to
 * the group, so membership follows HR data instead of hand edits. The provider creates the rule
 * inactive and activates it; ACTIVE is what it ends as.
 */
export class GroupRule extends Construct {
  readonly resource: GroupRuleResource;
  readonly expression: string;
  readonly group: IOktaGroup;

  constructor(scope: Construct, id: string, props: GroupRuleProps) {
    super(scope, id);
    const problems = new Problems();
    if (!props.name?.trim() || props.name.length > 50) problems.add("group rule name must be 1–50 characters (Okta's limit)", props.name, "shorten the rule's name.");
    if (!isToken(props.expression)) {
      for (const p of expressionProblems(props.expression ?? "")) {
        problems.add(`the rule's expression: ${p}`, props.expression, `write an Okta expression on the user, e.g. user.department == "Finance"; functions supported: ${EXPRESSION_FUNCTIONS.join(", ")}.`);
      }
    }
    problems.throwIfAny(this);
    this.expression = props.expression;
    this.group = props.group;
    this.resource = new GroupRuleResource(this, "Rule", {
      name: props.name,
      status: "ACTIVE",
      groupAssignments: [props.group.groupId],
      expressionType: "urn:okta:expression:1.0",
      expressionValue: props.expression,
    });
    if (props.groupHasManualMembers) {
      Annotations.of(this).addWarning(
        `${props.group.groupName} is also filled by hand (a tier's subscriber group): the rule adds members but removes none, so hand-made members stay. Fix: fill the group either by rule or by hand.`,
      );
    }
  }
}
