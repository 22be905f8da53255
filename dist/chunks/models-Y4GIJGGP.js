import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject
} from "./chunk-KATF5WDH.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-OBRNAMFT.js";
import {
  describeOverrides
} from "./chunk-IY6KPMTB.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import {
  buildModelPage,
  modelPageMarkdown
} from "./chunk-BQ2PPCLS.js";
import "./chunk-HHR3RJXW.js";
import {
  describeDamage,
  describeVersion,
  openRegistry
} from "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-XWUCKCS7.js";
import "./chunk-WOQKGCDT.js";
import {
  formatBytes,
  formatNumber
} from "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import {
  renderTextTable
} from "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MOKAEFJD.js";
import {
  primaryMetricOf
} from "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import {
  ExitCode,
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/models.ts
import path2 from "node:path";

// src/cli/commands/models-prune.ts
function keepOf(value) {
  if (value === void 0) {
    throw new UsageError("models prune needs --keep N: how many of the newest versions to keep (at least 1)", {
      hint: "mlops models prune --keep 10 shows what it would delete; add --apply to delete it"
    });
  }
  const keep = Number(value);
  if (typeof value !== "string" || !/^\d+$/.test(value) || !Number.isSafeInteger(keep) || keep < 1) {
    throw new UsageError(`--keep is a whole number of at least 1, not "${String(value)}"`, {
      hint: "mlops models prune --keep 10"
    });
  }
  return keep;
}
function describePrune(report, width) {
  const { pruned, kept, debris, failed } = report;
  const rows = [
    ...kept.map((v) => ({ ...v, action: "keep", why: v.reasons.join("; ") })),
    ...pruned.map((v) => ({
      ...v,
      action: report.applied ? "deleted" : "delete",
      why: `${v.objects.length} object(s)`
    }))
  ].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.version.localeCompare(b.version));
  const table = {
    headers: ["", "#", "version", "created", "size", "why"],
    rows: rows.map((r) => [
      r.action,
      r.sequence === null ? "\u2014" : String(r.sequence),
      r.version,
      r.createdAt ?? "\u2014",
      r.bytes === null ? "\u2014" : formatBytes(r.bytes),
      r.why
    ])
  };
  const bytes = pruned.reduce((total, v) => total + v.bytes, 0);
  const objects = pruned.reduce((total, v) => total + v.objects.length, 0);
  const leftovers = debris.reduce((total, d) => total + d.keys.length, 0);
  const lines = [
    `${report.model} in ${report.location}: keeping the last ${report.keep} version(s), every version an alias points or ever pointed at, and every version created less than a day ago.`,
    ...rows.length > 0 ? [renderTextTable(table, width)] : [],
    ...debris.map(
      (d) => `${report.applied ? "deleted" : "delete"} ${d.version}: ${d.keys.length} object(s) without a manifest, left by a publish (or prune) interrupted more than a day ago`
    ),
    ...report.restored.map((v) => `kept ${v}: an alias moved to it while prune ran, so its manifest was put back`),
    ...failed.map((f) => `failed: ${f.key}: ${f.problem}`)
  ];
  const what = `${pruned.length} version(s) (${formatBytes(bytes)}, ${objects} object(s))` + (debris.length > 0 ? ` and ${debris.length} interrupted publish(es) (${leftovers} object(s))` : "");
  if (!report.applied) {
    lines.push(
      pruned.length === 0 && debris.length === 0 ? "Nothing to prune." : `Dry run: would delete ${what}. Run again with --apply to delete them.`
    );
  } else if (pruned.length === 0 && debris.length === 0 && failed.length === 0) lines.push("Nothing to prune.");
  else {
    lines.push(
      `Deleted ${what}${failed.length > 0 ? `; ${failed.length} could not be deleted (failed: above)` : ""}.` + (report.record ? ` Recorded in ${report.record}.` : "")
    );
  }
  return { exitCode: failed.length > 0 ? ExitCode.checkFailed : ExitCode.ok, result: report, text: lines.join("\n") };
}

