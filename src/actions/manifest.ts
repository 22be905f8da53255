import { Document } from "yaml";
import type { AnyStageDefinition } from "../stages/definition.ts";
import { optionEntries } from "../stages/options.ts";

/**
 * A stage action's metadata file (actions/<name>/action.yml), made from its definition: `npm run docs` writes the
 * files, test/docs checks they are current, and the action tables of docs/actions.md are made from the same objects.
 */

/** action.yml as GitHub reads it (the parts we write). */
export interface ActionManifest {
  name: string;
  description: string;
  author?: string;
  branding?: { icon: string; color: string };
  inputs?: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string; value?: string }>;
  runs: { using: string; main?: string };
}

/** The inputs every stage action takes before its own; the door reads them itself (./door.ts). */
const COMMON_INPUTS: NonNullable<ActionManifest["inputs"]> = {
  config: { description: "Path of mlops.yml, relative to working-directory.", required: false, default: "mlops.yml" },
  "working-directory": {
    description: "Folder to run in, relative to the repository root.",
    required: false,
    default: ".",
  },
};

export function actionManifest(definition: AnyStageDefinition): ActionManifest {
  const { name, action } = definition;
  const inputs: NonNullable<ActionManifest["inputs"]> = { ...COMMON_INPUTS };
  const options = new Map(optionEntries(definition.options));
  for (const key of action.inputOrder ?? options.keys()) {
    const doc = options.get(key);
    if (!doc?.action) continue;
    inputs[doc.action.input] = {
      description: doc.action.description,
      required: false,
      default: doc.action.default ?? (doc.form === "flag" ? "false" : ""),
    };
  }
  const outputs: NonNullable<ActionManifest["outputs"]> = {};
  for (const [output, { description }] of Object.entries(action.outputs)) outputs[output] = { description };
  outputs.report = {
    description:
      action.files?.report ?? "Path of the stage result JSON (the same object `mlops <stage> --json` prints).",
  };
  outputs.summary = {
    description: action.files?.summary ?? "Path of the stage report in markdown (also written to the job summary).",
  };
  return {
    name: action.title ?? `mlops-kit ${name}`,
    description: action.description,
    author: "mlops-kit",
    branding: { icon: action.icon, color: "green" },
    inputs,
    outputs,
    runs: { using: "node24", main: `../../dist/${name}.js` },
  };
}

/** The action.yml text: the manifest under a line saying where it comes from. */
export function actionYaml(definition: AnyStageDefinition): string {
  const document = new Document(actionManifest(definition));
  document.commentBefore = ` Generated from src/stages/ by \`npm run docs\`: edit the stage's definition, not this file.`;
  return document.toString({ lineWidth: 0 });
}
