import path from "node:path";
import type * as z from "../../zod.ts";
import { safeParse } from "../../zod.ts";
import {
  describePathProblem,
  isGitHubUri,
  isInside,
  isS3Uri,
  parseGitHubUri,
  parseS3Uri,
  relativePathProblem,
} from "../../files/safe-path.ts";
import { type MlopsConfig, MlopsConfigSchema } from "../schema/index.ts";
import { pathMarks } from "../schema/path-field.ts";
import type { FieldPath, Report, RuleContext } from "./report.ts";

/** A path-valued field of the config: where it is, what it says, and whether it may be an s3:// URI. */
export interface PathValue {
  at: FieldPath;
  value: string;
  remote: boolean;
}

/**
 * Every path the config holds, found where the schema marks a field as a path (schema/path-field.ts), in the
 * schema's order: the schema is walked along the parsed config, so a field the config leaves out yields nothing.
 */
export function pathValues(config: MlopsConfig): PathValue[] {
  const found: PathValue[] = [];
  collectPaths(MlopsConfigSchema, config, [], found);
  return found;
}

/**
 * Walks `schema` along `value` (its parsed output). Wrappers are looked through, objects, records and arrays entered,
 * and a union is followed into the option the value parses with (the first, as zod picks): `reference: champion`
 * is the literal, not a path. Kinds the config schema does not use (tuples, intersections, pipes) end the walk.
 */
export function collectPaths(schema: z.core.$ZodType, value: unknown, at: FieldPath, found: PathValue[]): void {
  if (value === undefined) return;
  const mark = pathMarks.get(schema);
  if (mark !== undefined) {
    if (typeof value === "string") found.push({ at, value, remote: mark.remote });
    return;
  }
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      collectPaths(def.innerType, value, at, found);
      return;
    case "lazy":
      collectPaths(def.getter(), value, at, found);
      return;
    case "object":
      if (isMapping(value)) {
        for (const [key, field] of Object.entries(def.shape)) collectPaths(field, value[key], [...at, key], found);
      }
      return;
    case "record":
      if (isMapping(value)) {
        for (const [key, item] of Object.entries(value)) collectPaths(def.valueType, item, [...at, key], found);
      }
      return;
    case "array":
      if (Array.isArray(value)) value.forEach((item, i) => collectPaths(def.element, item, [...at, i], found));
      return;
    case "union": {
      const option = def.options.find((candidate) => safeParse(candidate, value).success);
      if (option !== undefined) collectPaths(option, value, at, found);
      return;
    }
    default:
      return;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every path stays in the repository; URIs only where the field takes them, and then well-formed s3:// ones. */
export function checkPaths(config: MlopsConfig, context: RuleContext, report: Report): void {
  for (const field of pathValues(config)) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(field.value)) {
      if (field.at.join(".") === "registry.uri" && isGitHubUri(field.value)) {
        // The registry may live in a GitHub repository (releases and a ref of its own: docs/registry.md "On GitHub").
        if (!parseGitHubUri(field.value)) {
          report(
            "error",
            field.at,
            `"${field.value}" is not a valid github://owner/repo URI`,
            "name the repository as in its address: github://octo-org/models (no path after the repository)",
          );
        }
        continue;
      }
      if (!field.remote || !isS3Uri(field.value)) {
        report(
          "error",
          field.at,
          `unsupported location "${field.value}"`,
          field.remote ? "use a path in the repository or an s3://bucket/key URI" : "use a path in the repository",
        );
      } else if (!parseS3Uri(field.value)) {
        report(
          "error",
          field.at,
          `"${field.value}" is not a valid s3://bucket/key URI`,
          "bucket names are 3-63 lowercase letters, digits, '.' and '-'",
        );
      }
      continue;
    }
    const problem = relativePathProblem(field.value);
    // Leaving mlops.yml's folder is fine in a monorepo (mlops.yml in a subfolder may read ../shared); the bound that
    // matters is the repository, checked below.
    if (problem !== undefined && problem !== "escapes") {
      report(
        "error",
        field.at,
        `${describePathProblem(problem)}: "${field.value}"`,
        "paths are relative to the folder of mlops.yml and stay inside the repository",
      );
      continue;
    }
    if (!isInside(context.repoRoot, path.resolve(context.root, field.value))) {
      report(
        "error",
        field.at,
        `the path "${field.value}" leads outside the repository`,
        "keep data and outputs inside the repository, or use an s3:// URI",
      );
    }
  }
}
