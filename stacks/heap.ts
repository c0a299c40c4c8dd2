import * as v8 from "v8";

/**
 * After each full garbage collection V8 lets the heap grow by a factor it picks for speed.
 * Synth allocates fast and keeps little: at 10,000 apps × 3 environments about 0.4 GB is live
 * (constructs, and one stack's JSON at a time), yet V8's own growth takes the process to a
 * 1.35 GB peak. Growing by 20 % at a time keeps it near what it holds (0.85-0.88 GB after synth
 * in the bench). 40 % measured no faster in the bench and 0.95-0.99 GB; a harness outside the
 * bench had shown it faster, so the bench decided (docs/performance.md, 2026-12-02). It sets
 * no limit, unlike --max-old-space-size: a larger org only collects more often and never runs
 * out of memory because of it. Called by entry points (synth, the synth bench), never by
 * library code that tests or other tools import.
 */
export function dampHeapGrowth(percent = 20): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
