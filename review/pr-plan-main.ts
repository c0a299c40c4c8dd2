// Entry point of `npm run plan` (see review/pr-plan.ts).
import { runPrPlan } from "./pr-plan";

try {
  process.exitCode = runPrPlan(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
