/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * cdktf registers every token (each attribute read such as `group.id`, each Lazy value) in one
 * global map (`cdktf/lib/tokens/private/token-map.js`) that nothing ever empties. A token holds
 * what it resolves from, usually its construct, so after synthesizeOrg wrote an environment
 * that map still held its whole construct tree: the live heap grew by about 100-150 MB per
 * environment at 10,000 apps (V8's --trace-gc), although synthesizeOrg builds one environment
 * at a time precisely so that only one is alive (docs/performance.md).
 *
 * synthesizeOrg forgets the tokens an environment registered once its stacks are written. No
 * token outlives its environment: config is plain data, no module of this project or cdktf's
 * holds a token, and each environment is its own App. Tokens registered before (another App in
 * the same process, such as a test's) are kept. The key counter is kept too, so a forgotten
 * token resolved again would fail loudly with cdktf's own "Unrecognized Token Key", never
 * resolve to another environment's value. cdktf 0.21.0 is archived and pinned
 * exactly; `__tests__/synthesize-org.test.ts` checks this against it.
 */

interface TokenMapInternals {
  readonly stringTokenMap?: unknown;
  readonly numberTokenMap?: unknown;
  readonly tokenCounter?: unknown;
}

const { TokenMap } = require("cdktf/lib/tokens/private/token-map") as { TokenMap: { instance(): TokenMapInternals } };

/** Where cdktf's token counter stands: the tokens registered from now on are forgetTokensSince(mark)'s. */
export function tokenMark(): number {
  const counter = TokenMap.instance().tokenCounter;
  return typeof counter === "number" ? counter : Number.POSITIVE_INFINITY;
}

/**
 * Removes from cdktf's global token map every token registered since mark (their keys end in
 * their counter: `TOKEN.12`, or the counter itself for numbers), and says how many it removed;
 * none when the map is not cdktf 0.21's.
 */
export function forgetTokensSince(mark: number): number {
  const map = TokenMap.instance();
  let forgotten = 0;
  for (const registered of [map.stringTokenMap, map.numberTokenMap]) {
    if (!(registered instanceof Map)) continue;
    for (const key of registered.keys()) {
      const counter = typeof key === "number" ? key : Number(String(key).slice(String(key).lastIndexOf(".") + 1));
      if (counter >= mark) {
        registered.delete(key);
        forgotten++;
      }
    }
  }
  return forgotten;
}
