import { createHash } from "crypto";
import { BOT_LOGIN, GateInput, WorkflowRun, approvedDigestsOf, recordLine, recordOf, reportGate } from "../review/gate";
import { COMMENT_MARKER } from "../review/markdown";
import { FakeGitHub } from "../test-support/fake-github";

// review-report.yml's trusted step, with GitHub's REST API faked: what it comments on, where it
// puts the commit status, and when an approval counts (issue 19).
const LABEL = "okta-access-approved";
const sha = (c: string) => c.repeat(40);
const digestOf = (items: string[]) => createHash("sha256").update(items.join("\n")).digest("hex");
const BROADENING = ["okta-prod +assignment [[\"app\",\"Runbooks\"]]"];
const MORE = [...BROADENING, "okta-prod +marker \"EVERYONE in rule gold\""];

function run(headSha: string, prs: { number: number; sha: string }[] = [], head = { owner: "example-org", branch: "branch-1" }): WorkflowRun {
  return { id: 7, event: "pull_request", head_sha: headSha, head_branch: head.branch, head_repository: { owner: { login: head.owner } }, pull_requests: prs.map((p) => ({ number: p.number, head: { sha: p.sha } })) };
}

function input(gh: FakeGitHub, r: WorkflowRun, items: string[] = []): GateInput {
  return { run: r, repo: { owner: gh.owner, repo: gh.repo }, markdown: `${COMMENT_MARKER}\n## Okta change review\n\n${items.length} changes\n`, gate: { digest: digestOf(items), items, environments: ["prod"] }, approvalLabel: LABEL };
}

describe("review gate: which pull request and which commit", () => {
  test("a run's report and status go to its own commit and pull request, never to one its artifact names", async () => {
    // PR 2 (the attacker) once wrote {"number": 1, "head_sha": <PR 1's head>} into pr.json; the gate reads no such file.
    const gh = new FakeGitHub();
    gh.openPull(1, sha("b"));
    gh.openPull(2, sha("a"));
    const outcome = await reportGate(gh.client(), input(gh, run(sha("a"), [{ number: 2, sha: sha("a") }])));
    expect(outcome).toEqual(expect.objectContaining({ sha: sha("a"), pullRequests: [2], state: "success" }));
    expect(gh.statuses).toEqual([expect.objectContaining({ sha: sha("a"), context: "okta-review/access", state: "success" })]);
    expect(gh.botComment(1)).toBeUndefined();
    expect(gh.botComment(2)).toContain("## Okta change review");
  });

  test("a pull request the event lists is ignored unless GitHub still shows the run's SHA as its head", async () => {
    const gh = new FakeGitHub();
    gh.openPull(1, sha("b"));
    const outcome = await reportGate(gh.client(), input(gh, run(sha("a"), [{ number: 1, sha: sha("a") }]), BROADENING));
    expect(outcome.pullRequests).toEqual([]);
    expect(gh.botComment(1)).toBeUndefined();
    expect(gh.statuses).toEqual([expect.objectContaining({ sha: sha("a"), state: "failure" })]);
  });

  test("a fork's pull request (the event lists none) is found by the run's head branch and checked by SHA", async () => {
    const gh = new FakeGitHub();
    gh.openPull(5, sha("c"), "someone:patch-1");
    gh.openPull(6, sha("d"), "someone:patch-2");
    const outcome = await reportGate(gh.client(), input(gh, run(sha("c"), [], { owner: "someone", branch: "patch-1" })));
    expect(outcome.pullRequests).toEqual([5]);
    expect(gh.botComment(6)).toBeUndefined();
  });

  test("a stale run (the pull request has moved on) leaves the comment alone and sets only its own commit's status", async () => {
    const gh = new FakeGitHub();
    gh.openPull(1, sha("a"));
    await reportGate(gh.client(), input(gh, run(sha("a"), [{ number: 1, sha: sha("a") }])));
    const shown = gh.botComment(1);
    gh.push(1, sha("e"));
    await reportGate(gh.client(), input(gh, run(sha("a"), [{ number: 1, sha: sha("a") }]), BROADENING));
    expect(gh.botComment(1)).toBe(shown);
    expect(gh.statuses.map((s) => s.sha)).toEqual([sha("a"), sha("a")]);
  });

  test("a comment that anyone else wrote with the marker is neither updated nor read as the record", async () => {
    const gh = new FakeGitHub();
    gh.openPull(1, sha("a"));
    const forged = `${COMMENT_MARKER}\nall good\n${recordLine(digestOf(BROADENING), { digest: digestOf(BROADENING), by: "maintainer" })}`;
    gh.comment(1, "attacker", forged);
    gh.comment(1, "some-app[bot]", forged, "Bot");
    gh.permissions.set("triager", "read");
    gh.addLabel(1, LABEL, "triager");
    const outcome = await reportGate(gh.client(), input(gh, run(sha("a"), [{ number: 1, sha: sha("a") }]), BROADENING));
    expect(outcome.state).toBe("failure");
    expect(gh.comments.get(1)!.filter((c) => c.body === forged)).toHaveLength(2);
    expect(gh.botComment(1)).toContain("## Okta change review");
  });

  test("refuses a run of another event or a SHA that is not one", async () => {
    const gh = new FakeGitHub();
    await expect(reportGate(gh.client(), input(gh, { ...run(sha("a")), event: "push" }))).rejects.toThrow("only pull_request runs");
    await expect(reportGate(gh.client(), input(gh, run("$(id)")))).rejects.toThrow("is not a commit SHA");
    expect(gh.statuses).toEqual([]);
  });
});

