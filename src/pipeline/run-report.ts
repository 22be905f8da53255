import type { ChainLink } from "../chain/chain.ts";
import { validateSection } from "../data/report.ts";
import { confusionBlock, confusionHeatmap, evaluateSection } from "../evaluate/section.ts";
import type { EvaluateResult } from "../evaluate/evaluate.ts";
import type { GateResult } from "../gate/gate.ts";
import { gateSection } from "../gate/section.ts";
import type { SectionRendering } from "../gate/user-sections.ts";
import type { ValidateResult } from "../data/validate.ts";
import { isSafeUrl, type Block, type Section, type Status } from "../report/sections.ts";

/**
 * The run's HTML report as data (issue 17): a header (model, commit, verdict, when and where the run happened), then
 * every section of the run's validate, evaluate and gate reports as the job summary has them, with the plots only
 * HTML draws added beside their tables: the confusion matrix as a heat map, and a histogram of every drifted column
 * against the reference (where the job summary charts only each comparison's most drifted one). Everything is drawn from the results' summaries (bins, a fixed number of curve points, the
 * matrix), so the report's size does not grow with the rows. The door renders it (src/report/html/).
 */

/** The results a run left in the workspace; null where that stage has not run. */
export interface RunResults {
  /** With its chain link when a stage runner wrote it (the commit the data was checked at). */
  validate: (ValidateResult & { chain?: ChainLink }) | null;
  evaluate: EvaluateResult | null;
  gate: GateResult | null;
}

export interface RunReportOptions {
  /** The model's name when no gate result says it (config.model.name). */
  model: string;
  /** When the report is made. */
  generated: Date;
  /** This workflow run's page, when the report is made inside Actions (the gate's own runUrl comes first). */
  runUrl: string | null;
  /** How the gate's user sections are rendered: as text unless the door vouches for them (gate/user-sections.ts). */
  userSections?: SectionRendering;
}

/** What renderHtmlDocument takes. */
export interface RunReport {
  title: string;
  subtitle: string;
  /** ISO time. */
  generated: string;
  sections: Section[];
  notes: string[];
}

export function buildRunReport(results: RunResults, options: RunReportOptions): RunReport {
  const { validate, gate } = results;
  const notes: string[] = [];
  // An evaluation the gate did not judge (evaluate ran again since) would contradict the verdict beside it.
  let evaluate = results.evaluate;
  if (evaluate && gate && gate.chain.evaluation !== null && gate.chain.evaluation !== evaluate.chain.id) {
    notes.push(
      "The workspace's evaluation is newer than the one the gate judged, so it is left out: run `mlops gate` (or `mlops run`) again to report on it.",
    );
    evaluate = null;
  }
  const model = gate?.model ?? options.model;
  // What the report shows, the dropped evaluation left out: the header and the subtitle say the same commit and time.
  const shown: RunResults = { validate, evaluate, gate };
  const header = headerSection(shown, model, options);
  const sections: Section[] = [header];
  if (validate) sections.push(validateSection(validate, { everyDriftedColumn: true }));
  // The gate carries the evaluation's matrix: drawn once, in the gate's section, when there is one.
  if (evaluate) {
    const section = evaluateSection(evaluate);
    sections.push(gate?.evaluation.confusion ? section : withHeatmap(section, evaluate.confusion, "the model"));
  }
  if (gate) {
    const section = gateSection(gate, options.userSections);
    sections.push(withHeatmap(section, gate.evaluation.confusion, "the candidate"));
  }
  const commit = commitOf(shown);
  return {
    title: `${model}: run report`,
    subtitle: [verdictText(gate), commit ? `commit ${commit.slice(0, 7)}` : null, ranAt(shown)]
      .filter((part): part is string => part !== null)
      .join(" · "),
    generated: options.generated.toISOString(),
    sections,
    notes,
  };
}

function headerSection(results: RunResults, model: string, options: RunReportOptions): Section {
  const { gate } = results;
  const git = gate?.chain.git ?? results.evaluate?.chain.git ?? null;
  const commit = commitOf(results);
  const runUrl = runUrlOf(gate, options.runUrl);
  const stages = (["validate", "evaluate", "gate"] as const).filter((stage) => results[stage] !== null);
  const rows: string[][] = [
    ["model", model],
    ["verdict", verdictText(gate)],
    // The working tree's state belongs to the commit it was taken at (a pull request's merge commit, not its head).
    [
      "commit",
      commit
        ? `${commit}${git?.dirty && git.commit === commit ? " + uncommitted changes" : ""}`
        : "unknown (not a git checkout)",
    ],
    ["ran", ranAt(results) ?? "unknown"],
    ["where", runUrl ?? "locally (no workflow run)"],
    ["report made", options.generated.toISOString()],
  ];
  if (gate?.source.pullRequest) {
    const pr = gate.source.pullRequest;
    rows.splice(2, 0, ["pull request", `#${pr.number}, ${pr.headRef} into ${pr.baseRef}`]);
  }
  const blocks: Block[] = [
    { kind: "table", table: { headers: ["", "this run"], rows, align: ["left", "left"] } },
    { kind: "text", text: `From the workspace's results of: ${stages.join(", ")}.` },
  ];
  if (runUrl) blocks.push({ kind: "link", text: "The workflow run", url: runUrl });
  const status: Status = gate ? gate.verdict : "ok";
  return { title: "Run", status, headline: `${model}, ${verdictText(gate)}`, blocks };
}

function verdictText(gate: GateResult | null): string {
  return gate ? `gate ${gate.verdict}` : "not gated";
}

function commitOf(results: RunResults): string | null {
  const { gate, evaluate, validate } = results;
  return (
    gate?.source.commit ??
    gate?.chain.git?.commit ??
    evaluate?.chain.git?.commit ??
    validate?.chain?.git?.commit ??
    null
  );
}

/** A workflow run's page on an https host, or nothing: the gate's (where it ran), else this run's. */
function runUrlOf(gate: GateResult | null, current: string | null): string | null {
  const isRunPage = (url: string | null | undefined): url is string =>
    typeof url === "string" && isSafeUrl(url) && /\/actions\/runs\/\d+(\/attempts\/\d+)?$/.test(url);
  if (isRunPage(gate?.source.runUrl)) return gate.source.runUrl;
  return isRunPage(current) ? current : null;
}

/** When the last stage of the run finished, from its result's id (`<UTC time>-<hex>`, chain/chain.ts). */
function ranAt(results: RunResults): string | null {
  const id = results.gate?.chain.id ?? results.evaluate?.chain.id ?? null;
  const parts = id ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\d*Z-/.exec(id) : null;
  if (!parts) return null;
  const [, year, month, day, hour, minute, second] = parts;
  return `${year}-${month}-${day} ${hour}:${minute}:${second} UTC`;
}

/**
 * The section with the confusion matrix's heat map put just before its table (the same numbers), or at the end when
 * the section draws no table of it.
 */
function withHeatmap(section: Section, confusion: EvaluateResult["confusion"], whose: string): Section {
  if (!confusion || confusion.labels.length === 0) return section;
  const table = JSON.stringify(confusionBlock(confusion));
  const at = section.blocks.findIndex((block) => JSON.stringify(block) === table);
  const heatmap = confusionHeatmap(confusion, whose);
  const blocks =
    at < 0
      ? [...section.blocks, heatmap, confusionBlock(confusion)]
      : [...section.blocks.slice(0, at), heatmap, ...section.blocks.slice(at)];
  return { ...section, blocks };
}
