import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { Group } from "@cdktf/provider-okta/lib/group";
import { DataOktaEveryoneGroup } from "@cdktf/provider-okta/lib/data-okta-everyone-group";
import { environmentOf } from "./environment";
import { Problems } from "./validation";

/** A group apps can be assigned to and rules can name. */
export interface IOktaGroup {
  /** The Okta group id (known at apply time). */
  readonly groupId: string;
  /** The group's name, known at synth time; unique in an Okta org. */
  readonly groupName: string;
  /** Its part of the ids of what is made for it (an app's `Assignment-<key>`). @default - slug(groupName) */
  readonly key?: string;
}

export interface OktaGroupProps {
  /** The group name in Okta, e.g. `silverSubscribers`. Must be unique in the org. */
  readonly name: string;
  /**
   * Description shown in the Admin Console.
   * @default - "Managed by okta-as-code"
   */
  readonly description?: string;
  /**
   * Its part of the ids of what is made for it (an app's `Assignment-<key>`), as of the group
   * construct's own id (the stack's `Group-<key>`).
   * @default - slug(name)
   */
  readonly key?: string;
}

/**
 * An Okta group (okta_group). In prod it carries lifecycle prevent_destroy: deleting a
 * group silently removes every membership and app assignment made through it.
 */
export class OktaGroup extends Construct implements IOktaGroup {
  readonly groupId: string;
  readonly groupName: string;
  readonly key?: string;
  readonly resource: Group;

  constructor(scope: Construct, id: string, props: OktaGroupProps) {
    super(scope, id);
    const problems = new Problems();
    if (!props.name || props.name.trim() !== props.name) {
      problems.add("group name must be non-empty without leading or trailing spaces", props.name, "give the group a plain name, e.g. silverSubscribers.");
    }
    problems.throwIfAny(this);
    this.groupName = props.name;
    this.key = props.key;
    this.resource = new Group(this, "Group", {
      name: props.name,
      description: props.description ?? "Managed by okta-as-code",
      lifecycle: environmentOf(this) === "prod" ? { preventDestroy: true } : undefined,
    });
    this.groupId = this.resource.id;
  }
}

const everyone = new WeakMap<TerraformStack, IOktaGroup>();

/**
 * Okta's built-in Everyone group, read with a data source (it cannot be created). One data
 * source per stack, however many apps are assigned to everyone.
 */
export function everyoneGroup(scope: Construct): IOktaGroup {
  const stack = TerraformStack.of(scope);
  let group = everyone.get(stack);
  if (!group) {
    const data = new DataOktaEveryoneGroup(stack, "EveryoneGroup", {});
    group = { groupId: data.id, groupName: "Everyone" };
    everyone.set(stack, group);
  }
  return group;
}
