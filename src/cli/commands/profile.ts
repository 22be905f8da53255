import path from "node:path";
import { glob } from "tinyglobby";
import { profileSection } from "../../data/report.ts";
import { displayPath } from "../../data/sources.ts";
import { mergeProfileFiles, runProfile } from "../../data/stage.ts";
import { ExitCode, UsageError } from "../../errors.ts";
import { renderText } from "../../report/sections.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";

/**
 * `mlops profile [files...]` writes a dataset's profile (counts, nulls, distinct, quantiles, top values, rule tallies)
 * as JSON; `--shard i/n` profiles the i-th of n blocks of the dataset's files (a leg of a GitHub Actions matrix).
 * `mlops profile merge <profiles...>` merges shard profiles, in order, into the profile of the whole; then
 * `mlops validate --profiles` applies the rules and drift checks to it (the shard-and-merge recipe in docs/data-validation.md).
 */
export const profileCommand: CommandSpec = {
  name: "profile",
  summary: "Write a dataset's profile as JSON (or merge shard profiles: profile merge <files...>)",
  details: [
    "Examples:",
    "  mlops profile                          profile data.train",
    "  mlops profile --shard 2/4 --out p2.json  profile the 2nd of 4 blocks of data.train's files",
    "  mlops profile merge p*.json --out all.json",
  ].join("\n"),
  positionals: [
    {
      name: "files",
      required: false,
      variadic: true,
      description: "files or globs to profile; or `merge` then profiles",
    },
  ],
  options: {
    out: { type: "string", short: "o", valueName: "file", description: "Where to write the profile JSON" },
    shard: { type: "string", valueName: "i/n", description: "Profile the i-th of n blocks of the dataset's files" },
    dataset: { type: "string", valueName: "name", description: "train (default) or eval" },
    workers: { type: "string", valueName: "n", description: "Threads to read with (default: every core)" },
  },
  run: async (args, io) => {
    const [first, ...rest] = args.positionals;
    const out = typeof args.values.out === "string" ? path.resolve(io.cwd, args.values.out) : null;
    if (first === "merge") {
      if (!out)
        throw new UsageError("profile merge needs --out <file>", {
          hint: "mlops profile merge p*.json --out all.json",
        });
      const files = (
        await Promise.all(rest.map((p) => glob(p, { cwd: io.cwd, absolute: true, expandDirectories: false })))
      ).flat();
      if (files.length === 0)
        throw new UsageError("profile merge needs the profiles to merge", {
          hint: "mlops profile merge p1.json p2.json --out all.json",
        });
      const profile = await mergeProfileFiles(files, out, io.cwd);
      const shown = displayPath(io.cwd, out);
      return {
        exitCode: ExitCode.ok,
        result: { file: shown, profile },
        text: renderText(profileSection(profile, shown), args.text),
      };
    }
    const context = await openProject(args, io);
    const dataset = args.values.dataset ?? "train";
    if (dataset !== "train" && dataset !== "eval")
      throw new UsageError(`--dataset is train or eval, not "${String(dataset)}"`);
    const { profile, file } = await runProfile(context, {
      dataset,
      files: args.positionals.map((p) => path.resolve(io.cwd, p)),
      shard: parseShard(args.values.shard),
      out,
      ...workersOf(args.values.workers),
    });
    const shown = displayPath(io.cwd, file);
    return {
      exitCode: ExitCode.ok,
      result: { file: shown, profile },
      text: renderText(profileSection(profile, shown), args.text),
    };
  },
};

function parseShard(
  value: string | boolean | (string | boolean)[] | undefined,
): { index: number; count: number } | null {
  if (value === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(String(value));
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard is i/n with 1 <= i <= n, not "${String(value)}"`, { hint: "e.g. --shard 2/4" });
  return { index, count };
}

export function workersOf(value: string | boolean | (string | boolean)[] | undefined): { workers?: number } {
  if (value === undefined) return {};
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1)
    throw new UsageError(`--workers is a whole number of at least 1, not "${String(value)}"`);
  return { workers };
}
