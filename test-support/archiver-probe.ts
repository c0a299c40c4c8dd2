// Run by __tests__/lazy-archiver.test.ts as `node scripts/run.js test-support/archiver-probe`:
// what a command's process has loaded of archiver before and after archiver is used.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ARCHIVER_ENTRY, archiverLoaded } from "../stacks/lazy-archiver";

const archiverFiles = () => Object.keys(require.cache).filter((f) => f.startsWith(path.dirname(ARCHIVER_ENTRY) + path.sep) && f !== ARCHIVER_ENTRY).length;
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("cdktf");
const before = { realLoaded: archiverLoaded(), files: archiverFiles() };
// What cdktf's fs.js holds under the name archiver, used as it uses it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const archiver = require(ARCHIVER_ENTRY) as (format: string, options: object) => { pipe(out: NodeJS.WritableStream): void; append(text: string, entry: { name: string }): void; finalize(): Promise<void> };
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "okta-archiver-")), "a.zip");
const archive = archiver("zip", { zlib: { level: 9 } });
const stream = fs.createWriteStream(out);
archive.pipe(stream);
archive.append("hello", { name: "hello.txt" });
void archive.finalize();
stream.on("close", () => {
  const zip = fs.readFileSync(out);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  console.log(JSON.stringify({ before, after: { realLoaded: archiverLoaded(), files: archiverFiles() }, zipMagic: zip.subarray(0, 4).toString("hex"), hasEntry: zip.includes(Buffer.from("hello.txt")) }));
});
