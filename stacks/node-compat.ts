import util = require("util");
import { useFastResolve } from "./cdktf-resolve";

/**
 * cdktf 0.21 (archived, no further releases) calls `util.isArray`, which Node deprecates
 * (DEP0044) and reports on every synth on Node 22 and later. `Array.isArray` is what it always
 * did; pointing cdktf's call at it removes the warning without hiding any other.
 */
if ((util as { isArray?: unknown }).isArray !== Array.isArray) {
  Object.defineProperty(util, "isArray", { value: Array.isArray, writable: true, configurable: true, enumerable: true });
}

/**
 * cdktf records the full stack trace of every token it creates (Lazy values, references), with
 * an unlimited depth, only to print it when a token fails to resolve: at org scale that is a
 * quarter of synth time (issue 23's profile of 10,000 apps). Our constructs report problems
 * with config paths, never with token traces, so the capture is turned off; set
 * OKTA_CDKTF_STACK_TRACES=1 to keep it while debugging cdktf itself.
 */
if (process.env.OKTA_CDKTF_STACK_TRACES !== "1") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const traces = require("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace: (below?: unknown) => string[] };
  traces.captureStackTrace = () => [];
}

// See stacks/cdktf-resolve.ts: the same JSON, without cdktf's per-value cost. Either resolve is
// installed: both prepare references across stacks inside resolvingAsPrepared.
useFastResolve(process.env.OKTA_CDKTF_FAST_RESOLVE !== "0");
