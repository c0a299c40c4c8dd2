import { slug } from "../constructs/app-assignments";

/**
 * Explicit ids for imported names that would share a construct id. Okta tells apart names that
 * differ only in characters a construct id drops ("Eng Team", "Eng-Team", "Eng.Team"); config
 * names such an entry's construct by `id` (config/types.ts). A name that is its own slug keeps
 * it, then the others in code-unit order: the first keeps its slug, each later one gets
 * `<slug>-2`, `-3`… (the first not taken). `reserved`: keys already taken (tier groups').
 * Returns the id to write per name; a name that keeps its slug has none.
 */
export function explicitIds(names: Iterable<string>, reserved: Iterable<string> = []): Map<string, string> {
  const taken = new Set(reserved);
  const ids = new Map<string, string>();
  const unique = [...new Set(names)];
  const own = new Set(unique.filter((n) => slug(n) === n && !taken.has(n)));
  own.forEach((n) => taken.add(n));
  for (const name of unique.filter((n) => !own.has(n)).sort()) {
    const base = slug(name);
    if (!taken.has(base)) {
      taken.add(base);
      continue;
    }
    // An explicit id is at most 100 characters (CONSTRUCT_KEY); a name may have 255.
    const stem = base.slice(0, 90);
    let n = 2;
    while (taken.has(`${stem}-${n}`)) n++;
    ids.set(name, `${stem}-${n}`);
    taken.add(`${stem}-${n}`);
  }
  return ids;
}

/** `entries` with an `id` on each whose name would share a construct id (explicitIds); the others as they are. */
export function withExplicitIds<T extends { readonly name: string }>(entries: readonly T[], reserved?: Iterable<string>): (T & { readonly id?: string })[] {
  const ids = explicitIds(entries.map((e) => e.name), reserved);
  return entries.map((e) => (ids.has(e.name) ? { ...e, id: ids.get(e.name)! } : e));
}
