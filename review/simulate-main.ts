// Entry point of `npm run simulate` (see review/simulate-cli.ts).
import { Interrupted } from "./temp";
import { runSimulate } from "./simulate-cli";

try {
  process.exitCode = runSimulate(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof Interrupted ? error.exitCode : 1;
}
