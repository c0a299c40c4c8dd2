import { COMMENT_MARKER } from "./markdown";

/**
 * The trusted half of the pull-request gate, run by review-report.yml (workflow_run, default
 * branch's code) through actions/github-script: it posts the sticky comment and sets the commit
 * status `okta-review/access`. Following GitHub's guidance on workflow_run and untrusted
 * artifacts, nothing the pull request's run wrote chooses what this acts on:
 * - the commit status goes on the run's own head SHA (`workflow_run.head_sha`, set by GitHub);
 * - the pull request is one GitHub links to that run and SHA, looked up again through the API
 *   and kept only while its head is still that SHA, in this repository;
 * - the report and its gate were computed by trusted code (review.json of this job).
 * An approval (the label) covers one gate digest: the changes a maintainer saw when adding it.
 */

/** The bot whose comments hold the report and the approval record (GITHUB_TOKEN's identity). */
export const BOT_LOGIN = "github-actions[bot]";
export const STATUS_CONTEXT = "okta-review/access";

/** The last line of the sticky comment: what it shows and which digest is approved, by whom. */
const RECORD = /^<!-- okta-as-code:gate digest=([0-9a-f]{64}) approved=([0-9a-f]{64}|none) by=([A-Za-z0-9-]{1,39}|none) -->$/;

/** The subset of Octokit (actions/github-script's `github`) this uses; tests pass a fake. */
export interface GitHubClient {
  paginate<T>(method: unknown, params: Record<string, unknown>): Promise<T[]>;
  rest: {
    pulls: { get(p: Record<string, unknown>): Promise<{ data: PullRequest }>; list: unknown };
    issues: {
      listComments: unknown;
      listEvents: unknown;
      createComment(p: Record<string, unknown>): Promise<unknown>;
      updateComment(p: Record<string, unknown>): Promise<unknown>;
      removeLabel(p: Record<string, unknown>): Promise<unknown>;
    };
    repos: {
      listPullRequestsAssociatedWithCommit?(p: Record<string, unknown>): Promise<{ data: readonly MergedPullRequest[] }>;
      createCommitStatus(p: Record<string, unknown>): Promise<unknown>;
      getCollaboratorPermissionLevel(p: Record<string, unknown>): Promise<{ data: { permission: string } }>;
    };
  };
}

export interface PullRequest {
  readonly number: number;
  readonly state: string;
  readonly head: { readonly sha: string };
  readonly base: { readonly repo: { readonly full_name: string } };
  readonly labels: readonly { readonly name: string }[];
}

export interface MergedPullRequest {
  readonly number: number;
  readonly merged_at: string | null;
  readonly merge_commit_sha: string | null;
  readonly base: { readonly repo: { readonly full_name: string } };
}

/** The fields of `github.event.workflow_run` this reads. */
export interface WorkflowRun {
  readonly id: number;
  readonly event: string;
  readonly head_sha: string;
  readonly head_branch: string | null;
  readonly head_repository?: { readonly owner?: { readonly login?: string } } | null;
  readonly pull_requests?: readonly { readonly number: number; readonly head?: { readonly sha?: string } }[];
}

export interface GateInput {
  readonly run: WorkflowRun;
  readonly repo: { readonly owner: string; readonly repo: string };
  /** review.md and review.json's gate, both from the trusted review step. */
  readonly markdown: string;
  readonly gate: { readonly digest: string; readonly items: readonly string[]; readonly environments: readonly string[] };
  readonly approvalLabel: string;
  readonly log?: (line: string) => void;
}

export interface GateOutcome {
  readonly sha: string;
  readonly pullRequests: readonly number[];
  readonly state: "success" | "failure";
  readonly description: string;
}

interface Comment {
  readonly id: number;
  readonly body?: string;
  readonly user?: { readonly login?: string; readonly type?: string } | null;
  readonly updated_at?: string;
}

interface LabelEvent {
  readonly event: string;
  readonly label?: { readonly name?: string };
  readonly actor?: { readonly login?: string } | null;
  readonly created_at?: string;
}

