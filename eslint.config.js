// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import { readdirSync } from "node:fs";

// The layers of src/ (docs/development.md "The layers of the code"): each zone lists the top folders a layer may import, and a
// relative import of any other folder is an error. test/architecture.test.ts checks the whole graph for cycles; these
// zones say, while editing, which way an import must point.
const SOURCE_FOLDERS = readdirSync("src", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// zod comes through src/zod.ts alone: it is zod/mini with the kit's settings, and one import of classic zod would bring
// back into every bundle the schema machinery bench:startup measured leaving.
const ZOD_THROUGH_THE_KIT = {
  regex: "^zod(?:/|$)",
  message: "import zod from src/zod.ts (zod/mini with English messages and `described`), not from the package",
};

/** A lint zone: files under `src/<folder>/` may import, of the folders of src/, only `allowed` (and their own). */
function layer(folders, allowed, message) {
  const forbidden = SOURCE_FOLDERS.filter((folder) => !allowed.includes(folder) && !folders.includes(folder));
  return {
    files: folders.map((folder) => `src/${folder}/**/*.ts`),
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: `^(?:\\.\\./)+(?:${forbidden.join("|")})/`, message }, ZOD_THROUGH_THE_KIT] },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/.mlops/**", "bench/.data/**", "examples/**/model/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs", "examples/*/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "no-console": "error",
    },
  },
  {
    // Files no layer below covers (the doors, src/*.ts, scripts, benches, tests); the layers repeat the rule.
    files: ["src/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts", "test/**/*.ts"],
    ignores: ["src/zod.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [ZOD_THROUGH_THE_KIT] }] },
  },
  layer(
    SOURCE_FOLDERS.filter((folder) => folder !== "cli" && folder !== "actions"),
    SOURCE_FOLDERS.filter((folder) => folder !== "cli" && folder !== "actions"),
    "the doors (cli/, actions/) sit on top: nothing below them imports them; pass what a module needs down to it",
  ),
  layer(["files", "net"], [], "files/ and net/ are the bottom layer: they import no other folder of src/"),
  layer(
    ["store"],
    ["files", "net"],
    "store/ moves bytes: it knows files/, net/ and nothing of the registry or the stages",
  ),
  layer(["config"], ["files"], "config/ reads and checks mlops.yml below every stage: move what it needs into config/"),
  layer(["context"], ["config", "files"], "context/ holds what a stage is given: config and files, nothing above"),
  layer(
    ["report"],
    ["files"],
    "report/ formats what stages hand it and imports no stage: keep stage logic beside its stage",
  ),
  {
    // Doors, scripts, benches and tests talk to the terminal on purpose.
    files: ["src/cli/**", "scripts/**", "bench/**", "test/**", "examples/**", "*.mjs"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
