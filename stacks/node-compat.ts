import util = require("util");

/**
 * cdktf 0.21 (archived, no further releases) calls `util.isArray`, which Node deprecates
 * (DEP0044) and reports on every synth on Node 22 and later. `Array.isArray` is what it always
 * did; pointing cdktf's call at it removes the warning without hiding any other.
 */
if ((util as { isArray?: unknown }).isArray !== Array.isArray) {
  Object.defineProperty(util, "isArray", { value: Array.isArray, writable: true, configurable: true, enumerable: true });
}
