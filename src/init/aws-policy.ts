import { parseS3Uri } from "../files/safe-path.ts";

/**
 * The AWS side of an S3 registry, in one place: the least IAM policies of the two roles the workflows assume (a
 * read-only one for pull requests, a read-write one for the default branch) and their OIDC trust policies. `mlops
 * init` prints them for the user's bucket and repository; docs/bucket.md shows the same JSON for an example.
 *
 * Trust policies list both subject-claim formats GitHub sends (PLATFORM.md): repositories created after 2026-07-15
 * send immutable ids, `repo:<owner>@<owner id>/<repo>@<repo id>:...`; older ones `repo:<owner>/<repo>:...`.
 */

export const OIDC_PROVIDER = "token.actions.githubusercontent.com";
export const OIDC_AUDIENCE = "sts.amazonaws.com";

/** Placeholders the user replaces; printed with how to find each value. */
export const PLACEHOLDERS = {
  accountId: "<AWS_ACCOUNT_ID>",
  owner: "<OWNER>",
  repo: "<REPO>",
  ownerId: "<OWNER_ID>",
  repoId: "<REPO_ID>",
} as const;

export interface IamStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource?: string | string[];
  Principal?: { Federated: string };
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface IamPolicy {
  Version: "2012-10-17";
  Statement: IamStatement[];
}

export interface RegistryLocation {
  bucket: string;
  /** Key prefix without slashes at either end; "" for a whole bucket. */
  prefix: string;
}

export function registryLocation(uri: string): RegistryLocation | undefined {
  const parsed = parseS3Uri(uri);
  if (!parsed) return undefined;
  return { bucket: parsed.bucket, prefix: parsed.key.replace(/^\/+|\/+$/g, "") };
}

const objects = (at: RegistryLocation, below = "*"): string =>
  `arn:aws:s3:::${at.bucket}/${at.prefix === "" ? "" : `${at.prefix}/`}${below}`;

/** ListBucket limited to the registry's prefix (s3:prefix is a condition key of ListBucket). */
function listTheRegistry(at: RegistryLocation): IamStatement {
  return {
    Sid: "ListTheRegistry",
    Effect: "Allow",
    Action: "s3:ListBucket",
    Resource: `arn:aws:s3:::${at.bucket}`,
    ...(at.prefix === "" ? {} : { Condition: { StringLike: { "s3:prefix": [`${at.prefix}/*`] } } }),
  };
}

/** For pull requests (and anything else that only reads: a deploy box running `mlops pull`). */
export function readPolicy(at: RegistryLocation): IamPolicy {
  return {
    Version: "2012-10-17",
    Statement: [
      listTheRegistry(at),
      { Sid: "ReadObjects", Effect: "Allow", Action: "s3:GetObject", Resource: objects(at) },
    ],
  };
}

/**
 * What the registry never replaces nor deletes in normal work (docs/registry.md "Layout"): every object of a
 * version (files, attachments, the manifest), the alias history, the claims on version numbers, the records of
 * `fsck --repair` and `prune --apply`, what fsck moved aside, the monitoring logs and the batch-scoring records
 * (`mlops predict history`: which version scored what).
 */
export const CREATE_ONLY_OBJECTS = [
  "*/versions/*",
  "*/aliases/*",
  "*/sequence/*/claim.json",
  "*/fsck/*",
  "*/prune/*",
  "*/quarantine/*",
  "*/monitor/*",
  "*/scoring/*",
] as const;

function findInterruptedUploads(at: RegistryLocation): IamStatement {
  return {
    Sid: "FindInterruptedUploads",
    Effect: "Allow",
    Action: "s3:ListBucketMultipartUploads",
    Resource: `arn:aws:s3:::${at.bucket}`,
  };
}

/**
 * For the default branch: publish, promote, rollback, the run cache under the prefix. It cannot erase history: the
 * objects in {@link CREATE_ONLY_OBJECTS} may only be created (a write must carry `If-None-Match: *`, which AWS refuses
 * with 412 when the key exists; the kit sends it on every such write) and never deleted. Explicit denies, so no other
 * policy attached to the role can lift them.
 *
 * Why IAM conditions rather than S3 Object Lock: Object Lock keeps old object versions from deletion, but an
 * overwrite still succeeds and becomes what every reader sees (a replaced manifest is the version from then on), and
 * it needs versioning and a retention period on the whole bucket. The condition refuses the overwrite itself. Both
 * rest on who may change the bucket's policies: keep that off this role (it has no such permission).
 *
 * `s3:ObjectCreationOperation` exempts CreateMultipartUpload and UploadPart, which cannot carry the header; the
 * completion does. Clean-up of debris, `fsck --repair` and `prune --apply` delete, so they need
 * {@link maintenancePolicy}.
 * Listing multipart uploads gets no prefix condition: IAM documents s3:prefix for ListBucket, not for this action.
 */
