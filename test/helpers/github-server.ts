import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exampleResponse, findOperation, requestProblems, responseSchema, validate } from "./openapi.ts";

/**
 * A stand-in for api.github.com on loopback, reached through the real Octokit client (STYLE.md: real protocols). It
 * keeps issue comments, check runs (with their annotations) and pull requests (with their heads' repositories);
 * answers with GitHub's documented example bodies; and checks every request against GitHub's published REST description (method, path, parameters,
 * body). What real GitHub would refuse, it refuses the same way: writes with a read-only (fork) token get 403, bodies
 * over 65,536 characters 422. Failures can be queued (e.g. 502 twice) to exercise retries.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  /** The documented path template, e.g. /repos/{owner}/{repo}/check-runs. */
  template: string | null;
  operationId: string | null;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
  status: number;
  /** What did not match GitHub's description (the server answered 400 for it). */
  problems: string[];
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
  authorAssociation: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  output: { title: string; summary: string };
  annotations: Record<string, unknown>[];
  detailsUrl: string | null;
}

/** A pull request of the repository (open unless said), and the repository, branch and commit its head is at. */
export interface StoredPull {
  number: number;
  state?: "open" | "closed";
  /** The head's repository: the base repository itself, or a fork (`head=owner:branch` searches by its owner). */
  headRepo: { id: number; fullName: string };
  headRef: string;
  headSha: string;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  assignees: string[];
}

export interface QueuedFailure {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  headers?: Record<string, string>;
}

export interface FakeGitHub {
  /** The REST root to pass as baseUrl (like GITHUB_API_URL). */
  url: string;
  requests: RecordedRequest[];
  comments: StoredComment[];
  checkRuns: StoredCheckRun[];
  pulls: StoredPull[];
  issues: StoredIssue[];
  /** "read-only": the token of a fork's pull request; every write is refused. */
  tokenScope: "write" | "read-only";
  /** The author of comments this token writes. */
  author: { login: string; type: "Bot" | "User"; association: string };
  failNext(failure: QueuedFailure): void;
  seedComment(comment: Omit<StoredComment, "id">): StoredComment;
  /** Every request or response that did not match GitHub's description: a test expects none. */
  problems(): string[];
  stop(): Promise<void>;
}

export const COMMENT_BODY_LIMIT = 65_536;

