// What the example scripts share at their door: arguments, file reading, and how a failure becomes an exit code.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

/** A problem the person running the script can fix (bad argument, missing file, invalid param); exits with 2. */
export class InputError extends Error {
  name = "InputError";
}

/**
 * Parses `--name value` options; every listed option is required.
 * @template {string} Name
 * @param {readonly Name[]} names
 * @param {string} usage shown when an option is missing or unknown
 * @returns {Record<Name, string>}
 */
export function parseRequiredOptions(names, usage) {
  /** @type {Record<string, { type: "string" }>} */
  const options = Object.fromEntries(names.map((name) => [name, { type: "string" }]));
  let values;
  try {
    ({ values } = parseArgs({ options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new InputError(`${error instanceof Error ? error.message : String(error)}\nusage: ${usage}`);
  }
  const missing = names.filter((name) => typeof values[name] !== "string" || values[name] === "");
  if (missing.length > 0) {
    throw new InputError(`missing ${missing.map((name) => `--${name}`).join(", ")}\nusage: ${usage}`);
  }
  return /** @type {Record<Name, string>} */ (values);
}

/**
 * Reads a UTF-8 file, turning "not there" into a message that says which input it was.
 * @param {string} path
 * @param {string} what e.g. "--data file"
 */
export async function readTextFile(path, what) {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === "ENOENT") throw new InputError(`${what} not found: ${path}`);
    if (code === "EISDIR") throw new InputError(`${what} ${path} is a directory; expected a file`);
    throw new Error(`cannot read ${what} ${path}`, { cause: error });
  }
}

/**
 * Reads and parses a JSON file.
 * @param {string} path
 * @param {string} what
 * @returns {Promise<unknown>}
 */
export async function readJsonFile(path, what) {
  const text = await readTextFile(path, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} ${path} is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * Runs a script's main function and maps the outcome to an exit code: 2 for an InputError (message only, the stack
 * would only distract), 1 with the full stack for anything else, which is a bug. Even a thrown non-Error fails.
 * @param {string} scriptName
 * @param {() => Promise<void>} main
 */
export async function runScript(scriptName, main) {
  try {
    await main();
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`${scriptName}: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(`${scriptName}: unexpected failure`, error);
      process.exitCode = 1;
    }
  }
}
