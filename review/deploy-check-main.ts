// Entry point of `npm run deploy-check` (see review/deploy-check.ts).
import { runDeployCheck } from "./deploy-check";

try {
  process.exitCode = runDeployCheck(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
