import { appendFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ExitCode, InputError, UsageError } from "../../errors.ts";
import type { Damage } from "../../registry/damage.ts";
import { gatherModelPage } from "../../registry/page/gather.ts";
import { modelPageMarkdown } from "../../registry/page/markdown.ts";
import { modelPageSections } from "../../registry/page/sections.ts";
import { modelPageHtml } from "../../registry/page/html.ts";
import type { Registry } from "../../registry/registry.ts";
import type { CommandArgs, CommandIO, CommandOutcome } from "../command.ts";

/**
 * `mlops models report [<model>]`: the model's page from the registry, written as one self-contained HTML file;
 * `--markdown` prints it as markdown, `--summary` appends that markdown to the job summary ($GITHUB_STEP_SUMMARY),
 * `--json` prints the data the page is made of.
 */
export interface ModelReportRequest {
  registry: Registry;
  /** The list the registry's damage reporter fills. */
  damaged: readonly Damage[];
  model: string;
  primaryMetric: string | undefined;
  /** The default place of the page: `<workspace>/out/models/`. */
  outDir: string;
  now: Date;
}

export async function modelReport(
  request: ModelReportRequest,
  args: CommandArgs,
  io: CommandIO,
): Promise<CommandOutcome> {
  const { registry, model } = request;
  const known = await registry.models();
  if (!known.includes(model)) {
    throw new InputError(
      `${registry.location} has no model ${model}` +
        (known.length > 0 ? `; the models there: ${known.join(", ")}` : "; it holds no models yet"),
      { hint: known.length > 0 ? `mlops models report ${known[0]}` : "publish a version first: mlops publish" },
    );
  }
  const summaryFile = args.values.summary === true ? io.env.GITHUB_STEP_SUMMARY : undefined;
  if (args.values.summary === true && !summaryFile) {
    throw new UsageError("--summary appends to the job summary, but GITHUB_STEP_SUMMARY is not set", {
      hint: "run it in a GitHub Actions step, or use --markdown to print the markdown",
    });
  }
  const page = await gatherModelPage(registry, model, { now: request.now, damaged: request.damaged });
  const sections = modelPageSections(page, request.primaryMetric ? { primaryMetric: request.primaryMetric } : {});
  const out =
    typeof args.values.out === "string"
      ? path.resolve(io.cwd, args.values.out)
      : path.join(request.outDir, "models", `${model}.html`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, modelPageHtml(page, sections));
  const shown = path.relative(io.cwd, out) || out;
  const wrote = `Wrote the page of ${model} (${page.versions.length} version(s)${page.damaged.length > 0 ? `, ${page.damaged.length} damaged object(s)` : ""}) to ${shown}.`;
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
