import type { CanaryConfig } from "../config/schema/index.ts";
import { describeFailure, runCommand } from "../command/run-command.ts";
import { redactorFor } from "../command/redact.ts";
import type { StageContext } from "../context/context.ts";

/**
 * A canary judged by a command instead of logs (e.g. a Prometheus query): it prints the canary's figures as one JSON
 * object of numbers on stdout, `{"error_rate": 0.004, "latency_p95": 180}`. Its output is read whole up to a bound, so
 * a command that prints a log file cannot fill the memory; anything but an object of finite numbers is a failure with
 * the reason, since a canary never passes on figures it could not read.
 */

const MAX_OUTPUT_BYTES = 1024 * 1024;

export type CommandFigures = { figures: Record<string, number> } | { failed: string };

export async function canaryCommandFigures(
  context: StageContext,
  canary: CanaryConfig,
  subject: { model: string; version: string; alias: string; since: Date },
): Promise<CommandFigures> {
  const command = canary.command ?? "";
  const env = {
    ...context.env,
    MLOPS_MODEL: subject.model,
    MLOPS_VERSION: subject.version,
    MLOPS_ALIAS: subject.alias,
    MLOPS_SINCE: subject.since.toISOString(),
  };
  const redact = redactorFor(env);
  const timeoutMs = canary.timeout_minutes * 60_000;
  const lines: string[] = [];
  let bytes = 0;
  context.logger.info(`$ ${redact(command)}`);
  const result = await runCommand({
    command,
    cwd: context.loaded.root,
    env,
    logger: context.logger,
    label: "canary metrics",
    redact,
    timeoutMs,
    onStdoutLine: (line) => {
      bytes += line.length + 1;
      if (bytes <= MAX_OUTPUT_BYTES) lines.push(line);
    },
  });
  if (result.exitCode !== 0)
    return { failed: describeFailure("the canary's metrics command", redact(command), result, timeoutMs) };
  if (bytes > MAX_OUTPUT_BYTES)
    return { failed: `the canary's metrics command printed more than 1 MiB: print one JSON object` };
  return parseFigures(lines.join("\n"));
}

export function parseFigures(text: string): CommandFigures {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const last = text.trim().split("\n").at(-1) ?? "";
    return {
      failed: `the canary's metrics command did not print a JSON object (its output ends: ${last.slice(0, 200)})`,
    };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { failed: "the canary's metrics command printed JSON that is not an object of figures" };
  }
  const figures: Record<string, number> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return { failed: `the canary's figure "${name}" is ${JSON.stringify(value)}, not a finite number` };
    }
    figures[name] = value;
  }
  return { figures };
}