export function writePolicy(at: RegistryLocation): IamPolicy {
  const guarded = CREATE_ONLY_OBJECTS.map((pattern) => objects(at, pattern));
  return {
    Version: "2012-10-17",
    Statement: [
      listTheRegistry(at),
      findInterruptedUploads(at),
      {
        Sid: "ReadAndWriteObjects",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"],
        Resource: objects(at),
      },
      {
        // Claims of servers without conditional writes are withdrawn by a losing publisher; the run cache discards
        // a corrupt entry. (Exclusive claims, claim.json, are guarded below.)
        Sid: "WithdrawClaimsAndDiscardCacheEntries",
        Effect: "Allow",
        Action: "s3:DeleteObject",
        Resource: [objects(at, "*/sequence/*"), objects(at, "run-cache/*")],
      },
      {
        Sid: "VersionsAndHistoryAreCreateOnly",
        Effect: "Deny",
        Action: "s3:PutObject",
        Resource: guarded,
        Condition: { Null: { "s3:if-none-match": "true" }, Bool: { "s3:ObjectCreationOperation": "true" } },
      },
      { Sid: "VersionsAndHistoryAreNeverDeleted", Effect: "Deny", Action: "s3:DeleteObject", Resource: guarded },
    ],
  };
}

/**
 * For people (or a manually dispatched job), not for every push: `mlops models clean` (the debris of interrupted
 * publishes), `mlops models fsck --repair` (damaged objects moved aside) and `mlops models prune --apply` (old
 * versions: their manifests and files; it creates its record under `prune/`) delete objects the write role may not.
 * Whoever holds it can erase history, so give it as few principals as you can and keep bucket versioning on, so a
 * deleted object can still be restored.
 */
export function maintenancePolicy(at: RegistryLocation): IamPolicy {
  return {
    Version: "2012-10-17",
    Statement: [
      listTheRegistry(at),
      findInterruptedUploads(at),
      {
        Sid: "ReadWriteAndDeleteObjects",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        Resource: objects(at),
      },
    ],
  };
}

export interface GitHubRepository {
  owner: string;
  repo: string;
  /** Numeric ids for the immutable subject format; placeholders when unknown. */
  ownerId?: string;
  repoId?: string;
}

/** The OIDC `sub` of a run in both formats, e.g. `ref:refs/heads/main` or `pull_request` as the context. */
export function subjectClaims(repository: GitHubRepository, context: string): string[] {
  const { owner, repo } = repository;
  const ownerId = repository.ownerId ?? PLACEHOLDERS.ownerId;
  const repoId = repository.repoId ?? PLACEHOLDERS.repoId;
  return [`repo:${owner}/${repo}:${context}`, `repo:${owner}@${ownerId}/${repo}@${repoId}:${context}`];
}

export type RoleAccess = "read" | "write";

/** The OIDC context a role trusts: pushes and schedules on the default branch write; pull requests read. */
export function trustedContext(access: RoleAccess, defaultBranch: string): string {
  return access === "write" ? `ref:refs/heads/${defaultBranch}` : "pull_request";
}

/**
 * Who may assume a role: GitHub's OIDC tokens for this repository, audience sts.amazonaws.com, in the given context
 * only. StringEquals, not StringLike: no subject here needs a wildcard, so none can match by accident.
 */
export function trustPolicy(
  repository: GitHubRepository,
  access: RoleAccess,
  defaultBranch: string,
  accountId: string = PLACEHOLDERS.accountId,
): IamPolicy {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${OIDC_PROVIDER}` },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${OIDC_PROVIDER}:aud`]: OIDC_AUDIENCE,
            [`${OIDC_PROVIDER}:sub`]: subjectClaims(repository, trustedContext(access, defaultBranch)),
          },
        },
      },
    ],
  };
}

/** The repository variables the workflow templates read (src/init/workflows.ts). */
export const AWS_VARIABLES = [
  {
    name: "MLOPS_AWS_ROLE_ARN",
    purpose: "ARN of the read-write role: pushes to the default branch (publish, promote) and scheduled retraining",
  },
  {
    name: "MLOPS_AWS_READ_ROLE_ARN",
    purpose: "ARN of the read-only role: pull requests (the gate reads the champion)",
  },
  { name: "MLOPS_AWS_REGION", purpose: "the bucket's region (default us-east-1)" },
] as const;

