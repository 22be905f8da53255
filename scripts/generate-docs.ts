import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { generatedDocs, SCHEMA_FILE, schemaFileText, stageActionFiles, workflowFiles } from "./docs.ts";

// Writes schema/mlops.schema.json, the workflow files, the stage actions' action.yml files and the generated
// sections of the files in docs/ (see scripts/docs.ts).
const root = path.resolve(import.meta.dirname, "..");
await writeFile(path.join(root, SCHEMA_FILE), schemaFileText());
for (const file of [...workflowFiles(), ...(await stageActionFiles())]) {
  await mkdir(path.dirname(path.join(root, file.path)), { recursive: true });
  await writeFile(path.join(root, file.path), file.content);
}
for (const file of await generatedDocs(root)) await writeFile(path.join(root, file.path), file.content);
console.log(
  `wrote ${SCHEMA_FILE}, workflows/, .github/workflows/, the stage actions' action.yml and the generated sections of docs/`,
);
