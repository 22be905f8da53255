import { exampleResponse, findOperation } from "../openapi.ts";
import { type Handler, type RequestContext, errorBody, notFound, paginate, validationFailed } from "./context.ts";

/** Issue comments and issues: what the kit's reports and retraining loop post. */

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
  authorAssociation: string;
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

export interface IssuesState {
  comments: StoredComment[];
  issues: StoredIssue[];
  /** Workflow runs asked for through the API (workflow_dispatch), in order. */
  dispatches: { workflow: string; ref: string; inputs: Record<string, unknown> }[];
  /** The author of comments this token writes. */
  author: { login: string; type: "Bot" | "User"; association: string };
  seedComment(comment: Omit<StoredComment, "id">): StoredComment;
}

export const COMMENT_BODY_LIMIT = 65_536;

/** GitHub's documented example of an issue comment, which the fake's comments are dressed as. */
function issueCommentExample(): Record<string, unknown> {
  const create = findOperation("POST", "/repos/o/r/issues/1/comments");
  if (!create) throw new Error("GitHub's description lacks issues/create-comment");
  return exampleResponse(create, "201") as Record<string, unknown>;
}

function commentJson(context: RequestContext, c: StoredComment): unknown {
  const { owner, repo, hosts } = context;
  const base = issueCommentExample();
  return {
    ...base,
    id: c.id,
    node_id: `IC_${c.id}`,
    body: c.body,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${hosts.api}/repos/${owner}/${repo}/issues/${c.issue}`,
    url: `${hosts.api}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    user: { ...(base.user as object), login: c.user.login, type: c.user.type },
    author_association: c.authorAssociation,
  };
}

/** An issue dressed as GitHub's documented example of the operation's response. */
function issueJson(context: RequestContext, i: StoredIssue, status: string): unknown {
  const { owner, repo, hosts } = context;
  const example = exampleResponse(context.matched, status) as Record<string, unknown> | Record<string, unknown>[];
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
    url: `${hosts.api}/repos/${owner}/${repo}/issues/${i.number}`,
    labels: i.labels.map((name, index) => ({
      ...((base.labels as object[] | undefined)?.[0] ?? {}),
      id: index + 1,
      name,
    })),
    assignees: [],
    assignee: null,
  };
}

const tooLong = (text: unknown): boolean => typeof text === "string" && text.length > COMMENT_BODY_LIMIT;

function bodyTooLong(context: RequestContext): void {
  validationFailed(context, {
    resource: "IssueComment",
    code: "custom",
    field: "body",
    message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`,
  });
}

export function issueHandlers(state: IssuesState): Record<string, Handler> {
  return {
    "issues/list-comments": (context) => {
      const issue = Number(context.matched.pathParams.issue_number);
      const { page, headers } = paginate(
        state.comments.filter((c) => c.issue === issue),
        context.target,
      );
      context.reply(
        200,
        page.map((c) => commentJson(context, c)),
        headers,
      );
    },
    "issues/create-comment": (context) => {
      const text = (context.body as { body: string }).body;
      if (tooLong(text)) return bodyTooLong(context);
      const stored = state.seedComment({
        issue: Number(context.matched.pathParams.issue_number),
        body: text,
        user: { login: state.author.login, type: state.author.type },
        authorAssociation: state.author.association,
      });
      context.reply(201, commentJson(context, stored));
    },
    "issues/update-comment": (context) => {
      const stored = state.comments.find((c) => c.id === Number(context.matched.pathParams.comment_id));
      if (!stored) return notFound(context);
      const text = (context.body as { body: string }).body;
      if (tooLong(text)) return bodyTooLong(context);
      stored.body = text;
      context.reply(200, commentJson(context, stored));
    },
    "issues/list-for-repo": (context) => {
      const wanted = (context.target.searchParams.get("labels") ?? "").split(",").filter(Boolean);
      const status = context.target.searchParams.get("state") ?? "open";
      const found = state.issues.filter(
        (i) => (status === "all" || i.state === status) && wanted.every((label) => i.labels.includes(label)),
      );
      context.reply(
        200,
        found.map((i) => issueJson(context, i, "200")),
      );
    },
    "issues/create": (context) => {
      const input = context.body as { title: string; body?: string; labels?: string[]; assignees?: string[] };
      if (tooLong(input.body)) return bodyTooLong(context);
      const created: StoredIssue = {
        number: context.nextId(),
        title: input.title,
        body: input.body ?? "",
        state: "open",
        stateReason: null,
        labels: input.labels ?? [],
        assignees: input.assignees ?? [],
      };
      state.issues.push(created);
      context.reply(201, issueJson(context, created, "201"));
    },
    "actions/create-workflow-dispatch": (context) => {
      const input = context.body as { ref: string; inputs?: Record<string, unknown> };
      state.dispatches.push({
        workflow: String(context.matched.pathParams.workflow_id),
        ref: input.ref,
        inputs: input.inputs ?? {},
      });
      context.reply(204, undefined);
    },
    "issues/update": (context) => {
      const stored = state.issues.find((i) => i.number === Number(context.matched.pathParams.issue_number));
      if (!stored) return context.reply(404, errorBody(context, 404, "Not Found"));
      const input = context.body as { body?: string; state?: "open" | "closed"; state_reason?: string };
      if (tooLong(input.body)) return bodyTooLong(context);
      if (input.body !== undefined) stored.body = input.body;
      if (input.state !== undefined) stored.state = input.state;
      if (input.state_reason !== undefined) stored.stateReason = input.state_reason;
      context.reply(200, issueJson(context, stored, "200"));
    },
  };
}