export interface AwsSetup {
  bucket: string;
  prefix: string;
  variables: typeof AWS_VARIABLES;
  roles: Record<RoleAccess, { name: string; permissions: IamPolicy; trust: IamPolicy; trusts: string[] }>;
  /** For `models clean`, `fsck --repair` and `prune --apply`: a policy for people, with no trust in GitHub's OIDC. */
  maintenance: { name: string; permissions: IamPolicy };
}

/** Everything the user creates in AWS for one registry and one repository. */
export function awsSetup(
  at: RegistryLocation,
  repository: GitHubRepository,
  defaultBranch: string,
  model: string,
): AwsSetup {
  const role = (access: RoleAccess, permissions: IamPolicy) => ({
    // IAM role names hold at most 64 characters.
    name: `mlops-${model.slice(0, 64 - "mlops--write".length)}-${access}`,
    permissions,
    trust: trustPolicy(repository, access, defaultBranch),
    trusts: subjectClaims(repository, trustedContext(access, defaultBranch)),
  });
  return {
    bucket: at.bucket,
    prefix: at.prefix,
    variables: AWS_VARIABLES,
    roles: { write: role("write", writePolicy(at)), read: role("read", readPolicy(at)) },
    maintenance: {
      name: `mlops-${model.slice(0, 64 - "mlops--maintain".length)}-maintain`,
      permissions: maintenancePolicy(at),
    },
  };
}

/** JSON as a user pastes it into the IAM console or a file: a value that fits on its line stays on it. */
export function policyJson(policy: IamPolicy, width = 100): string {
  return compactJson(policy, width);
}

/** Indented JSON whose short arrays and objects stay on one line (as prettier formats them), at most `width` wide. */
export function compactJson(value: unknown, width = 100): string {
  const flat = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(flat).join(", ")}]`;
    if (v !== null && typeof v === "object") {
      const entries = Object.entries(v).map(([k, item]) => `${JSON.stringify(k)}: ${flat(item)}`);
      return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
    }
    return JSON.stringify(v);
  };
  // `used`: columns before the value on its line; `after`: characters after it (a comma), as prettier counts them.
  const format = (v: unknown, indent: string, used: number, after: number): string => {
    const oneLine = flat(v);
    if (v === null || typeof v !== "object" || used + oneLine.length + after <= width) return oneLine;
    const inner = `${indent}  `;
    const comma = (index: number, length: number): number => (index < length - 1 ? 1 : 0);
    if (Array.isArray(v))
      return `[\n${v.map((item, i) => inner + format(item, inner, inner.length, comma(i, v.length))).join(",\n")}\n${indent}]`;
    const pairs = Object.entries(v);
    const entries = pairs.map(([k, item], i) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + format(item, inner, inner.length + key.length, comma(i, pairs.length));
    });
    return `{\n${entries.join(",\n")}\n${indent}}`;
  };
  return format(value, "", 0, 0);
}

/**
 * The snippets of docs/bucket.md, from the same functions (for a generated section between markers, as scripts/docs.ts does
 * for the config reference): the example registry s3://ml-models/registry in my-org/my-ml-repo, default branch main.
 */
export function awsPoliciesReference(): string {
  const at = { bucket: "ml-models", prefix: "registry" };
  const repository = { owner: "my-org", repo: "my-ml-repo" };
  // 120 columns, as the repository's prettier formats markdown: the generated section stays prettier-clean.
  const block = (title: string, policy: IamPolicy): string =>
    `${title}\n\n\`\`\`json\n${policyJson(policy, 120)}\n\`\`\``;
  return [
    block(
      "Permissions of the read-write role (pushes and schedules on `main`: publish, promote, rollback, the run cache):",
      writePolicy(at),
    ),
    block("Its trust policy (only runs on `main`; both subject formats):", trustPolicy(repository, "write", "main")),
    block("Permissions of the read-only role (pull requests: the gate reads the champion):", readPolicy(at)),
    block(
      "Its trust policy (only `pull_request`; fork pull requests get no OIDC token):",
      trustPolicy(repository, "read", "main"),
    ),
    block(
      "Permissions for maintenance (`models clean`, `models fsck --repair`, `models prune --apply`; for people, no OIDC trust):",
      maintenancePolicy(at),
    ),
  ].join("\n\n");
}
