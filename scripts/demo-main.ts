// Entry point of `npm run demo` (see scripts/demo.ts).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDemo } from "./demo";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-demo-"));
runDemo(dir, path.join(__dirname, "..", "terraform", "stand-in", "main.js"), (l) => process.stdout.write(`${l}\n`))
  .then((r) => {
    process.stdout.write(`\n${r.drift}\n`);
    process.stdout.write(`Done in ${r.seconds.toFixed(1)} s. Everything is in ${r.dir}: org.json (the local org; edit it and plan again), config/imported/staging.ts, cdktf.out/.\n`);
  })
  .catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  });