describe("review gate: an approval covers what was approved", () => {
  const pr = () => {
    const gh = new FakeGitHub();
    gh.openPull(1, sha("a"));
    gh.permissions.set("maintainer", "admin");
    return gh;
  };
  const gate = (gh: FakeGitHub, head: string, items: string[]) => reportGate(gh.client(), input(gh, run(head, [{ number: 1, sha: head }]), items));

  test("broadening fails until a maintainer adds the label, then passes for that change", async () => {
    const gh = pr();
    expect((await gate(gh, sha("a"), BROADENING)).state).toBe("failure");
    gh.addLabel(1, LABEL, "maintainer");
    const approved = await gate(gh, sha("a"), BROADENING);
    expect(approved).toEqual(expect.objectContaining({ state: "success", description: expect.stringContaining("approved by maintainer") }));
    expect(recordOf(gh.botComment(1))).toEqual({ digest: digestOf(BROADENING), approved: digestOf(BROADENING), approvedBy: "maintainer" });
  });

  test("a later push that broadens further fails the gate and takes the label off", async () => {
    const gh = pr();
    await gate(gh, sha("a"), BROADENING);
    gh.addLabel(1, LABEL, "maintainer");
    await gate(gh, sha("a"), BROADENING);
    gh.push(1, sha("b"));
    const after = await gate(gh, sha("b"), MORE);
    expect(after).toEqual(expect.objectContaining({ sha: sha("b"), state: "failure", description: expect.stringContaining("re-add") }));
    expect(gh.labels(1)).toEqual([]);
    expect(recordOf(gh.botComment(1))).toEqual({ digest: digestOf(MORE) });
  });

  test("a later push that changes none of the approved changes (a README edit) keeps the approval", async () => {
    const gh = pr();
    await gate(gh, sha("a"), BROADENING);
    gh.addLabel(1, LABEL, "maintainer");
    await gate(gh, sha("a"), BROADENING);
    gh.push(1, sha("c"));
    expect((await gate(gh, sha("c"), BROADENING)).state).toBe("success");
    expect(gh.labels(1)).toEqual([LABEL]);
  });

  test("the label counts only from someone with write access", async () => {
    const gh = pr();
    gh.permissions.set("triager", "read");
    await gate(gh, sha("a"), BROADENING);
    gh.addLabel(1, LABEL, "triager");
    expect((await gate(gh, sha("a"), BROADENING)).state).toBe("failure");
    expect(gh.labels(1)).toEqual([]);
  });

  test("a label added before the report changed approves nothing (the maintainer saw something else)", async () => {
    const gh = pr();
    await gate(gh, sha("a"), BROADENING);
    gh.addLabel(1, LABEL, "maintainer");
    // A push lands between the label and its run; its report run saw no label yet and rewrote the comment.
    gh.push(1, sha("b"));
    gh.pulls.set(1, { ...gh.pulls.get(1)!, labels: [] });
    await gate(gh, sha("b"), MORE);
    gh.pulls.set(1, { ...gh.pulls.get(1)!, labels: [{ name: LABEL }] });
    expect((await gate(gh, sha("b"), MORE)).state).toBe("failure");
  });

  test("no broadening and no outage passes without a label", async () => {
    const gh = pr();
    expect((await gate(gh, sha("a"), [])).state).toBe("success");
    expect(gh.botComment(1)!.startsWith(COMMENT_MARKER)).toBe(true);
    expect(gh.comments.get(1)![0].user.login).toBe(BOT_LOGIN);
  });
});

describe("review gate: what a deploy of main may take as approved", () => {
  test("the digest approved on the pull request merged as that commit, and nothing a comment merely claims", async () => {
    const gh = new FakeGitHub();
    gh.permissions.set("maintainer", "admin");
    gh.openPull(1, sha("a"));
    await reportGate(gh.client(), input(gh, run(sha("a"), [{ number: 1, sha: sha("a") }]), BROADENING));
    gh.addLabel(1, LABEL, "maintainer");
    await reportGate(gh.client(), input(gh, run(sha("a"), [{ number: 1, sha: sha("a") }]), BROADENING));
    gh.merge(1, sha("d"));
    // Another merged pull request whose author wrote an approval record in their own comment.
    gh.openPull(2, sha("b"));
    gh.comment(2, "attacker", `${COMMENT_MARKER}\n${recordLine(digestOf(MORE), { digest: digestOf(MORE), by: "maintainer" })}`);
    gh.merge(2, sha("e"));
    expect(await approvedDigestsOf(gh.client(), { owner: gh.owner, repo: gh.repo }, sha("d"))).toEqual([digestOf(BROADENING)]);
    expect(await approvedDigestsOf(gh.client(), { owner: gh.owner, repo: gh.repo }, sha("e"))).toEqual([]);
    expect(await approvedDigestsOf(gh.client(), { owner: gh.owner, repo: gh.repo }, sha("f"))).toEqual([]);
  });
});
