import { credentialSecrets } from "../store/credentials.ts";

/**
 * Secrets never reach a record, a log tail or a report (DOMAIN.md §6). The values of secrets visible to a user's
 * command (its environment) are replaced with `***` in every line of its output before the line is printed or kept,
 * so the run record's log tail, a failure message and the job summary cannot carry them.
 *
 * A secret is the value of a variable whose name says so (TOKEN, SECRET, PASSWORD, KEY, CREDENTIAL), or one of the
 * AWS credentials an action masks in the job log. Values shorter than {@link MIN_SECRET_LENGTH} are left alone: a
 * variable set to `1` or `true` must not turn every `1` in a log into `***`.
 */

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i;
export const MIN_SECRET_LENGTH = 6;
export const REDACTED = "***";

/** The secret values in an environment, each line of a multi-line value on its own (a PEM key prints line by line). */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  const values = new Set<string>();
  const add = (value: string): void => {
    for (const line of value.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed.length >= MIN_SECRET_LENGTH) values.add(trimmed);
    }
    if (value.trim().length >= MIN_SECRET_LENGTH) values.add(value.trim());
  };
  for (const [name, value] of Object.entries(env)) if (value && SECRET_NAME.test(name)) add(value);
  for (const value of credentialSecrets(env)) add(value);
  return [...values];
}

export type Redactor = (text: string) => string;

/** Replaces every occurrence of each secret with `***`, longest first (so a secret inside another is not half-cut). */
export function createRedactor(secrets: readonly string[]): Redactor {
  if (secrets.length === 0) return (text) => text;
  const pattern = new RegExp(
    [...secrets]
      .sort((a, b) => b.length - a.length)
      .map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|"),
    "g",
  );
  return (text) => text.replace(pattern, REDACTED);
}

/** The redactor for a command run with `env`. */
export function redactorFor(env: NodeJS.ProcessEnv): Redactor {
  return createRedactor(secretValues(env));
}
