import * as v8 from "v8";

/**
 * After each full garbage collection V8 lets the heap grow by a factor it picks for speed.
 * Synth allocates fast and keeps little: once an environment is written only its result is
 * kept (stacks/cdktf-token-map.ts), and at 10,000 apps one environment's constructs and stack
 * JSON are 0.2-0.45 GB live, yet V8's own growth takes the process to 0.96-1.02 GB after
 * synth. Growing by 40 % at a time keeps it at 0.59-0.72 GB and costs 3-8 % of the time
 * (10,000 apps × 3, interleaved: 7.3-7.8 s against 7.0-7.6 s with V8's growth). 20 %, the step
 * while the token map kept every environment alive, measured 8.1-8.4 s at the same memory
 * (docs/performance.md, eighth session). It sets no limit, unlike --max-old-space-size: a
 * larger org only collects more often and never runs out of memory because of it. Called by
 * entry points (synth, the synth bench), never by library code that tests or other tools import.
 */
export function dampHeapGrowth(percent = 40): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
