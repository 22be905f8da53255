import type { IncomingHttpHeaders } from "node:http";
import type { IamPolicy, IamStatement } from "../../src/init/aws-policy.ts";

/**
 * IAM policy evaluation for the part of the language the kit's policies use, so a test can ask of each S3 request the
 * kit really made: would this policy allow it? Semantics as AWS documents them (IAM JSON policy reference, "Policy
 * evaluation logic"): an explicit Deny wins; else an Allow that matches allows; else the request is implicitly
 * denied. `*` in actions and resources matches any run of characters (slashes included), `?` one character.
 * Conditions: every operator block must hold, every key in a block must hold, and a key with several values holds
 * when any value matches. A key missing from the request makes StringEquals, StringLike and Bool false, negated
 * string operators true, and `Null: "true"` true.
 */

export interface S3Request {
  /** e.g. `s3:PutObject` */
  action: string;
  /** `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/key` */
  resource: string;
  /** Condition keys present in the request, e.g. `s3:prefix`, `s3:if-none-match`, `s3:ObjectCreationOperation`. */
  context: Record<string, string>;
  /** The request as it went over the wire, for messages. */
  seen: string;
}

export type Decision = "allow" | "explicit-deny" | "implicit-deny";

export function evaluate(policy: IamPolicy, request: S3Request): Decision {
  const matching = policy.Statement.filter((statement) => matches(statement, request));
  if (matching.some((statement) => statement.Effect === "Deny")) return "explicit-deny";
  return matching.some((statement) => statement.Effect === "Allow") ? "allow" : "implicit-deny";
}

function matches(statement: IamStatement, request: S3Request): boolean {
  const actions = [statement.Action].flat();
  const resources = statement.Resource === undefined ? ["*"] : [statement.Resource].flat();
  return (
    actions.some((pattern) => wildcard(pattern, request.action, true)) &&
    resources.some((pattern) => wildcard(pattern, request.resource, false)) &&
    conditionsHold(statement.Condition ?? {}, request.context)
  );
}

function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${regex}$`, ignoreCase ? "i" : "").test(value);
}

function conditionsHold(
  conditions: Record<string, Record<string, string | string[]>>,
  context: Record<string, string>,
): boolean {
  return Object.entries(conditions).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const values = [expected].flat();
      const actual = context[key];
      switch (operator) {
        case "StringEquals":
          return actual !== undefined && values.includes(actual);
        case "StringNotEquals":
          return actual === undefined || !values.includes(actual);
        case "StringLike":
          return actual !== undefined && values.some((v) => wildcard(v, actual, false));
        case "StringNotLike":
          return actual === undefined || !values.some((v) => wildcard(v, actual, false));
        case "Bool":
          return actual !== undefined && values.includes(actual);
        case "Null":
          return values.includes(actual === undefined ? "true" : "false");
        default:
          throw new Error(`the test evaluator does not know the condition operator ${operator}`);
      }
    }),
  );
}

/**
 * The IAM action and condition keys of an S3 REST request in path style (`/bucket/key?query`), as the service
 * authorization reference for S3 maps them. Requests the kit never makes are an error, so a new kind of request
 * cannot slip past the policy test unmapped.
 */
export function s3Request(method: string, url: string, headers: IncomingHttpHeaders = {}): S3Request {
  const parsed = new URL(url, "http://s3.local");
  const [, bucket = "", ...rest] = decodeURIComponent(parsed.pathname).split("/");
  const key = rest.join("/");
  const query = parsed.searchParams;
  const seen = `${method} ${url}`;
  const bucketArn = `arn:aws:s3:::${bucket}`;
  const objectArn = `${bucketArn}/${key}`;
  const context: Record<string, string> = {};
  const ifNoneMatch = headers["if-none-match"];
  if (typeof ifNoneMatch === "string") context["s3:if-none-match"] = ifNoneMatch;
  if (key === "") {
    if (method === "GET" && query.has("uploads")) {
      return { action: "s3:ListBucketMultipartUploads", resource: bucketArn, context, seen };
    }
    if (method === "GET" && query.get("list-type") === "2") {
      context["s3:prefix"] = query.get("prefix") ?? "";
      return { action: "s3:ListBucket", resource: bucketArn, context, seen };
    }
    throw new Error(`unmapped bucket request: ${seen}`);
  }
  const put = (creates: boolean): S3Request => ({
    action: "s3:PutObject",
    resource: objectArn,
    context: { ...context, "s3:ObjectCreationOperation": String(creates) },
    seen,
  });
  if (method === "GET" || method === "HEAD") return { action: "s3:GetObject", resource: objectArn, context, seen };
  // The start of a multipart upload and its parts cannot carry a condition; the completion and a single PUT create.
  if (method === "POST" && query.has("uploads")) return put(false);
  if (method === "PUT" && query.has("partNumber")) return put(false);
  if (method === "POST" && query.has("uploadId")) return put(true);
  if (method === "PUT") return put(true);
  if (method === "DELETE" && query.has("uploadId")) {
    return { action: "s3:AbortMultipartUpload", resource: objectArn, context, seen };
  }
  if (method === "DELETE") return { action: "s3:DeleteObject", resource: objectArn, context, seen };
  throw new Error(`unmapped object request: ${seen}`);
}