/** Posts the report and sets the gate for the run's commit; returns what it decided. */
export async function reportGate(github: GitHubClient, input: GateInput): Promise<GateOutcome> {
  const { run, repo, gate } = input;
  const log = input.log ?? (() => undefined);
  if (run.event !== "pull_request") throw new Error(`workflow_run of a ${run.event} event: only pull_request runs are reported.`);
  if (!/^[0-9a-f]{40}$/.test(run.head_sha)) throw new Error(`workflow_run.head_sha ${JSON.stringify(run.head_sha)} is not a commit SHA.`);
  if (!/^[0-9a-f]{64}$/.test(gate.digest)) throw new Error(`review.json's gate digest ${JSON.stringify(gate.digest)} is not a sha256.`);
  const sha = run.head_sha;
  const prs = await pullRequestsOf(github, repo, run);
  log(prs.length ? `Pull request(s) with head ${sha}: ${prs.map((p) => `#${p.number}`).join(", ")}.` : `No open pull request has head ${sha} any more: status only.`);

  const needs = gate.items.length > 0;
  let state: GateOutcome["state"] = "success";
  let description = "No access broadening or outage in prod";
  for (const pr of prs) {
    const comment = await stickyComment(github, repo, pr.number);
    const record = recordOf(comment?.body);
    const labeled = pr.labels.some((l) => l.name === input.approvalLabel);
    let approved: { digest: string; by: string } | undefined;
    if (labeled) {
      // The digest approved is the one recorded when the label was first seen, else the one the
      // comment showed the maintainer when they added it (never one computed after the label).
      const added = await labeler(github, repo, pr.number, input.approvalLabel);
      // A new approval holds only if the report the maintainer saw is the one still shown.
      const shownSince = !record?.approved && !!added && !(Date.parse(comment?.updated_at ?? "") <= Date.parse(added.at));
      const digest = record?.approved ?? record?.digest;
      if (!added) log(`#${pr.number}: ${input.approvalLabel} was added by no one with write access to ${repo.owner}/${repo.repo}: not an approval.`);
      else if (!digest) log(`#${pr.number}: ${input.approvalLabel} was added before any report was shown: not an approval.`);
      else if (shownSince) log(`#${pr.number}: the report changed after ${input.approvalLabel} was added, so what was approved is unknown: not an approval.`);
      else approved = { digest, by: record?.approvedBy ?? added.login };
    }
    const covered = !needs || approved?.digest === gate.digest;
    if (labeled && needs && !covered) {
      // The label stays only on what it approved: take it off so nobody mistakes it for approval.
      await github.rest.issues.removeLabel({ owner: repo.owner, repo: repo.repo, issue_number: pr.number, name: input.approvalLabel });
      log(`#${pr.number}: removed ${input.approvalLabel}: it approved ${approved ? approved.digest.slice(0, 16) : "nothing shown"}, the changes are now ${gate.digest.slice(0, 16)}.`);
      approved = undefined;
    }
    const body = `${input.markdown.trimEnd()}\n\n${recordLine(gate.digest, covered && needs ? approved : undefined)}\n`;
    if (comment) await github.rest.issues.updateComment({ owner: repo.owner, repo: repo.repo, comment_id: comment.id, body });
    else await github.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: pr.number, body });
    if (!covered) {
      state = "failure";
      description = labeled ? `Changes since approval: a maintainer must re-add ${input.approvalLabel}` : `Access broadens or an outage in prod: a maintainer must add ${input.approvalLabel}`;
    } else if (needs) description = `Prod changes approved by ${approved!.by} (${gate.digest.slice(0, 12)})`;
  }
  if (!prs.length && needs) {
    state = "failure";
    description = "Access broadens or an outage in prod: no open pull request carries this commit";
  }
  await github.rest.repos.createCommitStatus({ owner: repo.owner, repo: repo.repo, sha, state, context: STATUS_CONTEXT, description: description.slice(0, 140) });
  return { sha, pullRequests: prs.map((p) => p.number), state, description };
}

/**
 * The open pull requests of this repository whose head is the run's SHA. Candidates come from
 * the event (same-repository pull requests) or, for a fork (the event lists none), from the
 * run's head branch; each is read again and kept only if its head is still that SHA.
 */
