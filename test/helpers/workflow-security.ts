import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { KIT_VERSION } from "../../src/version.ts";

/**
 * "Secure by default", checked (issue 7, PLATFORM.md "Pull requests, checks, security"): every workflow we ship or
 * `mlops init` writes must pass these rules. Each finding names the rule, the job/step and the line.
 *
 * 1. permissions: the workflow sets read-only (or empty) top-level permissions and every job declares its own;
 *    never write-all / read-all.
 * 2. pinned: every `uses:` of another repository, our own actions (`mlops-kit/mlops-kit/...`) included, is pinned to a
 *    full 40-hex commit SHA with a `# vX.Y.Z` comment. Only `./...` and `$/...` (this repository at the running commit)
 *    are exempt.
 * 3. injection: no untrusted context (`github.event.*`, `github.head_ref`, `inputs.*`) pasted into a `run:` script.
 * 4. pwn-request: no checkout of pull-request code in a `pull_request_target` workflow.
 * 5. cache: no cache writes in workflows triggered by untrusted or privileged events (pull_request_target,
 *    workflow_run, issue_comment): a poisoned cache would reach the default branch.
 */

export interface SecurityFinding {
  rule: "permissions" | "pinned" | "injection" | "pwn-request" | "cache";
  where: string;
  line: number;
  message: string;
}

const UNTRUSTED_IN_RUN = /\$\{\{[^}]*\b(github\.event\.|github\.head_ref|inputs\.)/;
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /^\s*v\d+(\.\d+){0,2}\s*$/;
const PRIVILEGED_TRIGGERS = ["pull_request_target", "workflow_run", "issue_comment"];
/** Steps that write a cache unless told not to. */
const CACHE_WRITERS = [
  /^actions\/cache@/,
  /^actions\/cache\/save@/,
  /^mlops-kit\/mlops-kit\/actions\/train@/,
  /^\$\/actions\/train$/,
];

export function checkWorkflowSecurity(text: string, file: string): SecurityFinding[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const root = doc.contents;
  const findings: SecurityFinding[] = [];
  const lineOf = (node: unknown): number => {
    const start = (node as { range?: [number] } | undefined)?.range?.[0] ?? 0;
    return lines.linePos(start).line;
  };
  const add = (rule: SecurityFinding["rule"], where: string, node: unknown, message: string): void => {
    findings.push({ rule, where: `${file}: ${where}`, line: lineOf(node), message });
  };
  if (!isMap(root)) return [{ rule: "permissions", where: file, line: 1, message: "not a workflow mapping" }];

  const triggers = triggerNames(get(root, "on") ?? get(root, true));
  const privileged = triggers.filter((t) => PRIVILEGED_TRIGGERS.includes(t));

  const topPermissions = get(root, "permissions");
  if (topPermissions !== undefined) checkPermissionValue(topPermissions, "workflow", add, { topLevel: true });

  const jobs = get(root, "jobs");
  if (!isMap(jobs)) return findings;
  for (const pair of jobs.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !isMap(pair.value)) continue;
    const jobName = String(pair.key.value);
    const job = pair.value;
    const permissions = get(job, "permissions");
    // A job that calls a reusable workflow gets its permissions from the caller's `permissions:` too.
    if (permissions === undefined)
      add("permissions", `job ${jobName}`, pair.key, "the job declares no `permissions:` (least privilege per job)");
    else checkPermissionValue(permissions, `job ${jobName}`, add, { topLevel: false });

    const uses = get(job, "uses");
    if (isScalar(uses)) checkUses(String(uses.value), uses, `job ${jobName}`, text, lines, add);

    const steps = get(job, "steps");
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      if (!isMap(step)) return;
      const where = `job ${jobName}, step ${stepName(step) ?? index + 1}`;
      const run = get(step, "run");
      if (isScalar(run) && UNTRUSTED_IN_RUN.test(String(run.value))) {
        add(
          "injection",
          where,
          run,
          "an untrusted context is pasted into a run: script; pass it through env: and quote it",
        );
      }
      const stepUses = get(step, "uses");
      if (!isScalar(stepUses)) return;
      const action = String(stepUses.value);
      checkUses(action, stepUses, where, text, lines, add);
      if (triggers.includes("pull_request_target") && /^actions\/checkout@/.test(action)) {
        const ref = get(get(step, "with"), "ref");
        const refText = isScalar(ref) ? String(ref.value) : "";
        if (/pull_request\.head|head_ref|refs\/pull\//.test(refText)) {
          add("pwn-request", where, stepUses, "checks out pull-request code in a pull_request_target workflow");
        }
      }
      if (privileged.length > 0 && CACHE_WRITERS.some((writer) => writer.test(action)) && !cacheWritesDisabled(step)) {
        add("cache", where, stepUses, `writes a cache in a workflow triggered by ${privileged.join(", ")}`);
      }
    });
  }
  return findings;
}

