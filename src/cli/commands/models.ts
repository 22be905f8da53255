import path from "node:path";
import { primaryMetricOf } from "../../config/metrics.ts";
import { describeOverrides } from "../../config/params.ts";
import { ExitCode, InputError, UsageError } from "../../errors.ts";
import { formatBytes, formatNumber } from "../../report/format.ts";
import type { AliasEvent, HistoryRow } from "../../registry/aliases.ts";
import { describeVersion, type Manifest } from "../../registry/manifest.ts";
import { openRegistry } from "../../registry/open.ts";
import { type Damage, describeDamage } from "../../registry/damage.ts";
import type { FsckReport, Registry } from "../../registry/registry.ts";
import { renderTextTable } from "../../report/text-table.ts";
import { describePrune, keepOf } from "./models-prune.ts";
import { modelReport } from "./models-report.ts";
import type { CommandOutcome, CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";

export const modelsCommand: CommandSpec = {
  name: "models",
  summary:
    "List versions and aliases, show one version, trace the alias history, write a model's page, check the registry, clean up interrupted publishes, or prune old versions",
  details:
    "A <ref> is a version id, a version number (7 or v7) or an alias (champion).\n" +
    "`history --alias champion --at 2026-03-01` answers which version was champion then: at that moment, or for a\n" +
    "bare date every version that served during that day (UTC).\n" +
    "`fsck` checks every manifest, alias history and stored file (size and sha256) of the model and exits 1 on a\n" +
    "problem; `fsck --repair` moves damaged objects aside, removes old debris, and records what it did.\n" +
    "`prune --keep N` shows which versions it would delete and which it keeps, and why: it keeps the last N, every\n" +
    "version an alias points or ever pointed at, those created less than a day ago and those with a damaged manifest.\n" +
    "`prune --keep N --apply` deletes the rest (each manifest first, then its files) and old debris, and records what\n" +
    "it deleted; alias history is never touched. clean, fsck --repair and prune --apply need the maintenance\n" +
    "permissions on S3.\n" +
    "`report [<model>]` writes the model's page (default: the config's model) as one HTML file, by default\n" +
    "<workspace>/out/models/<model>.html: every version, metrics over versions, the alias history as a timeline,\n" +
    "each version's card and lineage. --markdown prints it as markdown; --summary appends that to the job summary.",
  positionals: [
    { name: "action", required: false, description: "list (default), show, history, report, fsck, clean or prune" },
    {
      name: "ref",
      required: false,
      description: "for show: a version id, number or alias such as champion; for report: the model",
    },
  ],
  options: {
    alias: { type: "string", valueName: "name", description: "history: only this alias (default for --at: champion)" },
    at: { type: "string", valueName: "time", description: "history: the alias at this ISO time or date (UTC)" },
    repair: { type: "boolean", description: "fsck: repair what can be repaired, and record it in the registry" },
    keep: { type: "string", valueName: "n", description: "prune: keep the last n versions (required, at least 1)" },
    apply: { type: "boolean", description: "prune: delete (without it, prune only shows what it would delete)" },
    out: {
      type: "string",
      short: "o",
      valueName: "file",
      description: "report: where to write the HTML page (default: <workspace>/out/models/<model>.html)",
    },
    markdown: { type: "boolean", description: "report: print the page as markdown (a job summary's form)" },
    summary: { type: "boolean", description: "report: append the page as markdown to $GITHUB_STEP_SUMMARY" },
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    // Damage is printed as it is met (stderr) and returned with the result (--json).
    const damaged: Damage[] = [];
    const registry = await openRegistry(context, {
      onDamage: (damage) => {
        damaged.push(damage);
        context.logger.warn(describeDamage(damage, registry.location));
      },
    });
    const model = context.loaded.config.model.name;
    const [action = "list", ref] = args.positionals;
    const headline = primaryMetricOf(context.loaded.config) ?? undefined;
    const alias = typeof args.values.alias === "string" ? args.values.alias : undefined;
    const at = typeof args.values.at === "string" ? args.values.at : undefined;
    if (action === "list") return withDamage(await listVersions(registry, model, headline, args.text.width), damaged);
    if (action === "show") {
      if (!ref) throw new UsageError("models show needs a version id or alias", { hint: "mlops models show champion" });
      const manifest = await registry.resolve(model, ref);
      if (!manifest)
        throw new InputError(`${model} has no version or alias "${ref}"`, { hint: "see `mlops models list`" });
      const aliases = Object.entries(await registry.aliases(model))
        .filter(([, version]) => version === manifest.version)
        .map(([name]) => name);
      return { exitCode: ExitCode.ok, result: manifest, text: describeManifest(manifest, aliases) };
    }
    if (action === "history") {
      if (at !== undefined) return withDamage(await aliasAtTime(registry, model, alias ?? "champion", at), damaged);
      return withDamage(showHistory(await registry.timeline(model, alias), model, args.text.width), damaged);
    }
    if (action === "report") {
      return modelReport(
        {
          registry,
          damaged,
          model: ref ?? model,
          primaryMetric: headline,
          outDir: context.workspace.outDir,
          now: context.now(),
        },
        args,
        io,
      );
    }
    if (action === "fsck") {
      const report = await registry.fsck(model, {
        repair: args.values.repair === true,
        actor: context.provenance.actor,
      });
      return describeFsck(report, args.values.repair === true);
    }
    if (action === "clean") {
      const cleaned = await registry.clean(model);
      const text =
        cleaned.versions.length === 0 && cleaned.uploads === 0
          ? "Nothing to clean: no interrupted publish older than a day."
          : `Removed ${cleaned.versions.length} interrupted publish(es) (${cleaned.objects} object(s)): ${cleaned.versions.join(", ") || "—"}; aborted ${cleaned.uploads} unfinished upload(s).`;
      return { exitCode: ExitCode.ok, result: { model, ...cleaned }, text };
    }
    if (action === "prune") {
      const keep = keepOf(args.values.keep);
      const apply = args.values.apply === true;
      return describePrune(
        await registry.prune(model, { keep, apply, actor: context.provenance.actor }),
        args.text.width,
      );
    }
    throw new UsageError(`unknown models action "${action}"`, {
      hint: "use list, show, history, report, fsck, clean or prune",
    });
  },
};

async function listVersions(
  registry: Registry,
  model: string,
  headline: string | undefined,
  width: number | undefined,
): Promise<CommandOutcome> {
  const [versions, aliases] = await Promise.all([registry.versions(model), registry.aliases(model)]);
  const byVersion = new Map<string, string[]>();
  for (const [name, version] of Object.entries(aliases))
    byVersion.set(version, [...(byVersion.get(version) ?? []), name]);
  const table = {
    headers: ["#", "version", "created", "gate", ...(headline ? [headline] : []), "aliases"],
    rows: versions.map((m) => [
      m.sequence === undefined ? "—" : String(m.sequence),
      m.version,
      m.createdAt,
      m.gate?.verdict ?? "—",
      ...(headline ? [m.metrics[headline] === undefined ? "—" : formatNumber(m.metrics[headline])] : []),
      (byVersion.get(m.version) ?? []).join(", "),
    ]),
  };
  const text =
    versions.length === 0
      ? `No versions of ${model} in ${registry.location} yet.`
      : `${model} in ${registry.location}\n${renderTextTable(table, width)}`;
  return { exitCode: ExitCode.ok, result: { model, registry: registry.location, versions, aliases }, text };
}

function describeManifest(m: Manifest, aliases: string[]): string {
  const lines = [
    `${describeVersion(m)}${aliases.length > 0 ? `, ${aliases.join(", ")}` : ""}`,
    `created   ${m.createdAt} by ${m.actor ?? "unknown"}${m.runUrl ? ` in ${m.runUrl}` : ""}`,
    `source    ${m.repository ? `${m.repository} ` : ""}${m.git.ref ?? "no ref"} ${m.git.sha ?? "no commit"}${m.git.dirty ? ` + uncommitted changes (${m.git.diff ?? "no diff hash"}: ${(m.git.changed ?? []).join(", ")})` : ""}`,
    ...(m.chain
      ? [
          `chain     train run ${m.chain.trainRun ?? "none"}, evaluation ${m.chain.evaluation ?? "none"}, gate ${m.chain.gate ?? "none"}`,
        ]
      : []),
    `gate      ${m.gate ? `${m.gate.verdict}${m.gate.baseline ? ` against ${m.gate.baseline}` : ""}` : "not run"}`,
    `metrics   ${
      Object.entries(m.metrics)
        .map(([name, value]) => `${name} ${formatNumber(value)}`)
        .join(", ") || "none"
    }`,
    `params    ${JSON.stringify(m.params)}`,
    // Said beside the commit's facts: with them, checking out `source` does not give these params.
    ...(m.overrides && m.overrides.length > 0
      ? [`overrides ${describeOverrides(m.overrides)} (not in the params at ${m.git.sha?.slice(0, 7) ?? "its commit"})`]
      : []),
    "files",
    ...m.files.map((f) => `  ${f.path}  ${formatBytes(f.size)}  sha256 ${f.sha256}`),
    ...Object.entries(m.attachments).map(([name, f]) => `  (${name}) ${f.path}  ${formatBytes(f.size)}`),
    ...(m.attachments.card
      ? [
          `card      model card: mlops pull ${m.model}@${m.version} --card ${path.posix.basename(m.attachments.card.path)}`,
        ]
      : []),
    ...(m.attachments.mlbom
      ? [
          `ml-bom    CycloneDX 1.6: mlops pull ${m.model}@${m.version} --bom ${path.posix.basename(m.attachments.mlbom.path)}`,
        ]
      : []),
    `kit       mlops-kit ${m.kitVersion}, ${m.format}`,
  ];
  return lines.join("\n");
}

function showHistory(rows: HistoryRow[], model: string, width: number | undefined): CommandOutcome {
  // A gap is a row of its own: it comes from where the alias stood, to "?"; the move after it comes from "?".
  const stood = new Map<string, string>();
  const table = {
    headers: ["when", "alias", "from", "to", "by", "why"],
    rows: rows.map((row) => {
      if ("gap" in row) {
        const { gap } = row;
        const from = stood.get(gap.alias) ?? "—";
        stood.set(gap.alias, "?");
        return gap.state === "quarantined"
          ? [
              gap.at,
              gap.alias,
              from,
              "? (damaged entry, quarantined)",
              "—",
              "moved aside by `mlops models fsck --repair`",
            ]
          : [gap.at, gap.alias, from, "? (damaged entry)", "—", `the entry ${gap.problem ?? "is damaged"}`];
      }
      const e = row.move;
      const from = e.from ?? (stood.get(e.alias) === "?" ? "?" : "—");
      stood.set(e.alias, e.to);
      const why =
        e.reason + (e.forced ? " (forced)" : "") + (e.kind === "rollback" ? " (rollback)" : "") + deliveryText(e);
      return [e.at, e.alias, from, e.to, e.actor ?? "—", why];
    }),
  };
  const events = rows.flatMap((row) => ("move" in row ? [row.move] : []));
  const gaps = rows.flatMap((row) => ("gap" in row ? [row.gap] : []));
  const note =
    gaps.length === 0
      ? ""
      : `\n${gaps.length} move(s) marked ? are unknown: their entries are damaged or were moved aside by fsck. ` +
        "Where the alias pointed from each until its next move is unknown, and `--at` refuses those times.";
  return {
    exitCode: ExitCode.ok,
    result: { model, events, gaps },
    text: rows.length === 0 ? "No alias has moved yet." : renderTextTable(table, width) + note,
  };
}

/** A deploy target's move: where, approved by whom, the deployment and its URL. */
function deliveryText(event: AliasEvent): string {
  const delivery = event.delivery;
  if (!delivery) return "";
  const approved = delivery.approvals.filter((a) => a.state === "approved").map((a) => a.user);
  const approval =
    delivery.approvedBy === "environment"
      ? approved.length > 0
        ? `approved by ${approved.join(", ")} in ${delivery.environment}`
        : `in ${delivery.environment}, no required reviewers`
      : delivery.approvedBy === "dispatch"
        ? `dispatched by ${approved.join(", ") || "unknown"}`
        : "not approved: a local run";
  const deployment = delivery.deployment ? `, deployment #${delivery.deployment.id}` : "";
  const url = delivery.environmentUrl ? `, ${delivery.environmentUrl}` : "";
  return ` [deployed to ${delivery.target}, ${approval}${deployment}${url}]`;
}

/** A moment, or for a bare date (YYYY-MM-DD) the whole UTC day. */
function parseWhen(text: string): { start: Date; end: Date } {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const start = new Date(day ? `${text}T00:00:00.000Z` : text);
  if (Number.isNaN(start.getTime())) {
    throw new UsageError(`--at expects an ISO date or time, not "${text}"`, {
      hint: "e.g. --at 2026-03-01 or --at 2026-03-01T12:00Z",
    });
  }
  return { start, end: day ? new Date(start.getTime() + 24 * 60 * 60 * 1000 - 1) : start };
}

async function aliasAtTime(registry: Registry, model: string, alias: string, when: string): Promise<CommandOutcome> {
  const { start, end } = parseWhen(when);
  const served = await registry.servedDuring(model, alias, start, end);
  const text =
    served.length === 0
      ? `${alias} did not exist yet at ${start.toISOString()}.`
      : served.map((e) => `${alias} -> ${e.to} since ${e.at} (by ${e.actor ?? "unknown"}: ${e.reason})`).join("\n");
  return {
    exitCode: ExitCode.ok,
    result: { model, alias, from: start.toISOString(), to: end.toISOString(), served },
    text,
  };
}

/** Adds the damage the reads came across to a --json result (an object), so scripts see it too. */
function withDamage(outcome: CommandOutcome, damaged: readonly Damage[]): CommandOutcome {
  if (damaged.length === 0 || typeof outcome.result !== "object" || outcome.result === null) return outcome;
  return { ...outcome, result: { ...outcome.result, damaged } };
}

function describeFsck(report: FsckReport, repair: boolean): CommandOutcome {
  const { checked, problems } = report;
  const lines = [
    `Checked ${report.model} in ${report.location}: ${checked.versions} version(s) with ${checked.files} file(s) ` +
      `(${formatBytes(checked.bytes)}, sha256 read back), ${checked.aliases} alias(es) with ${checked.entries} move(s).`,
  ];
  for (const problem of problems) {
    lines.push(`problem: ${problem.problem}`);
    if (problem.repaired !== null) lines.push(`  repaired: ${problem.repaired}`);
    else if (problem.advice !== null) lines.push(`  not repaired: ${problem.advice}`);
    else lines.push("  `mlops models fsck --repair` repairs it");
  }
  for (const version of report.young) {
    lines.push(
      `left alone: ${version} has files but no manifest yet; it is less than a day old (a publish may still be writing it)`,
    );
  }
  const left = problems.filter((p) => p.repaired === null).length;
  if (problems.length === 0) lines.push("No problems found.");
  else if (repair) {
    lines.push(
      `${problems.length} problem(s): ${problems.length - left} repaired, ${left} left.` +
        (report.record ? ` What was done is recorded in ${report.record}.` : ""),
    );
  } else lines.push(`${problems.length} problem(s).`);
  return { exitCode: left > 0 ? ExitCode.checkFailed : ExitCode.ok, result: report, text: lines.join("\n") };
}
