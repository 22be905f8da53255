import { createRequire } from "node:module";

/**
 * GitHub's published REST description (@octokit/openapi, OpenAPI 3.0) and a validator for the part of JSON Schema
 * it uses, so the fake GitHub server can check that every request the kit sends is one GitHub documents: method and
 * path, path and query parameters, and the body. Request bodies are checked strictly: a property the description
 * does not name is an error (GitHub would silently ignore it, which is how typos ship).
 */

export interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  maxItems?: number;
  minItems?: number;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

interface Parameter {
  $ref?: string;
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: Schema;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<
    string,
    {
      $ref?: string;
      content?: Record<string, { schema: Schema; examples?: Record<string, { $ref?: string; value?: unknown }> }>;
    }
  >;
}

interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

let loaded: Description | undefined;

export function githubDescription(): Description {
  loaded ??= createRequire(import.meta.url)("@octokit/openapi/generated/api.github.com.json") as Description;
  return loaded;
}

function resolve<T>(value: T & { $ref?: string }): T {
  let current: T & { $ref?: string } = value;
  while (current.$ref) {
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(current.$ref) ?? [];
    current = githubDescription().components[section ?? ""]?.[name ?? ""] as T & { $ref?: string };
    if (!current) throw new Error(`unresolvable $ref ${value.$ref}`);
  }
  return current;
}

export interface MatchedOperation {
  operation: Operation;
  template: string;
  pathParams: Record<string, string>;
}

/**
 * The documented operation for a method and path, with its path parameters; undefined when GitHub has none. A last
 * parameter may hold slashes when nothing matches otherwise (`git/ref/heads/main`, `releases/tags/models/v1`), as
 * GitHub reads refs and tags sent unencoded.
 */
export function findOperation(method: string, pathname: string): MatchedOperation | undefined {
  return matchOperation(method, pathname, false) ?? matchOperation(method, pathname, true);
}

function matchOperation(method: string, pathname: string, slashesInLast: boolean): MatchedOperation | undefined {
  for (const [template, operations] of Object.entries(githubDescription().paths)) {
    const operation = operations[method.toLowerCase()];
    if (!operation) continue;
    if (slashesInLast && !/\{(ref|tag)\}$/.test(template)) continue;
    const names: string[] = [];
    const last = (template.match(/\{/g) ?? []).length;
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return slashesInLast && names.length === last ? "(.+)" : "([^/]+)";
    });
    const match = new RegExp(`^${pattern}$`).exec(pathname);
    if (!match) continue;
    return {
      operation,
      template,
      pathParams: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")])),
    };
  }
  return undefined;
}

/** Problems with a request against its operation: parameters and body. Empty when it is what GitHub documents. */
export function requestProblems(matched: MatchedOperation, query: URLSearchParams, body: unknown): string[] {
  const problems: string[] = [];
  const parameters = (matched.operation.parameters ?? []).map((p) => resolve<Parameter>(p));
  for (const parameter of parameters) {
    const value =
      parameter.in === "path"
        ? matched.pathParams[parameter.name]
        : parameter.in === "query"
          ? query.get(parameter.name)
          : undefined;
    if (parameter.in === "header") continue;
    if (value === undefined || value === null) {
      if (parameter.required) problems.push(`missing ${parameter.in} parameter ${parameter.name}`);
      continue;
    }
    problems.push(
      ...validate(resolve(parameter.schema), coerce(value, resolve(parameter.schema)), parameter.name, false),
    );
  }
  for (const name of query.keys()) {
    if (!parameters.some((p) => p.in === "query" && p.name === name))
      problems.push(`undocumented query parameter ${name}`);
  }
  const requestBody = matched.operation.requestBody;
  if (requestBody) {
    const schema = requestBody.content["application/json"]?.schema;
    if (body === undefined) {
      if (requestBody.required) problems.push("missing request body");
    } else if (schema) {
      problems.push(...validate(schema, body, "body", true));
    }
  } else if (body !== undefined) {
    problems.push("this operation takes no request body");
  }
  return problems;
}

/** A documented example response body for a status, resolved. */
export function exampleResponse(matched: MatchedOperation, status: string): unknown {
  const response = resolve(matched.operation.responses[status] ?? {});
  const examples = response.content?.["application/json"]?.examples ?? {};
  const first = Object.values(examples)[0];
  if (!first) throw new Error(`${matched.template} documents no example for ${status}`);
  return structuredClone(resolve<{ value?: unknown }>(first).value);
}

/** The response schema for a status, to check the fake's own answers. */
export function responseSchema(matched: MatchedOperation, status: string): Schema | undefined {
  return resolve(matched.operation.responses[status] ?? {}).content?.["application/json"]?.schema;
}

function coerce(value: string, schema: Schema): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.includes("boolean") && /^(true|false)$/.test(value)) return value === "true";
  return value;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** JSON Schema (the OpenAPI 3.0 subset GitHub uses) validation; `strict` refuses properties the schema does not name. */
export function validate(raw: Schema, value: unknown, at: string, strict: boolean): string[] {
  const schema = resolve(raw);
  if (value === null && schema.nullable) return [];
  if (schema.allOf) return schema.allOf.flatMap((s) => validate(s, value, at, false));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const results = alternatives.map((s) => validate(s, value, at, strict));
    return results.some((r) => r.length === 0)
      ? []
      : [`${at}: matches none of the alternatives (${results.map((r) => r[0]).join(" / ")})`];
  }
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    const ok = types.some((t) => t === actual || (t === "number" && actual === "integer"));
    if (!ok) return [`${at}: expected ${types.join(" or ")}, found ${actual}`];
  }
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === "string") {
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${at}: longer than ${schema.maxLength}`);
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${at}: shorter than ${schema.minLength}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${at}: more than ${schema.maxItems} items (${value.length})`);
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.items)
      value.forEach((item, i) => problems.push(...validate(schema.items as Schema, item, `${at}[${i}]`, strict)));
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) problems.push(`${at}: missing required ${name}`);
    for (const [name, child] of Object.entries(object)) {
      const property = schema.properties?.[name];
      if (property) problems.push(...validate(property, child, `${at}.${name}`, strict));
      else if (typeof schema.additionalProperties === "object")
        problems.push(...validate(schema.additionalProperties, child, `${at}.${name}`, strict));
      else if (
        schema.additionalProperties === false ||
        (strict && schema.properties && schema.additionalProperties === undefined)
      )
        problems.push(`${at}: unknown property ${name}`);
    }
  }
  return problems;
}
