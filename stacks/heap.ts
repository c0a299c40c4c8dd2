import * as v8 from "v8";

/**
 * After each full garbage collection V8 lets the heap grow by a factor it picks for speed.
 * Synth allocates fast and keeps little: at 10,000 apps × 3 environments about 300 MB is live
 * when it ends, yet the heap had grown to a 1.6 GB peak. Growing by 20 % at a time keeps the
 * process near what it holds (0.85–0.93 GB peak there) at no cost in time we could measure
 * (docs/performance.md). It sets no limit, unlike --max-old-space-size: a larger org only
 * collects more often and never runs out of memory because of it. Called by entry points
 * (synth, the synth bench), never by library code that tests or other tools import.
 */
export function dampHeapGrowth(): void {
  v8.setFlagsFromString("--heap-growing-percent=20");
}
