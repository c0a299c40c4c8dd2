// Entry point of `npm run import` (see importer/import-cli.ts).
import { runImport } from "./import-cli";

runImport(process.argv.slice(2)).then(
  () => undefined,
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  },
);
