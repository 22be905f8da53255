import { ExitCode, InputError, UsageError } from "../../errors.ts";
import { describeCommit } from "../../context/provenance.ts";
import { describeOverrides } from "../../config/params.ts";
import { openRegistry } from "../../registry/open.ts";
import { refuseServedAlias } from "../../deploy/deploy.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";
import { PublishOptions } from "../../stages/publish.ts";
import { cliOptions } from "../stage-command.ts";

export const promoteCommand: CommandSpec = {
  name: "promote",
  summary: "Point an alias (default champion) at a version, recording who, when and why",
  details:
    "<version> may also be a version number (7 or v7) or an alias whose version to promote (staging).\n" +
    "Refuses (exit 1) a version whose gate did not pass unless --force, and one built from uncommitted changes\n" +
    "or trained with --set overrides unless --allow-dirty; either override is recorded in the alias history.",
  positionals: [{ name: "version", required: true, description: "the version id (see `mlops models`)" }],
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" },
    force: { type: "boolean", description: "Promote even though the version's gate did not pass (recorded as forced)" },
    ...cliOptions(PublishOptions),
  },
  run: async (args, io) => {
    const [ref] = args.positionals;
    if (!ref) throw new UsageError("promote needs a version id", { hint: "mlops promote <version> --alias champion" });
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const manifest = await registry.resolve(model, ref);
    if (!manifest) throw new InputError(`${model} has no version ${ref}`, { hint: "see `mlops models list`" });
    const { version } = manifest;
    const alias = String(args.values.alias ?? "champion");
    refuseServedAlias(context.loaded.config, alias, `--version ${ref}`);
    // A move to where the alias stands would add a "from v to v" entry that says nothing: no move, nothing written.
    // An alias whose last move is damaged is left out here, so promoting still repairs it.
    if ((await registry.aliases(model))[alias] === version) {
      return {
        exitCode: ExitCode.ok,
        result: { promoted: false, model, version, alias, reason: `${alias} already points at ${version}` },
        text: `${alias} already points at ${version}: nothing to do.`,
      };
    }
    const force = args.values.force === true;
    const verdict = manifest.gate?.verdict ?? "missing";
    if (verdict !== "pass" && !force) {
      return {
        exitCode: ExitCode.checkFailed,
        result: { promoted: false, model, version, alias, reason: `its gate verdict is ${verdict}` },
        text: `Not promoted: ${version}'s gate verdict is ${verdict}. Use --force to promote anyway (it is recorded).`,
      };
    }
    // Trained with --set overrides, a version's commit does not hold its params either: at publish and here alike,
    // that counts as uncommitted changes (docs/pipeline.md).
    const overrides = manifest.git.sha === null ? [] : (manifest.overrides ?? []);
    const dirty = (manifest.git.dirty === true && manifest.git.sha !== null) || overrides.length > 0;
    const commit = describeCommit({ commit: manifest.git.sha ?? "", dirty: manifest.git.dirty === true });
    const built = !dirty ? "" : overrides.length > 0 ? `${commit} with ${describeOverrides(overrides)}` : commit;
    // Like a failed gate, uncommitted changes are a promotion check the version fails (exit 1), not a mistake in the
    // command: both are overridden by a flag that the alias history records.
    if (dirty && args.values["allow-dirty"] !== true) {
      return {
        exitCode: ExitCode.checkFailed,
        result: { promoted: false, model, version, alias, reason: `it was built from ${built}` },
        text:
          `Not promoted: ${model} ${version} was built from ${built}. Publish a model trained on committed code and params, ` +
          "or use --allow-dirty to promote it anyway (it is recorded).",
      };
    }
    // The files are looked at (present, of their recorded size), not read: an alias must not move to a version that
    // could never be pulled, nor become the gate's baseline without a word.
    const problems = await registry.storedFileProblems(manifest);
    if (problems.length > 0) {
      const [first] = problems;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
      return {
        exitCode: ExitCode.checkFailed,
        result: { promoted: false, model, version, alias, reason: "its stored files are damaged", problems },
        text:
          `Not promoted: ${model} ${version} is damaged in ${registry.location}: ${first?.problem ?? ""}${more}. ` +
          "`mlops models fsck` checks every file; promote another version.",
      };
    }
    const reason = typeof args.values.reason === "string" ? args.values.reason : "promoted by hand";
    const event = await registry.moveAlias(model, alias, version, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: dirty ? `${reason} (built from ${built}, --allow-dirty)` : reason,
      runUrl: context.provenance.runUrl,
      forced: force && verdict !== "pass",
    });
    return {
      exitCode: ExitCode.ok,
      result: { promoted: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to}`,
    };
  },
};
