/**
 * Terraform's identifier rule (hclsyntax.ValidIdentifier), which it applies to the names of
 * resources, data sources, outputs, variables and locals: a name that breaks it fails every
 * command at configuration load ("A name must start with a letter or underscore").
 */
export const TERRAFORM_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Names in a stack's JSON that Terraform refuses, with the block each is in. */
export function unsafeNames(json: Record<string, unknown>): { block: string; name: string }[] {
  const out: { block: string; name: string }[] = [];
  const keysOf = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.keys(v) : []);
  for (const block of ["resource", "data"] as const) {
    for (const type of keysOf(json[block])) for (const name of keysOf((json[block] as Record<string, unknown>)[type])) if (!TERRAFORM_NAME.test(name)) out.push({ block: `${block === "data" ? "data source" : "resource"} ${type}`, name });
  }
  for (const block of ["output", "variable", "locals"] as const) for (const name of keysOf(json[block])) if (!TERRAFORM_NAME.test(name)) out.push({ block: block === "locals" ? "local" : block, name });
  return out;
}
