import { writeFile } from "node:fs/promises";
import path from "node:path";
import { generatedReadme, SCHEMA_FILE, schemaFileText } from "./docs.ts";

// Writes schema/mlops.schema.json and the generated sections of README.md (see scripts/docs.ts).
const root = path.resolve(import.meta.dirname, "..");
await writeFile(path.join(root, SCHEMA_FILE), schemaFileText());
await writeFile(path.join(root, "README.md"), await generatedReadme(root));
console.log(`wrote ${SCHEMA_FILE} and the generated sections of README.md`);
