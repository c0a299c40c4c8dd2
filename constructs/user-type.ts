import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { DataOktaUserType } from "@cdktf/provider-okta/lib/data-okta-user-type";
import { OktaConfigError, Problem } from "./validation";

/** What a rule needs of a user type. */
export interface IUserType {
  readonly userTypeId: string;
  readonly userTypeName: string;
}

/** The name of the user type Okta gives every org and every user not given another (`default: true`). */
export const DEFAULT_USER_TYPE = "user";

/**
 * Okta's rule for a user type's `name` (Users › User types API): a letter first, then letters,
 * digits or underscores. It is read-only once the type exists.
 */
const USER_TYPE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Why `name` cannot be a user type's name, or undefined. */
export function userTypeNameProblem(where: string, name: unknown): Problem | undefined {
  if (typeof name === "string" && USER_TYPE_NAME.test(name)) return undefined;
  return {
    what: `${where} is not a user type name Okta allows (a letter, then letters, digits or _)`,
    value: name,
    fix: `write the type's name as Okta shows it under Directory › Profile editor, e.g. "${DEFAULT_USER_TYPE}" or "contractor" (the name, not the display name).`,
  };
}

const lookups = new WeakMap<TerraformStack, Map<string, IUserType>>();

/**
 * An Okta user type, by its `name` (`user`, `contractor`): read with the okta_user_type data
 * source (GET /api/v1/meta/types/user), one per stack and name. User types are the org's
 * profile schema, which this project does not manage: the type must exist in each environment's
 * org, and a plan fails with the provider's "not found" error where it does not.
 */
export function userTypeNamed(scope: Construct, name: string): IUserType {
  const problem = userTypeNameProblem("user type", name);
  if (problem) throw new OktaConfigError(scope.node.path, [problem]);
  const stack = TerraformStack.of(scope);
  let byName = lookups.get(stack);
  if (!byName) lookups.set(stack, (byName = new Map()));
  let type = byName.get(name);
  if (!type) {
    // By name: the construct id is the contract, and a name never changes once the type exists.
    const data = new DataOktaUserType(stack, `UserType-${name}`, { name });
    type = { userTypeId: data.id, userTypeName: name };
    byName.set(name, type);
  }
  return type;
}
