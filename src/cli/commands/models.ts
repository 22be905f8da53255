import { ExitCode, InputError, UsageError } from "../../errors.ts";
import { formatNumber } from "../../gate/rules.ts";
import { openRegistry } from "../../registry/open.ts";
import { renderTextTable } from "../../report/table.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";

export const modelsCommand: CommandSpec = {
  name: "models",
  summary: "List the model's versions and aliases (list), one version (show <ref>), or the alias history (history)",
  positionals: [
    { name: "action", required: false, description: "list (default), show or history" },
    { name: "ref", required: false, description: "for show: a version id or an alias such as champion" },
  ],
  run: async (args, io) => {
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const [action = "list", ref] = args.positionals;
    if (action === "list") {
      const [versions, aliases] = await Promise.all([registry.versions(model), registry.aliases(model)]);
      const byVersion = new Map<string, string[]>();
      for (const [alias, version] of Object.entries(aliases))
        byVersion.set(version, [...(byVersion.get(version) ?? []), alias]);
      const headline = context.loaded.config.gate?.primary_metric ?? context.loaded.config.gate?.rules[0]?.metric;
      const table = {
        headers: ["version", "created", "gate", ...(headline ? [headline] : []), "aliases"],
        rows: versions.map((m) => [
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
          : `${model} in ${registry.location}\n${renderTextTable(table)}`;
      return { exitCode: ExitCode.ok, result: { model, registry: registry.location, versions, aliases }, text };
    }
    if (action === "show") {
      if (!ref) throw new UsageError("models show needs a version id or alias", { hint: "mlops models show champion" });
      const manifest = await registry.resolve(model, ref);
      if (!manifest)
        throw new InputError(`${model} has no version or alias "${ref}"`, { hint: "see `mlops models list`" });
      return { exitCode: ExitCode.ok, result: manifest, text: JSON.stringify(manifest, null, 2) };
    }
    if (action === "history") {
      const events = await registry.history(model);
      const table = {
        headers: ["when", "alias", "from", "to", "by", "why"],
        rows: events.map((e) => [
          e.at,
          e.alias,
          e.from ?? "—",
          e.to,
          e.actor ?? "—",
          e.reason + (e.forced ? " (forced)" : ""),
        ]),
      };
      return {
        exitCode: ExitCode.ok,
        result: { model, events },
        text: events.length === 0 ? "No alias has moved yet." : renderTextTable(table),
      };
    }
    throw new UsageError(`unknown models action "${action}"`, { hint: "use list, show or history" });
  },
};
