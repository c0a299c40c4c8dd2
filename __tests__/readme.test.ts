import * as fs from "fs";
import * as path from "path";

// README is the front door (issue 25): short, the two commands and "add a team/app/API" early,
// two pictures GitHub draws, and every deep topic one link away in docs/.
const ROOT = path.resolve(__dirname, "..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const lines = readme.split("\n");

describe("README", () => {
  test("is under 300 lines, with the two commands and how to add a team, an app and an API in its first screens", () => {
    expect(lines.length).toBeLessThan(300);
    expect(readme).toContain("npm ci && npm run synth");
    expect(readme).toContain("npm ci && npm test");
    const add = lines.findIndex((l) => l.startsWith("## Add a team, an app, an API"));
    expect(add).toBeGreaterThan(0);
    expect(add).toBeLessThan(80);
  });

  test("has two Mermaid pictures: how config becomes Okta objects, and which CI job holds which credential", () => {
    const blocks = [...readme.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/policy[\s\S]*rule[\s\S]*group[\s\S]*app/);
    expect(blocks[1]).toMatch(/deploy identity/);
  });

  test("every relative link, in README and docs/, points at a file that exists", () => {
    const files = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).map((f) => `docs/${f}`)];
    const broken: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/.test(target)) continue;
        if (!fs.existsSync(path.resolve(path.dirname(path.join(ROOT, file)), target))) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test("each deep topic lives in docs/, once", () => {
    for (const doc of ["deploying", "org-model", "changing-the-org", "guardrails", "review", "identities-and-ci", "security-model", "import", "drift", "runbooks", "performance", "layout", "authentication-policies"]) {
      expect(readme).toContain(`(docs/${doc}.md)`);
    }
    // The guardrail catalogue is a table in docs/guardrails.md, not in README.
    expect(readme).not.toMatch(/\| OKTA-0\d \|/);
  });
});
