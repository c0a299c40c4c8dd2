import { runDemo } from "../scripts/demo";
import { standInEnv, terraformSuite, workDir } from "../test-support/terraform";

// README's offline demo (issue 20), as a newcomer runs it: npm run demo. Real Terraform, the
// okta provider stand-in replaying the local org's console edits; no Okta account.
terraformSuite()("npm run demo: adopt an org and catch a console change, offline", () => {
  test("imports the sample org with no access change, deploys it, and reports the console edits as widened access", async () => {
    const lines: string[] = [];
    // On the file's shared stand-in: Terraform starting the stand-in itself, as the demo has it
    // do, is checked in terraform-stacks.test.ts (handshake and mTLS).
    const result = await runDemo(workDir("okta-demo-"), standInEnv, (l) => lines.push(l));
    expect(lines.map((l) => l.replace(/^\[(\d)\/5 [\d.]+ s\].*/, "step $1")).filter((l) => l.startsWith("step"))).toEqual(["step 1", "step 2", "step 3", "step 4", "step 5"]);
    expect(result.importReport).toContain("**The first deploy changes no access**");
    expect(lines.join("\n")).toMatch(/Apply complete! Resources: \d+ imported, 0 added/);
    expect(result.driftExitCode).toBe(2);
    expect(result.drift).toContain("2 resources changed outside code — 🚨 **access was widened outside code**.");
    expect(result.drift).toContain('- 🚨 outside code: EVERYONE in rule "gold tier" of policy "User access" (API Center)');
    expect(result.drift).toContain("| + | API Center | API Center Client | silverSubscribers | authorization_code | http://myapp.com/scp/gold |");
    expect(result.drift).toContain('| + | Billing |  | goldSubscribers | 2FA: password + possession | any zone | Corporate network only › From the office |');
    // The time a newcomer waits is a benchmark figure, not asserted here; printed for the note.
    console.log(`npm run demo: ${result.seconds.toFixed(1)} s`);
  }, 120_000);
});
