import { ExitCode } from "../../errors.ts";
import { openRegistry } from "../../registry/open.ts";
import { refuseServedAlias } from "../../deploy/deploy.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";

export const rollbackCommand: CommandSpec = {
  name: "rollback",
  summary: "Move an alias (default champion) back to the version it stood on before, recording it in the history",
  details:
    "Each rollback goes one step further back (v1, v2, v3 promoted: rollback -> v2, rollback again -> v1).\n" +
    "To go to any other version, use `mlops promote <version>`.",
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move back" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" },
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const alias = String(args.values.alias ?? "champion");
    refuseServedAlias(context.loaded.config, alias, "--version <the version before>");
    const event = await registry.rollback(model, alias, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: typeof args.values.reason === "string" ? args.values.reason : "",
      runUrl: context.provenance.runUrl,
    });
    return {
      exitCode: ExitCode.ok,
      result: { rolledBack: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to} (rolled back)`,
    };
  },
};
