import { ExitCode, InputError, UsageError } from "../../errors.ts";
import { openRegistry } from "../../registry/open.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";

export const promoteCommand: CommandSpec = {
  name: "promote",
  summary: "Point an alias (default champion) at a version, recording who, when and why",
  positionals: [{ name: "version", required: true, description: "the version id (see `mlops models`)" }],
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" },
    force: { type: "boolean", description: "Promote even though the version's gate did not pass (recorded as forced)" },
  },
  run: async (args, io) => {
    const [version] = args.positionals;
    if (!version)
      throw new UsageError("promote needs a version id", { hint: "mlops promote <version> --alias champion" });
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const manifest = await registry.version(model, version);
    if (!manifest) throw new InputError(`${model} has no version ${version}`, { hint: "see `mlops models list`" });
    const alias = String(args.values.alias ?? "champion");
    const force = args.values.force === true;
    if (manifest.gate?.verdict !== "pass" && !force) {
      return {
        exitCode: ExitCode.checkFailed,
        result: {
          promoted: false,
          model,
          version,
          alias,
          reason: `its gate verdict is ${manifest.gate?.verdict ?? "missing"}`,
        },
        text: `Not promoted: ${version}'s gate verdict is ${manifest.gate?.verdict ?? "missing"}. Use --force to promote anyway (it is recorded).`,
      };
    }
    const event = await registry.moveAlias(model, alias, version, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: typeof args.values.reason === "string" ? args.values.reason : "promoted by hand",
      runUrl: context.provenance.runUrl,
      forced: force && manifest.gate?.verdict !== "pass",
    });
    return {
      exitCode: ExitCode.ok,
      result: { promoted: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to}`,
    };
  },
};
