// Entry point of `npm run review` (see review/cli.ts).
import { Interrupted } from "./temp";
import { parseArgs, runReview } from "./cli";

try {
  process.exitCode = runReview(parseArgs(process.argv.slice(2)));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof Interrupted ? error.exitCode : 1;
}
