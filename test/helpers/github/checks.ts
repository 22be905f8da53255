import { exampleResponse } from "../openapi.ts";
import { type Handler, type RequestContext, notFound } from "./context.ts";

/** Check runs (with their annotations) and pull requests (with their heads' repositories). */

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

export interface ChecksState {
  checkRuns: StoredCheckRun[];
  pulls: StoredPull[];
}

interface CheckRunInput {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  details_url?: string;
  output?: { title: string; summary: string; annotations?: Record<string, unknown>[] };
}

function writeCheckRun(state: ChecksState, context: RequestContext): void {
  const input = context.body as CheckRunInput;
  const creating = context.operationId === "checks/create";
  let run: StoredCheckRun | undefined;
  if (creating) {
    run = {
      id: context.nextId(),
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
    run = state.checkRuns.find((r) => r.id === Number(context.matched.pathParams.check_run_id));
    if (!run) return notFound(context);
    if (input.conclusion) run.conclusion = input.conclusion;
  }
  if (input.output) {
    run.output = { title: input.output.title, summary: input.output.summary };
    // Annotations accumulate across requests, as GitHub's do.
    run.annotations.push(...(input.output.annotations ?? []));
  }
  const status = creating ? 201 : 200;
  const example = exampleResponse(context.matched, String(status)) as Record<string, unknown>;
  context.reply(status, {
    ...example,
    id: run.id,
    name: run.name,
    head_sha: run.headSha,
    status: run.status,
    conclusion: run.conclusion,
    details_url: run.detailsUrl,
    html_url: `https://github.com/${context.owner}/${context.repo}/runs/${run.id}`,
    output: {
      ...(example.output as object),
      title: run.output.title,
      summary: run.output.summary,
      text: null,
      annotations_count: run.annotations.length,
    },
  });
}

export function checkHandlers(state: ChecksState): Record<string, Handler> {
  return {
    "checks/create": (context) => writeCheckRun(state, context),
    "checks/update": (context) => writeCheckRun(state, context),
    "pulls/list": (context) => {
      const head = context.target.searchParams.get("head") ?? "";
      const wanted = context.target.searchParams.get("state") ?? "open";
      const example = (exampleResponse(context.matched, "200") as Record<string, unknown>[])[0] ?? {};
      const pulls = state.pulls
        .map((p) => pullJson(p, example))
        .filter((p) => (head === "" || head === p.head.label) && (wanted === "all" || p.state === wanted));
      context.reply(200, pulls);
    },
    "pulls/get": (context) => {
      const pull = state.pulls.find((p) => p.number === Number(context.matched.pathParams.pull_number));
      if (!pull) return notFound(context);
      context.reply(200, pullJson(pull, exampleResponse(context.matched, "200") as Record<string, unknown>));
    },
  };
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
