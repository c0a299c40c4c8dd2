import * as fs from "fs";
import * as path from "path";

// scripts/run.js runs transpiled JS from .build/: it must never run stale JS, whatever wrote there.
const ROOT = path.resolve(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require(path.join(ROOT, "scripts", "run.js")) as { build: () => void };

describe("scripts/run.js build", () => {
  test("rebuilds an output that something else changed, even with an unchanged source and an older mtime", () => {
    build();
    const out = path.join(ROOT, ".build", "constructs", "template.js");
    const good = fs.readFileSync(out, "utf8");
    expect(good).toContain("escapeTemplate");
    // What an older checkout's mtime-based build would do: stale JS, written later, same source.
    fs.writeFileSync(out, "exports.escapeTemplate = (s) => s; // stale\n");
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(ROOT, "constructs", "template.ts"), old, old);
    build();
    expect(fs.readFileSync(out, "utf8")).toBe(good);
  });

  test("copies the JSON and proto files the code loads", () => {
    build();
    expect(fs.existsSync(path.join(ROOT, ".build", "terraform", "okta-6.12.0.schema.json"))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, ".build", "terraform", "stand-in", "proto", "tfplugin6.proto"))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, ".build", "config", "org-config.schema.json"))).toBe(true);
  });
});
