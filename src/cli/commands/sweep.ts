import { CACHE_CHOICES, parseCacheChoice } from "../../cache/open.ts";
import { UsageError } from "../../errors.ts";
import { renderText } from "../../report/sections.ts";
import { runLocalSweep } from "../../pipeline/local-sweep.ts";
import { selectSection } from "../../train/sweep-section.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";

export const sweepCommand: CommandSpec = {
  name: "sweep",
  summary: "Train and evaluate every leg of train.matrix here, pick the best, and put its outputs in place",
  details:
    "Legs run one after another in the project, or N at once with --parallel N, each in its own shadow copy\n" +
    "(folders symlinked, written paths real). Every leg goes through the run cache, so the best leg's outputs\n" +
    "come back byte for byte at the end. Then `mlops gate` and `mlops publish` continue with the best leg.",
  options: {
    parallel: { type: "string", valueName: "n", description: "Legs to run at once (default 1)" },
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param in every leg" },
    force: { type: "boolean", description: "Train every leg even when the run cache has it" },
    cache: { type: "string", valueName: "backend", description: `Run cache backend: ${CACHE_CHOICES.join(", ")}` },
  },
  run: async (args, io) => {
    const parallelText = typeof args.values.parallel === "string" ? args.values.parallel : "1";
    if (!/^[1-9]\d*$/.test(parallelText)) {
      throw new UsageError(`--parallel must be a whole number of at least 1, not "${parallelText}"`);
    }
    const context = await openProject(args, io);
    const cacheChoice =
      typeof args.values.cache === "string" ? parseCacheChoice(args.values.cache, "--cache") : undefined;
    const sweep = await runLocalSweep(context, {
      parallel: Number(parallelText),
      overrides: (args.values.set as string[] | undefined) ?? [],
      force: args.values.force === true,
      ...(cacheChoice === undefined ? {} : { cacheChoice }),
    });
    const winner = sweep.selection.winner;
    const closing = !winner
      ? "No leg succeeded."
      : sweep.final?.evaluate?.status === "ok"
        ? `Leg ${winner.leg.id}'s outputs are in place and evaluated: run \`mlops gate\` and \`mlops publish\` next.`
        : `Leg ${winner.leg.id} won, but putting its outputs in place failed: see above.`;
    return {
      exitCode: sweep.exitCode,
      result: sweep,
      text: `${renderText(selectSection(sweep.selection), args.text)}\n\n${closing}`,
    };
  },
};