// src/cli/commands/models-report.ts
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
async function modelReport(request, args, io) {
  const summaryFile = args.values.summary === true ? io.env.GITHUB_STEP_SUMMARY : void 0;
  if (args.values.summary === true && !summaryFile) {
    throw new UsageError("--summary appends to the job summary, but GITHUB_STEP_SUMMARY is not set", {
      hint: "run it in a GitHub Actions step, or use --markdown to print the markdown"
    });
  }
  const { page, sections, html } = await buildModelPage(request);
  const out = typeof args.values.out === "string" ? path.resolve(io.cwd, args.values.out) : path.join(request.outDir, "models", `${request.model}.html`);
  const shown = path.relative(io.cwd, out) || out;
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, html);
  } catch (error) {
    throw new InputError(
      `cannot write the page to ${shown}: ${error instanceof Error ? error.message : String(error)}`,
      {
        hint: "name a file in a folder you can write with --out <file>",
        cause: error
      }
    );
  }
  const damage = page.damaged.length > 0 ? `, ${page.damaged.length} damaged object(s)` : "";
  const wrote = `Wrote the page of ${page.model} (${page.versions.length} version(s)${damage}) to ${shown}.`;
  const wantsMarkdown = args.values.markdown === true || summaryFile !== void 0;
  const markdown = wantsMarkdown ? modelPageMarkdown(sections, { fullPage: path.basename(out) }).markdown : "";
  if (summaryFile) await appendFile(summaryFile, `${markdown}
`);
  if (args.values.markdown === true) args.logger.info(wrote);
  return {
    exitCode: ExitCode.ok,
    result: { ...page, file: out },
    text: args.values.markdown === true ? markdown : wrote + (summaryFile ? " Added it to the job summary." : "")
  };
}

