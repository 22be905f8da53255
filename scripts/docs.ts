import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import * as z from "../src/zod.ts";
import { type ActionManifest, actionManifest, actionYaml } from "../src/actions/manifest.ts";
import { MlopsConfigSchema } from "../src/config/schema/index.ts";
import { awsPoliciesReference } from "../src/init/aws-policy.ts";
import { reusableWorkflows, TEMPLATE_DEFAULTS, workflowTemplates } from "../src/init/workflows.ts";
import { loadStage, STAGES } from "../src/stages/index.ts";

/**
 * Generated documentation (STYLE.md "generated things are checked fresh"): the JSON Schema of mlops.yml, the stage
 * actions' action.yml files, the workflow files, and the generated sections of docs/ (the config reference, the action
 * tables, the workflow templates, the AWS policies). `npm run docs` writes them; test/docs checks they are current.
 */

export const SCHEMA_FILE = "schema/mlops.schema.json";
const SCHEMA_ID = "https://raw.githubusercontent.com/mlops-kit/mlops-kit/main/schema/mlops.schema.json";

type JsonSchema = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  required?: string[];
  $ref?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
};

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(MlopsConfigSchema, { target: "draft-7", io: "input" });
  return { $id: SCHEMA_ID, title: "mlops-kit configuration (mlops.yml)", ...schema };
}

/** One row per field: path, type, default, description. */
export function configReference(schema: JsonSchema = configJsonSchema()): string {
  const rows: string[][] = [];
  const walk = (node: JsonSchema, at: string, required: boolean): void => {
    const object = objectBranch(node);
    if (at !== "") {
      rows.push([
        `\`${at}\``,
        typeOf(node),
        defaultOf(node, required),
        cell(node.description ?? object?.description ?? ""),
      ]);
    }
    if (object?.properties) {
      for (const [key, child] of Object.entries(object.properties)) {
        walk(child, at === "" ? key : `${at}.${key}`, object.required?.includes(key) ?? false);
      }
    } else if (object && typeof object.additionalProperties === "object" && object.additionalProperties.properties) {
      walk(object.additionalProperties, `${at}.<name>`, true);
    }
    const list = node.items ?? node.anyOf?.find((branch) => branch.items)?.items;
    if (list?.properties) walk(list, `${at}[]`, true);
  };
  walk(schema, "", true);
  const header = ["| Field | Type | Default | Description |", "| :--- | :--- | :--- | :--- |"];
  return [...header, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

function objectBranch(node: JsonSchema): JsonSchema | undefined {
  if (node.properties || (typeof node.additionalProperties === "object" && node.type === "object")) return node;
  return node.anyOf?.find((branch) => branch.properties);
}

function typeOf(node: JsonSchema): string {
  if (node.anyOf) return node.anyOf.map(typeOf).join(" \\| ");
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(" \\| ");
  if (node.$ref) return "value";
  if (Array.isArray(node.type)) return node.type.join(" \\| ");
  switch (node.type) {
    case "array":
      return `list of ${node.items ? typeOf(node.items) : "values"}`;
    case "object":
      return node.properties
        ? "mapping"
        : "mapping of name to " +
            (typeof node.additionalProperties === "object" ? typeOf(node.additionalProperties) : "value");
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    default:
      return "value";
  }
}

function defaultOf(node: JsonSchema, required: boolean): string {
  if (node.default !== undefined) {
    const text = JSON.stringify(node.default);
    return text === "{}" ? "" : `\`${text}\``;
  }
  return required ? "**required**" : "";
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** actions/<stage>/action.yml for every stage in src/stages/index.ts, made from its definition. */
export async function stageActionFiles(): Promise<{ path: string; content: string }[]> {
  return Promise.all(
    STAGES.map(async ({ name }) => ({
      path: `actions/${name}/action.yml`,
      content: actionYaml(await loadStage(name)),
    })),
  );
}

/**
 * A section per action in actions/: what it does, its inputs and its outputs, from the stage's definition; the actions
 * that are not stages (report, which runs without a project, and the composite retrain) from their action.yml.
 */
export async function actionsReference(root: string): Promise<string> {
  const folders = (await readdir(path.join(root, "actions"), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const names = [...new Set([...folders, ...STAGES.map((stage) => stage.name)])].sort();
  const order = ["validate", "train", "evaluate", "gate", "publish"];
  names.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const sections: string[] = [];
  for (const name of names) {
    const definition = STAGES.some((stage) => stage.name === name)
      ? actionManifest(await loadStage(name))
      : (parse(await readFile(path.join(root, "actions", name, "action.yml"), "utf8")) as ActionManifest);
    const lines = [
      `## \`actions/${name}\``,
      "",
      definition.description,
      "",
      "| Input | Default | Description |",
      "| :--- | :--- | :--- |",
    ];
    for (const [input, spec] of Object.entries(definition.inputs ?? {})) {
      const fallback = spec.required
        ? "**required**"
        : spec.default === undefined || spec.default === ""
          ? ""
          : `\`${spec.default}\``;
      lines.push(`| \`${input}\` | ${fallback} | ${cell(spec.description)} |`);
    }
    lines.push("", "| Output | Description |", "| :--- | :--- |");
    for (const [output, spec] of Object.entries(definition.outputs ?? {}))
      lines.push(`| \`${output}\` | ${cell(spec.description)} |`);
    sections.push(lines.join("\n"));
  }
  return sections.join("\n\n");
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` of `file`'s text. */
export function replaceBetweenMarkers(text: string, name: string, content: string, file: string): string {
  const start = `<!-- ${name}:start (generated by npm run docs; do not edit) -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the markers ${start} ... ${end}`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** The committed workflow files: templates users copy (workflows/) and reusable workflows (.github/workflows/). */
export function workflowFiles(): { path: string; content: string; purpose: string }[] {
  return [
    ...workflowTemplates(TEMPLATE_DEFAULTS).map((file) => ({ ...file, path: `workflows/${file.path}` })),
    ...reusableWorkflows().map((file) => ({ ...file, path: `.github/workflows/${file.path}` })),
  ];
}

/** Each template, collapsible, for docs/workflows.md. */
export function workflowsReference(): string {
  return workflowTemplates(TEMPLATE_DEFAULTS)
    .map(
      (file) =>
        `<details><summary><code>workflows/${file.path}</code>: ${file.purpose}</summary>\n\n\`\`\`yaml\n${file.content}\`\`\`\n\n</details>`,
    )
    .join("\n\n");
}

/** Where each generated section lives in docs/, by its marker name. */
export const GENERATED_SECTIONS: Record<string, { file: string; content: (root: string) => string | Promise<string> }> =
  {
    "config-reference": { file: "docs/configuration.md", content: () => configReference() },
    "actions-reference": { file: "docs/actions.md", content: (root) => actionsReference(root) },
    "workflows-reference": { file: "docs/workflows.md", content: () => workflowsReference() },
    "aws-policies": { file: "docs/bucket.md", content: () => awsPoliciesReference() },
  };

/** Each doc file that holds generated sections, with those sections as they should be now. */
export async function generatedDocs(root: string): Promise<{ path: string; content: string }[]> {
  const files = new Map<string, string>();
  for (const [name, section] of Object.entries(GENERATED_SECTIONS)) {
    const text = files.get(section.file) ?? (await readFile(path.join(root, section.file), "utf8"));
    files.set(section.file, replaceBetweenMarkers(text, name, await section.content(root), section.file));
  }
  return [...files].map(([file, content]) => ({ path: file, content }));
}

export function schemaFileText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
