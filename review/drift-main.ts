// Entry point of `npm run drift` (see review/drift-cli.ts).
import { runDrift } from "./drift-cli";

try {
  process.exitCode = runDrift(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
