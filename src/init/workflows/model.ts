/**
 * A GitHub workflow as typed data: the keys our workflows use, with the comments they carry. Each workflow file
 * builds one `Workflow`; `render.ts` writes it with the `yaml` library, which does all the quoting. A new job (a
 * deploy with `environment:`, a scheduled monitor) is one more object of these types, not new YAML text.
 *
 * Key order in the objects is the order in the file: build each object in the order a reader expects.
 */

/** A value and the comments written with it (see `commentAbove`, `commentAfter`, `doubleQuoted`). */
export class Annotated<T> {
  constructor(
    readonly value: T,
    readonly annotations: {
      /** Comment lines above the value's key (in a mapping) or above the item (in a list). */
      above?: string;
      /** A comment at the end of the value's line (scalars only). */
      after?: string;
      /** Write the scalar double-quoted even where YAML would read it bare. */
      doubleQuoted?: boolean;
    },
  ) {}
}

/** A value, or the same value with comments. */
export type Annotatable<T> = T | Annotated<T>;

/** Comment lines above a key or a list item: `# why` on its own line(s). */
export function commentAbove<T>(comment: string, value: T): Annotated<T> {
  return new Annotated(value, { above: comment });
}

/** A comment at the end of a scalar's line: `id-token: write # why`. */
export function commentAfter<T extends string | number | boolean | null>(value: T, comment: string): Annotated<T> {
  return new Annotated(value, { after: comment });
}

/** A string written double-quoted though YAML would read it bare (the library still escapes it). */
export function doubleQuoted(value: string): Annotated<string> {
  return new Annotated(value, { doubleQuoted: true });
}

/** A comment line in a list with no item of its own: it is written above the next item. */
export class Note {
  constructor(readonly text: string) {}
}

export const note = (text: string): Note => new Note(text);

/** A list whose entries may be comment lines between the items (steps with a note between them). */
export type ListWithNotes<T> = (Annotatable<T> | Note)[];

export type PermissionScope =
  | "actions"
  | "attestations"
  | "checks"
  | "contents"
  | "deployments"
  | "id-token"
  | "issues"
  | "packages"
  | "pages"
  | "pull-requests"
  | "statuses";

/** `permissions:` of a workflow or a job; `{}` grants nothing. */
export type Permissions = Partial<Record<PermissionScope, Annotatable<"read" | "write" | "none">>>;

export type ScalarValue = string | number | boolean;

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  "continue-on-error"?: Annotatable<boolean>;
  /** An action: `owner/repo/path@ref`, a third-party one pinned by SHA with its version as a comment after it. */
  uses?: Annotatable<string>;
  with?: Record<string, Annotatable<ScalarValue>>;
  env?: Record<string, string>;
  "working-directory"?: string;
  run?: string;
}

/** Runner labels: one label or several (all must match). */
export type RunsOn = string | string[];

export interface Job {
  /** The name GitHub shows, and the check run's name. */
  name?: string;
  needs?: string | string[];
  if?: string;
  "runs-on": RunsOn;
  /** A deployment environment: its protection rules (reviewers, branches) gate the job. */
  environment?: string | { name: string; url?: string };
  "timeout-minutes"?: number;
  /** A job's own concurrency group (a deploy target's): jobs of other runs in the group wait for it. */
  concurrency?: Annotatable<Concurrency>;
  /** A matrix from an expression (`${{ fromJSON(...) }}`) or written out (`shard: [1, 2, 3]`). */
  strategy?: { "fail-fast"?: boolean; matrix: string | Record<string, ScalarValue[]> };
  permissions: Permissions;
  outputs?: Record<string, string>;
  steps: ListWithNotes<Step>;
}

/** An input of `workflow_dispatch` or `workflow_call`. */
export interface WorkflowInput {
  description: string;
  type: "string" | "boolean" | "number" | "choice";
  /** GitHub asks for it before it dispatches the run (not enforced for `workflow_call` defaults). */
  required?: boolean;
  default?: ScalarValue;
  /** The values of a `choice` input, in the order the dispatch form lists them. */
  options?: string[];
}

export interface ScheduleEntry {
  cron: Annotatable<string>;
  /** An IANA time zone; absent means UTC. */
  timezone?: string;
}

/** The `on:` events our workflows use; `null` is an event with no filter (`pull_request:`). */
export interface Triggers {
  pull_request?: Annotatable<null>;
  push?: { branches: string[] };
  workflow_run?: { workflows: string[]; types: string[] };
  schedule?: ScheduleEntry[];
  workflow_dispatch?: null | { inputs: Record<string, WorkflowInput> };
  workflow_call?: { inputs: Record<string, WorkflowInput> };
}

export interface Concurrency {
  group: string;
  "cancel-in-progress"?: boolean;
  /** `max` keeps every pending run, in order (GitHub's parser knows it; actionlint does not yet). */
  queue?: "max";
}

export interface Workflow {
  /** The comment at the top of the file: what the workflow does and why it is shaped so. */
  header: string;
  name: string;
  on: Triggers;
  permissions: Permissions;
  concurrency?: Annotatable<Concurrency>;
  jobs: Record<string, Job>;
}
