import { IConstruct } from "constructs";
import { TerraformStack } from "cdktf";
import { Problems } from "./validation";

const labelsByStack = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Records an app label for its stack and reports a clash. Okta allows two apps with one
 * label, but then nobody can tell them apart in the console, the dashboard or audit logs,
 * so a stack (one org) may use each label once. Case-insensitive, as people read them.
 */
export function claimLabel(problems: Problems, scope: IConstruct, path: string, label: string): void {
  if (!label || !label.trim()) {
    problems.add("label must not be empty", label, "give the app the name users see on their dashboard.");
    return;
  }
  const stack = TerraformStack.of(scope);
  let labels = labelsByStack.get(stack);
  if (!labels) {
    labels = new Map();
    labelsByStack.set(stack, labels);
  }
  const key = label.trim().toLowerCase();
  const owner = labels.get(key);
  if (owner !== undefined) {
    problems.add(`label is already used by ${owner} in this stack`, label, "give each app in an org a distinct label.");
    return;
  }
  labels.set(key, path);
}
