import { appendFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ExitCode, InputError, UsageError } from "../../errors.ts";
import { modelPageMarkdown } from "../../registry/page/markdown.ts";
import { buildModelPage, type ModelPageRequest } from "../../registry/page/page.ts";
import type { CommandArgs, CommandIO, CommandOutcome } from "../command.ts";

/**
 * `mlops models report [<model>]`: the model's page from the registry, written as one self-contained HTML file;
 * `--markdown` prints it as markdown, `--summary` appends that markdown to the job summary ($GITHUB_STEP_SUMMARY),
 * `--json` prints the data the page is made of.
 */
export async function modelReport(
  request: ModelPageRequest & { outDir: string },
  args: CommandArgs,
  io: CommandIO,
): Promise<CommandOutcome> {
  const summaryFile = args.values.summary === true ? io.env.GITHUB_STEP_SUMMARY : undefined;
  if (args.values.summary === true && !summaryFile) {
    throw new UsageError("--summary appends to the job summary, but GITHUB_STEP_SUMMARY is not set", {
      hint: "run it in a GitHub Actions step, or use --markdown to print the markdown",
    });
  }
  const { page, sections, html } = await buildModelPage(request);
  const out =
    typeof args.values.out === "string"
      ? path.resolve(io.cwd, args.values.out)
      : path.join(request.outDir, "models", `${request.model}.html`);
  const shown = path.relative(io.cwd, out) || out;
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, html);
  } catch (error) {
    throw new InputError(
      `cannot write the page to ${shown}: ${error instanceof Error ? error.message : String(error)}`,
      {
        hint: "name a file in a folder you can write with --out <file>",
        cause: error,
      },
    );
  }
  const damage = page.damaged.length > 0 ? `, ${page.damaged.length} damaged object(s)` : "";
  const wrote = `Wrote the page of ${page.model} (${page.versions.length} version(s)${damage}) to ${shown}.`;
  const wantsMarkdown = args.values.markdown === true || summaryFile !== undefined;
  const markdown = wantsMarkdown ? modelPageMarkdown(sections, { fullPage: path.basename(out) }).markdown : "";
  if (summaryFile) await appendFile(summaryFile, `${markdown}\n`);
  if (args.values.markdown === true) args.logger.info(wrote);
  return {
    exitCode: ExitCode.ok,
    result: { ...page, file: out },
    text: args.values.markdown === true ? markdown : wrote + (summaryFile ? " Added it to the job summary." : ""),
  };
}
