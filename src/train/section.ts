import type { Block, Section } from "../report/sections.ts";
import { describeRun, type TrainResult } from "./train.ts";
import { formatBytes } from "../report/format.ts";

/**
 * The train stage's report (job summary, terminal): what ran with which params, how long it took, and what the run
 * cache did: a hit names the earlier run whose outputs were restored (DOMAIN.md §5 "reused from run X").
 */
export function trainSection(result: TrainResult): Section {
  if (result.status === "skipped")
    return {
      title: "Training",
      status: "skipped",
      headline: "no train section",
      blocks: [{ kind: "text", text: "No train section in the config." }],
    };
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const hit = result.cache.status === "hit" && result.cache.reusedFrom !== null;
  const blocks: Block[] = [
    {
      kind: "text",
      text: hit
        ? `${result.command ?? ""} — not run: cache hit, outputs restored in ${seconds(result.durationMs)}.`
        : `${result.command ?? ""} — ${seconds(result.durationMs)}, exit code ${result.exitCode ?? "none"}${result.peakMemoryBytes === null ? "" : `, peak memory ${formatBytes(result.peakMemoryBytes)}`}.`,
    },
  ];
  if (result.leg) blocks.push({ kind: "text", text: `Sweep leg ${result.leg.id}: ${result.leg.name}.` });
  blocks.push({ kind: "text", text: cacheLine(result) });
  const params = Object.entries(result.params);
  if (params.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["param", "value"],
        rows: params.map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
      },
    });
  }
  if (result.failure) {
    blocks.push({ kind: "text", text: result.failure });
    // The terminal and the step log showed the output as it ran; a job summary or PR comment has only this.
    if (result.logTail.length > 0) {
      blocks.push({
        kind: "details",
        summary: "Last lines of its output",
        blocks: [{ kind: "code", text: result.logTail.slice(-20).join("\n") }],
        terminal: "never",
      });
    }
  }
  if (result.outputs.length > 0) {
    blocks.push({
      kind: "details",
      summary: `Outputs (${result.outputs.length} files)`,
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["file", "bytes", "sha256"],
            rows: result.outputs.map((o) => [o.path, String(o.size), o.sha256.slice(0, 12)]),
            align: ["left", "right", "left"],
          },
        },
      ],
    });
  }
  const headline =
    result.status !== "ok"
      ? `exit code ${result.exitCode ?? "none"}`
      : hit
        ? `cache hit, ${result.outputs.length} output file(s) restored`
        : `${seconds(result.durationMs)}, ${result.outputs.length} output file(s)${result.cache.status === "off" ? "" : ", cache miss"}`;
  return { title: "Training", status: result.status === "ok" ? "ok" : "failed", headline, blocks };
}

function cacheLine(result: TrainResult): string {
  const { cache } = result;
  const where = cache.location ? ` (${cache.backend}: ${cache.location})` : "";
  const key = cache.key ? `, key ${cache.key.slice(-64, -52)}` : "";
  const notes = cache.notes.length > 0 ? ` Notes: ${cache.notes.join("; ")}.` : "";
  switch (cache.status) {
    case "hit":
      return `Run cache: hit${where}${key}. Reused the outputs of run ${cache.reusedFrom ? describeRun(cache.reusedFrom) : "?"}.${notes}`;
    case "off":
      return `Run cache: off.${notes}`;
    case "forced":
      return `Run cache: skipped (--force)${where}${key}; ${cache.saved ? "the new outputs were saved" : "not saved"}.${notes}`;
    default:
      return `Run cache: ${cache.status}${where}${key}; ${cache.saved ? "this run's outputs were saved" : "this run's outputs were not saved"}.${notes}`;
  }
}
