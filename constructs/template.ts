/**
 * Terraform reads `${…}` and `%{…}` in any string as an interpolation or template directive;
 * Okta's templates use the same syntax (`${user.email}`), so they are escaped as `$${…}` and
 * `%%{…}` to reach Okta literally.
 */
export function escapeTemplate(template: string): string {
  return template.replace(/\$\{/g, "$$${").replace(/%\{/g, "%%{");
}

