import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  renderMarkdown
} from "./chunk-OSH67I4H.js";
import {
  READ_LIMITS,
  readTextIfExists
} from "./chunk-5AQJPSN5.js";
import {
  InputError
} from "./chunk-XOZC47AQ.js";

// src/pipeline/stage-run.ts
import { mkdir, writeFile } from "node:fs/promises";
async function saveStageRun(context, name, result, section, exitCode) {
  const { workspace } = context;
  await mkdir(workspace.outDir, { recursive: true });
  const resultFile = workspace.resultFile(name);
  const reportFile = workspace.reportFile(name);
  await writeFile(resultFile, `${JSON.stringify(result, null, 2)}
`);
  await writeFile(reportFile, `${renderMarkdown(section)}
`);
  return { result, section, exitCode, resultFile, reportFile };
}
async function readStageResult(context, stage) {
  const file = context.workspace.resultFile(stage);
  const text = await readTextIfExists(file, { shown: file, what: `${stage} result`, limit: READ_LIMITS.stageResult });
  if (text === void 0) return null;
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${error.message}`, {
      hint: `it was damaged or edited; run \`mlops ${stage}\` again`
    });
  }
  if (value === null || typeof value !== "object" || value.stage !== stage)
    throw new InputError(`${file} is not a ${stage} result`, { hint: `run \`mlops ${stage}\` again` });
  return value;
}

export {
  saveStageRun,
  readStageResult
};
