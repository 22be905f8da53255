import { InputError } from "../errors.ts";
import { describePathProblem, relativePathProblem } from "../files/safe-path.ts";

/**
 * Object keys come from configs and manifests (untrusted text, DOMAIN.md §4). A key is a relative path whose every
 * segment is a real name: besides what {@link relativePathProblem} refuses, no empty, `.` or `..` segment, so
 * `m/versions/../aliases/x` cannot reach another folder of the store even when it stays inside the store.
 */
export function checkKey(key: string): string {
  const problem = relativePathProblem(key);
  if (problem) throw new InputError(`refusing object key "${key}": ${describePathProblem(problem)}`);
  if (key.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw new InputError(`refusing object key "${key}": it has an empty, "." or ".." segment`);
  }
  return key;
}

/** A listing prefix: "" (everything) or a key with an optional trailing slash. Returns it without the slash. */
export function checkPrefix(prefix: string): string {
  const bare = prefix.replace(/\/$/, "");
  return bare === "" ? "" : checkKey(bare);
}
