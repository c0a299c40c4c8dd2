import { GitHubClient, PullRequest } from "../review/gate";

/**
 * A GitHub repository as the REST API answers for it, for the review gate's tests: pull
 * requests, comments, label events, permissions and commit statuses, kept in memory. Methods
 * are the Octokit names actions/github-script hands the gate.
 */
export class FakeGitHub {
  readonly owner = "example-org";
  readonly repo = "okta";
  readonly pulls = new Map<number, PullRequest>();
  readonly comments = new Map<number, { id: number; body: string; user: { login: string; type: string }; updated_at: string }[]>();
  readonly events = new Map<number, { event: string; label: { name: string }; actor: { login: string }; created_at: string }[]>();
  readonly permissions = new Map<string, string>();
  readonly statuses: { sha: string; state: string; context: string; description: string }[] = [];
  private clock = Date.parse("2026-12-01T10:00:00Z");
  private nextId = 1;

  /** A minute later than the last thing that happened. */
  now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  /** Where each pull request's head branch lives: `owner:branch`, as pulls.list's `head` filter takes it. */
  readonly heads = new Map<number, string>();

  openPull(number: number, sha: string, head = `${this.owner}:branch-${number}`): void {
    this.pulls.set(number, { number, state: "open", head: { sha }, base: { repo: { full_name: `${this.owner}/${this.repo}` } }, labels: [] });
    this.heads.set(number, head);
  }

  push(number: number, sha: string): void {
    const pr = this.pulls.get(number)!;
    this.pulls.set(number, { ...pr, head: { sha } });
  }

  /** Merged as this commit of main. */
  merge(number: number, mergeSha: string): void {
    this.merged.set(number, mergeSha);
    const pr = this.pulls.get(number)!;
    this.pulls.set(number, { ...pr, state: "closed" });
  }
  readonly merged = new Map<number, string>();

  addLabel(number: number, name: string, by: string): void {
    const pr = this.pulls.get(number)!;
    this.pulls.set(number, { ...pr, labels: [...pr.labels, { name }] });
    this.events.set(number, [...(this.events.get(number) ?? []), { event: "labeled", label: { name }, actor: { login: by }, created_at: this.now() }]);
  }

  /** Someone's own comment (anyone may comment on a pull request). */
  comment(number: number, login: string, body: string, type = "User"): void {
    this.comments.set(number, [...(this.comments.get(number) ?? []), { id: this.nextId++, body, user: { login, type }, updated_at: this.now() }]);
  }

  labels(number: number): string[] {
    return this.pulls.get(number)!.labels.map((l) => l.name);
  }

  botComment(number: number): string | undefined {
    return (this.comments.get(number) ?? []).find((c) => c.user.login === "github-actions[bot]")?.body;
  }

  client(): GitHubClient {
    const list = (issue: number) => this.comments.get(issue) ?? [];
    const self = this;
    const rest = {
      pulls: {
        get: async (p: Record<string, unknown>) => {
          const pr = this.pulls.get(p.pull_number as number);
          if (!pr) throw Object.assign(new Error("Not Found"), { status: 404 });
          return { data: structuredClone(pr) };
        },
        list: async (p: Record<string, unknown>) => {
          return { data: [...this.pulls.values()].filter((pr) => pr.state === "open" && this.heads.get(pr.number) === p.head).map((pr) => structuredClone(pr)) };
        },
      },
      issues: {
        listComments: async (p: Record<string, unknown>) => ({ data: structuredClone(list(p.issue_number as number)) }),
        listEvents: async (p: Record<string, unknown>) => ({ data: structuredClone(this.events.get(p.issue_number as number) ?? []) }),
        createComment: async (p: Record<string, unknown>) => self.comment(p.issue_number as number, "github-actions[bot]", p.body as string, "Bot"),
        updateComment: async (p: Record<string, unknown>) => {
          for (const cs of this.comments.values()) for (const c of cs) if (c.id === p.comment_id) Object.assign(c, { body: p.body, updated_at: this.now() });
        },
        removeLabel: async (p: Record<string, unknown>) => {
          const pr = this.pulls.get(p.issue_number as number)!;
          this.pulls.set(pr.number, { ...pr, labels: pr.labels.filter((l) => l.name !== p.name) });
        },
      },
      repos: {
        createCommitStatus: async (p: Record<string, unknown>) => {
          this.statuses.push({ sha: p.sha as string, state: p.state as string, context: p.context as string, description: p.description as string });
        },
        listPullRequestsAssociatedWithCommit: async (p: Record<string, unknown>) => ({
          data: [...this.merged].filter(([, m]) => m === p.commit_sha).map(([number, m]) => ({ number, merged_at: this.now(), merge_commit_sha: m, base: { repo: { full_name: `${this.owner}/${this.repo}` } } })),
        }),
        getCollaboratorPermissionLevel: async (p: Record<string, unknown>) => ({ data: { permission: this.permissions.get(p.username as string) ?? "read" } }),
      },
    };
    return {
      rest,
      paginate: async <T>(method: unknown, params: Record<string, unknown>) => ((await (method as (p: Record<string, unknown>) => Promise<{ data: T[] }>)(params)).data),
    } as GitHubClient;
  }
}
