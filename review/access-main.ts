// Entry point of `npm run access` (see review/access-cli.ts).
import { Interrupted } from "./temp";
import { runAccess } from "./access-cli";

try {
  process.exitCode = runAccess(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof Interrupted ? error.exitCode : 1;
}