async function pullRequestsOf(github: GitHubClient, repo: GateInput["repo"], run: WorkflowRun): Promise<PullRequest[]> {
  let numbers = (run.pull_requests ?? []).filter((p) => p.head?.sha === run.head_sha).map((p) => p.number);
  const owner = run.head_repository?.owner?.login;
  if (!numbers.length && owner && run.head_branch) {
    const open = await github.paginate<PullRequest>(github.rest.pulls.list, { owner: repo.owner, repo: repo.repo, state: "open", head: `${owner}:${run.head_branch}`, per_page: 100 });
    numbers = open.filter((p) => p.head.sha === run.head_sha).map((p) => p.number);
  }
  const found: PullRequest[] = [];
  for (const pull_number of [...new Set(numbers)].filter((n) => Number.isInteger(n) && n > 0)) {
    const { data } = await github.rest.pulls.get({ owner: repo.owner, repo: repo.repo, pull_number });
    if (data.state === "open" && data.head.sha === run.head_sha && data.base.repo.full_name === `${repo.owner}/${repo.repo}`) found.push(data);
  }
  return found;
}

/** The bot's own sticky comment: written by GITHUB_TOKEN's bot and starting with the marker. */
async function stickyComment(github: GitHubClient, repo: GateInput["repo"], issue_number: number): Promise<Comment | undefined> {
  const comments = await github.paginate<Comment>(github.rest.issues.listComments, { owner: repo.owner, repo: repo.repo, issue_number, per_page: 100 });
  return comments.find((c) => c.user?.login === BOT_LOGIN && c.user?.type === "Bot" && (c.body ?? "").startsWith(COMMENT_MARKER));
}

/** Who last added the label and when, if they have write access (triage may add labels, but not approve). */
async function labeler(github: GitHubClient, repo: GateInput["repo"], issue_number: number, label: string): Promise<{ login: string; at: string } | undefined> {
  const events = await github.paginate<LabelEvent>(github.rest.issues.listEvents, { owner: repo.owner, repo: repo.repo, issue_number, per_page: 100 });
  const last = events.filter((e) => e.event === "labeled" && e.label?.name === label).pop();
  const username = last?.actor?.login;
  if (!username) return undefined;
  const { data } = await github.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username });
  return ["admin", "maintain", "write"].includes(data.permission) ? { login: username, at: last?.created_at ?? "" } : undefined;
}

/** The record on the sticky comment's last line; anything else there counts as none. */
export function recordOf(body: string | undefined): { digest: string; approved?: string; approvedBy?: string } | undefined {
  const last = (body ?? "").trimEnd().split("\n").pop() ?? "";
  const m = RECORD.exec(last);
  if (!m) return undefined;
  return { digest: m[1], approved: m[2] === "none" ? undefined : m[2], approvedBy: m[3] === "none" ? undefined : m[3] };
}

export function recordLine(digest: string, approved?: { digest: string; by: string }): string {
  return `<!-- okta-as-code:gate digest=${digest} approved=${approved?.digest ?? "none"} by=${approved?.by ?? "none"} -->`;
}

/**
 * For the deploy-time check: the gate digests approved on the pull request merged as this
 * commit of main (the bot's record on its sticky comment). A deploy whose own check finds
 * exactly those changes needs no other approval; anything else (several merges since the last
 * deploy, drift) needs a maintainer's approval of that run's digest.
 */
export async function approvedDigestsOf(github: GitHubClient, repo: { owner: string; repo: string }, sha: string): Promise<string[]> {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`${JSON.stringify(sha)} is not a commit SHA.`);
  const { data } = await github.rest.repos.listPullRequestsAssociatedWithCommit!({ owner: repo.owner, repo: repo.repo, commit_sha: sha });
  const digests: string[] = [];
  for (const pr of data.filter((p) => p.merged_at && p.merge_commit_sha === sha && p.base.repo.full_name === `${repo.owner}/${repo.repo}`)) {
    const approved = recordOf((await stickyComment(github, repo, pr.number))?.body)?.approved;
    if (approved) digests.push(approved);
  }
  return digests;
}
