// npm run bench:import: `npm run import` of a 1,000-app org replayed by a local Okta API
// server (the bench org deployed: each synthesized resource as the Okta object it creates),
// with Okta's page size of 200. Prints the time split into reading and mapping + synth, the
// requests, and the process's peak RSS. BENCH_APPS overrides the size.
import { benchOrg } from "./org";
import { deployed, importFromServer } from "../test-support/import";
import { rowsChanged } from "../review/diff";

(async () => {
  const n = Number(process.env.BENCH_APPS ?? 1000);
  const start = process.hrtime.bigint();
  const { org } = deployed(benchOrg(n));
  const setup = Number(process.hrtime.bigint() - start) / 1e9;
  const t0 = process.hrtime.bigint();
  const { run } = await importFromServer(org, { pageSize: 200, rateLimit: 1_000_000 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const entries = run.adoption.mapped.log.entries;
  const apps = entries.filter((e) => e.kind === "app");
  console.log(
    JSON.stringify({
      apps: n,
      oktaApps: org.apps.length,
      importedApps: apps.filter((e) => e.outcome === "imported" || e.outcome === "changed").length,
      adopted: Object.keys(run.adoption.config.imports ?? {}).length,
      creates: run.adoption.creates.length,
      objectsRead: entries.length,
      firstDeployAccessRowsChanged: Object.values(rowsChanged(run.adoption.access)).reduce((a, b) => a + b, 0),
      requests: run.requests,
      importSeconds: Number(seconds.toFixed(2)),
      setupSeconds: Number(setup.toFixed(2)),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