function checkPermissionValue(
  value: unknown,
  where: string,
  add: (rule: SecurityFinding["rule"], where: string, node: unknown, message: string) => void,
  options: { topLevel: boolean },
): void {
  if (isScalar(value)) {
    const text = String(value.value);
    if (text === "write-all" || text === "read-all")
      add("permissions", where, value, `\`permissions: ${text}\` grants every scope`);
    return;
  }
  if (!isMap(value)) return;
  if (options.topLevel) {
    for (const pair of value.items) {
      if (isPair(pair) && isScalar(pair.value) && String(pair.value.value) === "write") {
        add(
          "permissions",
          where,
          pair.value,
          `workflow-level \`${String((pair.key as Node & { value?: unknown }).value)}: write\` reaches every job; grant it per job`,
        );
      }
    }
  }
}

function checkUses(
  action: string,
  node: Node,
  where: string,
  text: string,
  lines: LineCounter,
  add: (rule: SecurityFinding["rule"], where: string, node: unknown, message: string) => void,
): void {
  if (action.startsWith("./") || action.startsWith("$/")) return;
  if (action.startsWith("docker://")) {
    if (!/@sha256:[0-9a-f]{64}$/.test(action)) add("pinned", where, node, `${action} is not pinned to a digest`);
    return;
  }
  if (!PINNED.test(action)) {
    add("pinned", where, node, `${action} is not pinned to a full commit SHA`);
    return;
  }
  const line = lines.linePos(node.range?.[0] ?? 0).line;
  const comment = (text.split("\n")[line - 1] ?? "").split("#")[1];
  if (comment === undefined || !VERSION_COMMENT.test(comment))
    add("pinned", where, node, `${action} has no \`# vX.Y.Z\` comment naming its version`);
}

/** Our train action writes the run cache unless `cache: read` (or off); actions/cache/restore never writes. */
function cacheWritesDisabled(step: Node): boolean {
  const cache = get(get(step, "with"), "cache");
  return isScalar(cache) && ["read", "off", "false", "none"].includes(String(cache.value));
}

function triggerNames(on: unknown): string[] {
  if (isScalar(on)) return [String(on.value)];
  if (isSeq(on)) return on.items.filter(isScalar).map((item) => String(item.value));
  if (isMap(on)) return on.items.filter(isPair).map((pair) => String((pair.key as { value?: unknown }).value));
  return [];
}

function get(node: unknown, key: string | boolean): Node | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
  return (pair?.value as Node | null | undefined) ?? undefined;
}

function stepName(step: Node): string | undefined {
  const name = get(step, "name");
  return isScalar(name) ? String(name.value) : undefined;
}

/**
 * The README and docs/ name the kit's own actions and workflows by this version's release tag (a commit cannot hold its own
 * SHA); whoever copies a snippet pins the tag's commit, as `mlops init` does. The rules are checked on that form.
 */
export const KIT_USES = /(uses: mlops-kit\/mlops-kit\/[\w./-]+)@(\S+)/g;
export const asPinned = (text: string): string =>
  text.replace(KIT_USES, (_, action: string) => `${action}@${"0".repeat(40)} # v${KIT_VERSION}`);