/** GitHub's documented example of an issue comment, which the fake's comments are dressed as. */
function issueCommentExample(): Record<string, unknown> {
  const create = findOperation("POST", "/repos/o/r/issues/1/comments");
  if (!create) throw new Error("GitHub's description lacks issues/create-comment");
  return exampleResponse(create, "201") as Record<string, unknown>;
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  let nextId = 1000;
  const failures: QueuedFailure[] = [];
  const responseProblems: string[] = [];
  const state: Omit<FakeGitHub, "url" | "stop"> = {
    requests: [],
    comments: [],
    checkRuns: [],
    pulls: [],
    issues: [],
    tokenScope: "write",
    author: { login: "github-actions[bot]", type: "Bot", association: "NONE" },
    failNext: (failure) => failures.push({ ...failure }),
    seedComment: (comment) => {
      const stored = { ...comment, id: nextId++ };
      state.comments.push(stored);
      return stored;
    },
    problems: () => [
      ...state.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`)),
      ...responseProblems,
    ],
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const target = new URL(request.url ?? "/", url);
    const method = request.method ?? "GET";
    let body: unknown;
    const problems: string[] = [];
    if (raw !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        problems.push("the body is not JSON");
      }
    }
    const matched = findOperation(method, target.pathname);
    const recorded: RecordedRequest = {
      method,
      path: target.pathname,
      template: matched?.template ?? null,
      operationId: matched?.operation.operationId ?? null,
      query: Object.fromEntries(target.searchParams),
      body,
      authorization: request.headers.authorization,
      status: 0,
      problems,
    };
    state.requests.push(recorded);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      recorded.status = status;
      if (matched && status < 300) {
        const schema = responseSchema(matched, String(status));
        if (schema) responseProblems.push(...validate(schema, payload, `${method} ${target.pathname} response`, false));
      }
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      response.end(payload === undefined ? "" : JSON.stringify(payload));
    };
    if (!matched) {
      problems.push("GitHub documents no such operation");
      return reply(404, { message: "Not Found" });
    }
    problems.push(...requestProblems(matched, target.searchParams, body));
    if (!/^(token|Bearer) \S+$/.test(request.headers.authorization ?? "")) problems.push("no token in Authorization");
    if (problems.length > 0) return reply(400, { message: `Problems parsing the request: ${problems.join("; ")}` });

    const queued = failures.findIndex((f) => f.method === method && f.path.test(target.pathname));
    if (queued >= 0) {
      const failure = failures[queued] as QueuedFailure;
      if (--failure.times <= 0) failures.splice(queued, 1);
      return reply(failure.status, { message: failure.status >= 500 ? "Server Error" : "Failure" }, failure.headers);
    }
    if (method !== "GET" && state.tokenScope === "read-only") {
      return reply(403, {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
        status: "403",
      });
    }
    const { owner, repo } = matched.pathParams;
    const commentJson = (c: StoredComment): unknown => {
      const base = issueCommentExample();
      return {
        ...base,
        id: c.id,
        node_id: `IC_${c.id}`,
        body: c.body,
        html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
        issue_url: `${url}/repos/${owner}/${repo}/issues/${c.issue}`,
        url: `${url}/repos/${owner}/${repo}/issues/comments/${c.id}`,
        user: { ...(base.user as object), login: c.user.login, type: c.user.type },
        author_association: c.authorAssociation,
      };
    };
    /** An issue dressed as GitHub's documented example of the operation's response. */
    const issueJson = (i: StoredIssue, status: string): unknown => {
      const example = exampleResponse(matched, status) as Record<string, unknown> | Record<string, unknown>[];
      // A plain issue, not a pull request: GitHub's example carries a `pull_request` key, which marks one.
      const { pull_request: _pullRequest, ...base } = (Array.isArray(example) ? example[0] : example) ?? {};
      return {
        ...base,
        id: i.number,
        node_id: `I_${i.number}`,
        number: i.number,
        title: i.title,
        body: i.body,
        state: i.state,
        state_reason: i.stateReason,
        html_url: `https://github.com/${owner}/${repo}/issues/${i.number}`,
        url: `${url}/repos/${owner}/${repo}/issues/${i.number}`,
        labels: i.labels.map((name, index) => ({
          ...((base.labels as object[] | undefined)?.[0] ?? {}),
          id: index + 1,
          name,
        })),
        assignees: [],
        assignee: null,
      };
    };
    const tooLong = (text: unknown): boolean => typeof text === "string" && text.length > COMMENT_BODY_LIMIT;
    const validationFailed = (field: string): void =>
      reply(422, {
        message: "Validation Failed",
        errors: [
          {
            resource: "IssueComment",
            code: "custom",
            field,
            message: `${field} is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`,
          },
        ],
        documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
        status: "422",
      });

    switch (matched.operation.operationId) {
      case "issues/list-comments": {
        const issue = Number(matched.pathParams.issue_number);
        const all = state.comments.filter((c) => c.issue === issue);
        const perPage = Number(target.searchParams.get("per_page") ?? 30);
        const page = Number(target.searchParams.get("page") ?? 1);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = new URL(target);
          next.searchParams.set("page", String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
        return reply(200, slice.map(commentJson), headers);
      }
      case "issues/create-comment": {
        const text = (body as { body: string }).body;
        if (tooLong(text)) return validationFailed("body");
        const stored = state.seedComment({
          issue: Number(matched.pathParams.issue_number),
          body: text,
          user: { login: state.author.login, type: state.author.type },
          authorAssociation: state.author.association,
        });
        return reply(201, commentJson(stored));
      }
      case "issues/update-comment": {
        const stored = state.comments.find((c) => c.id === Number(matched.pathParams.comment_id));
        if (!stored) return reply(404, { message: "Not Found" });
        const text = (body as { body: string }).body;
        if (tooLong(text)) return validationFailed("body");
        stored.body = text;
        return reply(200, commentJson(stored));
      }
      case "checks/create":
      case "checks/update": {
        const input = body as {
          name?: string;
          head_sha?: string;
          status?: string;
          conclusion?: string;
          details_url?: string;
          output?: { title: string; summary: string; annotations?: Record<string, unknown>[] };
        };
        let run: StoredCheckRun | undefined;
        if (matched.operation.operationId === "checks/create") {
          run = {
            id: nextId++,
            name: input.name ?? "",
            headSha: input.head_sha ?? "",
            status: input.conclusion ? "completed" : (input.status ?? "queued"),
            conclusion: input.conclusion ?? null,
            output: { title: "", summary: "" },
            annotations: [],
            detailsUrl: input.details_url ?? null,
          };
          state.checkRuns.push(run);
        } else {
          run = state.checkRuns.find((r) => r.id === Number(matched.pathParams.check_run_id));
          if (!run) return reply(404, { message: "Not Found" });
          if (input.conclusion) run.conclusion = input.conclusion;
        }
        if (input.output) {
          run.output = { title: input.output.title, summary: input.output.summary };
          // Annotations accumulate across requests, as GitHub's do.
          run.annotations.push(...(input.output.annotations ?? []));
        }
        const example = exampleResponse(
          matched,
          matched.operation.operationId === "checks/create" ? "201" : "200",
        ) as Record<string, unknown>;
        return reply(matched.operation.operationId === "checks/create" ? 201 : 200, {
          ...example,
          id: run.id,
          name: run.name,
          head_sha: run.headSha,
          status: run.status,
          conclusion: run.conclusion,
          details_url: run.detailsUrl,
          html_url: `https://github.com/${owner}/${repo}/runs/${run.id}`,
          output: {
            ...(example.output as object),
            title: run.output.title,
            summary: run.output.summary,
            text: null,
            annotations_count: run.annotations.length,
          },
        });
      }
      case "pulls/list": {
        const head = target.searchParams.get("head") ?? "";
        const wanted = target.searchParams.get("state") ?? "open";
        const example = (exampleResponse(matched, "200") as Record<string, unknown>[])[0] ?? {};
        const pulls = state.pulls
          .map((p) => pullJson(p, example))
          .filter((p) => (head === "" || head === p.head.label) && (wanted === "all" || p.state === wanted));
        return reply(200, pulls);
      }
      case "pulls/get": {
        const pull = state.pulls.find((p) => p.number === Number(matched.pathParams.pull_number));
        if (!pull) return reply(404, { message: "Not Found" });
        return reply(200, pullJson(pull, exampleResponse(matched, "200") as Record<string, unknown>));
      }
      case "issues/list-for-repo": {
        const wanted = (target.searchParams.get("labels") ?? "").split(",").filter(Boolean);
        const state_ = target.searchParams.get("state") ?? "open";
        const found = state.issues.filter(
          (i) => (state_ === "all" || i.state === state_) && wanted.every((label) => i.labels.includes(label)),
        );
        return reply(
          200,
          found.map((i) => issueJson(i, "200")),
        );
      }
      case "issues/create": {
        const input = body as { title: string; body?: string; labels?: string[]; assignees?: string[] };
        if (tooLong(input.body)) return validationFailed("body");
        const created: StoredIssue = {
          number: nextId++,
          title: input.title,
          body: input.body ?? "",
          state: "open",
          stateReason: null,
          labels: input.labels ?? [],
          assignees: input.assignees ?? [],
        };
        state.issues.push(created);
        return reply(201, issueJson(created, "201"));
      }
      case "issues/update": {
        const stored = state.issues.find((i) => i.number === Number(matched.pathParams.issue_number));
        if (!stored) return reply(404, { message: "Not Found" });
        const input = body as { body?: string; state?: "open" | "closed"; state_reason?: string };
        if (tooLong(input.body)) return validationFailed("body");
        if (input.body !== undefined) stored.body = input.body;
        if (input.state !== undefined) stored.state = input.state;
        if (input.state_reason !== undefined) stored.stateReason = input.state_reason;
        return reply(200, issueJson(stored, "200"));
      }
      default:
        return reply(501, { message: `the fake does not implement ${matched.operation.operationId}` });
    }
  }

  return Object.assign(state, {
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A pull request dressed as GitHub's documented example, with its own number, state, head commit and repository. */
function pullJson(
  pull: StoredPull,
  example: Record<string, unknown>,
): Record<string, unknown> & { state: string; head: Record<string, unknown> & { label: string } } {
  const head = example.head as { repo: Record<string, unknown> & { owner: object } };
  const [owner = "", name = ""] = pull.headRepo.fullName.split("/");
  return {
    ...example,
    // GitHub's own example team lacks a field its schema requires; a pull request with no teams asked is real.
    requested_teams: [],
    number: pull.number,
    state: pull.state ?? "open",
    head: {
      ...head,
      ref: pull.headRef,
      sha: pull.headSha,
      label: `${owner}:${pull.headRef}`,
      repo: {
        ...head.repo,
        id: pull.headRepo.id,
        name,
        full_name: pull.headRepo.fullName,
        owner: { ...head.repo.owner, login: owner },
      },
    },
  };
}