// src/cli/commands/models.ts
var modelsCommand = {
  name: "models",
  summary: "List versions and aliases, show one version, trace the alias history, write a model's page, check the registry, clean up interrupted publishes, or prune old versions",
  details: "A <ref> is a version id, a version number (7 or v7) or an alias (champion).\n`history --alias champion --at 2026-03-01` answers which version was champion then: at that moment, or for a\nbare date every version that served during that day (UTC).\n`fsck` checks every manifest, alias history and stored file (size and sha256) of the model and exits 1 on a\nproblem; `fsck --repair` moves damaged objects aside, removes old debris, and records what it did.\n`prune --keep N` shows which versions it would delete and which it keeps, and why: it keeps the last N, every\nversion an alias points or ever pointed at, those created less than a day ago and those with a damaged manifest.\n`prune --keep N --apply` deletes the rest (each manifest first, then its files) and old debris, and records what\nit deleted; alias history is never touched. clean, fsck --repair and prune --apply need the maintenance\npermissions on S3.\n`report [<model>]` writes the model's page (default: the config's model) as one HTML file, by default\n<workspace>/out/models/<model>.html: every version, metrics over versions, the alias history as a timeline,\neach version's card and lineage. --markdown prints it as markdown; --summary appends that to the job summary.",
  positionals: [
    { name: "action", required: false, description: "list (default), show, history, report, fsck, clean or prune" },
    {
      name: "ref",
      required: false,
      description: "for show: a version id, number or alias such as champion; for report: the model"
    }
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
      description: "report: where to write the HTML page (default: <workspace>/out/models/<model>.html)"
    },
    markdown: { type: "boolean", description: "report: print the page as markdown (a job summary's form)" },
    summary: { type: "boolean", description: "report: append the page as markdown to $GITHUB_STEP_SUMMARY" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const damaged = [];
    const registry = await openRegistry(context, {
      onDamage: (damage) => {
        damaged.push(damage);
        context.logger.warn(describeDamage(damage, registry.location));
      }
    });
    const model = context.loaded.config.model.name;
    const [action = "list", ref] = args.positionals;
    const headline = primaryMetricOf(context.loaded.config) ?? void 0;
    const alias = typeof args.values.alias === "string" ? args.values.alias : void 0;
    const at = typeof args.values.at === "string" ? args.values.at : void 0;
    if (action === "list") return withDamage(await listVersions(registry, model, headline, args.text.width), damaged);
    if (action === "show") {
      if (!ref) throw new UsageError("models show needs a version id or alias", { hint: "mlops models show champion" });
      const manifest = await registry.resolve(model, ref);
      if (!manifest)
        throw new InputError(`${model} has no version or alias "${ref}"`, { hint: "see `mlops models list`" });
      const aliases = Object.entries(await registry.aliases(model)).filter(([, version]) => version === manifest.version).map(([name]) => name);
      return { exitCode: ExitCode.ok, result: manifest, text: describeManifest(manifest, aliases) };
    }
    if (action === "history") {
      if (at !== void 0) return withDamage(await aliasAtTime(registry, model, alias ?? "champion", at), damaged);
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
          now: context.now()
        },
        args,
        io
      );
    }
    if (action === "fsck") {
      const report = await registry.fsck(model, {
        repair: args.values.repair === true,
        actor: context.provenance.actor
      });
      return describeFsck(report, args.values.repair === true);
    }
    if (action === "clean") {
      const cleaned = await registry.clean(model);
      const text = cleaned.versions.length === 0 && cleaned.uploads === 0 ? "Nothing to clean: no interrupted publish older than a day." : `Removed ${cleaned.versions.length} interrupted publish(es) (${cleaned.objects} object(s)): ${cleaned.versions.join(", ") || "\u2014"}; aborted ${cleaned.uploads} unfinished upload(s).`;
      return { exitCode: ExitCode.ok, result: { model, ...cleaned }, text };
    }
    if (action === "prune") {
      const keep = keepOf(args.values.keep);
      const apply = args.values.apply === true;
      return describePrune(
        await registry.prune(model, { keep, apply, actor: context.provenance.actor }),
        args.text.width
      );
    }
    throw new UsageError(`unknown models action "${action}"`, {
      hint: "use list, show, history, report, fsck, clean or prune"
    });
  }
};
async function listVersions(registry, model, headline, width) {
  const [versions, aliases] = await Promise.all([registry.versions(model), registry.aliases(model)]);
  const byVersion = /* @__PURE__ */ new Map();
  for (const [name, version] of Object.entries(aliases))
    byVersion.set(version, [...byVersion.get(version) ?? [], name]);
  const table = {
    headers: ["#", "version", "created", "gate", ...headline ? [headline] : [], "aliases"],
    rows: versions.map((m) => [
      m.sequence === void 0 ? "\u2014" : String(m.sequence),
      m.version,
      m.createdAt,
      m.gate?.verdict ?? "\u2014",
      ...headline ? [m.metrics[headline] === void 0 ? "\u2014" : formatNumber(m.metrics[headline])] : [],
      (byVersion.get(m.version) ?? []).join(", ")
    ])
  };
  const text = versions.length === 0 ? `No versions of ${model} in ${registry.location} yet.` : `${model} in ${registry.location}
${renderTextTable(table, width)}`;
  return { exitCode: ExitCode.ok, result: { model, registry: registry.location, versions, aliases }, text };
}
function describeManifest(m, aliases) {
  const lines = [
    `${describeVersion(m)}${aliases.length > 0 ? `, ${aliases.join(", ")}` : ""}`,
    `created   ${m.createdAt} by ${m.actor ?? "unknown"}${m.runUrl ? ` in ${m.runUrl}` : ""}`,
    `source    ${m.repository ? `${m.repository} ` : ""}${m.git.ref ?? "no ref"} ${m.git.sha ?? "no commit"}${m.git.dirty ? ` + uncommitted changes (${m.git.diff ?? "no diff hash"}: ${(m.git.changed ?? []).join(", ")})` : ""}`,
    ...m.chain ? [
      `chain     train run ${m.chain.trainRun ?? "none"}, evaluation ${m.chain.evaluation ?? "none"}, gate ${m.chain.gate ?? "none"}`
    ] : [],
    `gate      ${m.gate ? `${m.gate.verdict}${m.gate.baseline ? ` against ${m.gate.baseline}` : ""}` : "not run"}`,
    `metrics   ${Object.entries(m.metrics).map(([name, value]) => `${name} ${formatNumber(value)}`).join(", ") || "none"}`,
    `params    ${JSON.stringify(m.params)}`,
    // Said beside the commit's facts: with them, checking out `source` does not give these params.
    ...m.overrides && m.overrides.length > 0 ? [`overrides ${describeOverrides(m.overrides)} (not in the params at ${m.git.sha?.slice(0, 7) ?? "its commit"})`] : [],
    "files",
    ...m.files.map((f) => `  ${f.path}  ${formatBytes(f.size)}  sha256 ${f.sha256}`),
    ...Object.entries(m.attachments).map(([name, f]) => `  (${name}) ${f.path}  ${formatBytes(f.size)}`),
    ...m.attachments.card ? [
      `card      model card: mlops pull ${m.model}@${m.version} --card ${path2.posix.basename(m.attachments.card.path)}`
    ] : [],
    ...m.attachments.mlbom ? [
      `ml-bom    CycloneDX 1.6: mlops pull ${m.model}@${m.version} --bom ${path2.posix.basename(m.attachments.mlbom.path)}`
    ] : [],
    `kit       mlops-kit ${m.kitVersion}, ${m.format}`
  ];
  return lines.join("\n");
}
function showHistory(rows, model, width) {
  const stood = /* @__PURE__ */ new Map();
  const table = {
    headers: ["when", "alias", "from", "to", "by", "why"],
    rows: rows.map((row) => {
      if ("gap" in row) {
        const { gap } = row;
        const from2 = stood.get(gap.alias) ?? "\u2014";
        stood.set(gap.alias, "?");
        return gap.state === "quarantined" ? [
          gap.at,
          gap.alias,
          from2,
          "? (damaged entry, quarantined)",
          "\u2014",
          "moved aside by `mlops models fsck --repair`"
        ] : [gap.at, gap.alias, from2, "? (damaged entry)", "\u2014", `the entry ${gap.problem ?? "is damaged"}`];
      }
      const e = row.move;
      const from = e.from ?? (stood.get(e.alias) === "?" ? "?" : "\u2014");
      stood.set(e.alias, e.to);
      const why = e.reason + (e.forced ? " (forced)" : "") + (e.kind === "rollback" ? " (rollback)" : "") + deliveryText(e);
      return [e.at, e.alias, from, e.to, e.actor ?? "\u2014", why];
    })
  };
  const events = rows.flatMap((row) => "move" in row ? [row.move] : []);
  const gaps = rows.flatMap((row) => "gap" in row ? [row.gap] : []);
  const note = gaps.length === 0 ? "" : `
${gaps.length} move(s) marked ? are unknown: their entries are damaged or were moved aside by fsck. Where the alias pointed from each until its next move is unknown, and \`--at\` refuses those times.`;
  return {
    exitCode: ExitCode.ok,
    result: { model, events, gaps },
    text: rows.length === 0 ? "No alias has moved yet." : renderTextTable(table, width) + note
  };
}
function deliveryText(event) {
  const delivery = event.delivery;
  if (!delivery) return "";
  const approved = delivery.approvals.filter((a) => a.state === "approved").map((a) => a.user);
  const approval = delivery.approvedBy === "environment" ? approved.length > 0 ? `approved by ${approved.join(", ")} in ${delivery.environment}` : `in ${delivery.environment}, no required reviewers` : delivery.approvedBy === "dispatch" ? `dispatched by ${approved.join(", ") || "unknown"}` : "not approved: a local run";
  const deployment = delivery.deployment ? `, deployment #${delivery.deployment.id}` : "";
  const url = delivery.environmentUrl ? `, ${delivery.environmentUrl}` : "";
  return ` [deployed to ${delivery.target}, ${approval}${deployment}${url}]`;
}
function parseWhen(text) {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const start = new Date(day ? `${text}T00:00:00.000Z` : text);
  if (Number.isNaN(start.getTime())) {
    throw new UsageError(`--at expects an ISO date or time, not "${text}"`, {
      hint: "e.g. --at 2026-03-01 or --at 2026-03-01T12:00Z"
    });
  }
  return { start, end: day ? new Date(start.getTime() + 24 * 60 * 60 * 1e3 - 1) : start };
}
async function aliasAtTime(registry, model, alias, when) {
  const { start, end } = parseWhen(when);
  const served = await registry.servedDuring(model, alias, start, end);
  const text = served.length === 0 ? `${alias} did not exist yet at ${start.toISOString()}.` : served.map((e) => `${alias} -> ${e.to} since ${e.at} (by ${e.actor ?? "unknown"}: ${e.reason})`).join("\n");
  return {
    exitCode: ExitCode.ok,
    result: { model, alias, from: start.toISOString(), to: end.toISOString(), served },
    text
  };
}
function withDamage(outcome, damaged) {
  if (damaged.length === 0 || typeof outcome.result !== "object" || outcome.result === null) return outcome;
  return { ...outcome, result: { ...outcome.result, damaged } };
}
function describeFsck(report, repair) {
  const { checked, problems } = report;
  const lines = [
    `Checked ${report.model} in ${report.location}: ${checked.versions} version(s) with ${checked.files} file(s) (${formatBytes(checked.bytes)}, sha256 read back), ${checked.aliases} alias(es) with ${checked.entries} move(s).`
  ];
  for (const problem of problems) {
    lines.push(`problem: ${problem.problem}`);
    if (problem.repaired !== null) lines.push(`  repaired: ${problem.repaired}`);
    else if (problem.advice !== null) lines.push(`  not repaired: ${problem.advice}`);
    else lines.push("  `mlops models fsck --repair` repairs it");
  }
  for (const version of report.young) {
    lines.push(
      `left alone: ${version} has files but no manifest yet; it is less than a day old (a publish may still be writing it)`
    );
  }
  const left = problems.filter((p) => p.repaired === null).length;
  if (problems.length === 0) lines.push("No problems found.");
  else if (repair) {
    lines.push(
      `${problems.length} problem(s): ${problems.length - left} repaired, ${left} left.` + (report.record ? ` What was done is recorded in ${report.record}.` : "")
    );
  } else lines.push(`${problems.length} problem(s).`);
  return { exitCode: left > 0 ? ExitCode.checkFailed : ExitCode.ok, result: report, text: lines.join("\n") };
}
export {
  modelsCommand
};
