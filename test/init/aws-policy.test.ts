import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import {
  awsPoliciesReference,
  awsSetup,
  compactJson,
  maintenancePolicy,
  readPolicy,
  registryLocation,
  subjectClaims,
  trustPolicy,
  writePolicy,
} from "../../src/init/aws-policy.ts";
import { REPO_ROOT } from "../helpers/runner.ts";

/** The IAM and trust policies `mlops init` prints for an S3 registry: least privilege, both OIDC subject formats. */

const registry = { bucket: "ml-models", prefix: "registry" };

describe("the registry's location", () => {
  it("splits bucket and prefix, without slashes at the ends", () => {
    expect(registryLocation("s3://ml-models/registry")).toEqual(registry);
    expect(registryLocation("s3://ml-models/team/registry/")).toEqual({ bucket: "ml-models", prefix: "team/registry" });
    expect(registryLocation("s3://ml-models")).toEqual({ bucket: "ml-models", prefix: "" });
    expect(registryLocation("s3://Bad_Bucket/x")).toBeUndefined();
  });
});

describe("permission policies", () => {
  it("the read-write role: list the prefix, read and write under it; versions and history create-only, never deleted", () => {
    const guarded = [
      "arn:aws:s3:::ml-models/registry/*/versions/*",
      "arn:aws:s3:::ml-models/registry/*/aliases/*",
      "arn:aws:s3:::ml-models/registry/*/sequence/*/claim.json",
      "arn:aws:s3:::ml-models/registry/*/fsck/*",
      "arn:aws:s3:::ml-models/registry/*/prune/*",
      "arn:aws:s3:::ml-models/registry/*/quarantine/*",
      "arn:aws:s3:::ml-models/registry/*/monitor/*",
      "arn:aws:s3:::ml-models/registry/*/scoring/*",
    ];
    expect(writePolicy(registry)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "ListTheRegistry",
          Effect: "Allow",
          Action: "s3:ListBucket",
          Resource: "arn:aws:s3:::ml-models",
          Condition: { StringLike: { "s3:prefix": ["registry/*"] } },
        },
        {
          Sid: "FindInterruptedUploads",
          Effect: "Allow",
          Action: "s3:ListBucketMultipartUploads",
          Resource: "arn:aws:s3:::ml-models",
        },
        {
          Sid: "ReadAndWriteObjects",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"],
          Resource: "arn:aws:s3:::ml-models/registry/*",
        },
        {
          Sid: "WithdrawClaimsAndDiscardCacheEntries",
          Effect: "Allow",
          Action: "s3:DeleteObject",
          Resource: ["arn:aws:s3:::ml-models/registry/*/sequence/*", "arn:aws:s3:::ml-models/registry/run-cache/*"],
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
    });
  });

  it("maintenance may delete under the prefix, and nothing outside it", () => {
    const policy = maintenancePolicy(registry);
    expect(policy.Statement.map((s) => [s.Effect, s.Action, s.Resource])).toEqual([
      ["Allow", "s3:ListBucket", "arn:aws:s3:::ml-models"],
      ["Allow", "s3:ListBucketMultipartUploads", "arn:aws:s3:::ml-models"],
      [
        "Allow",
        ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        "arn:aws:s3:::ml-models/registry/*",
      ],
    ]);
  });

  it("the read-only role: list and get, nothing else", () => {
    const policy = readPolicy(registry);
    expect(policy.Statement.flatMap((s) => s.Action)).toEqual(["s3:ListBucket", "s3:GetObject"]);
    expect(policy.Statement[1]?.Resource).toBe("arn:aws:s3:::ml-models/registry/*");
  });

  it("a registry at the bucket's top has no prefix condition", () => {
    const policy = writePolicy({ bucket: "ml-models", prefix: "" });
    expect(policy.Statement[0]?.Condition).toBeUndefined();
    expect(policy.Statement[2]?.Resource).toBe("arn:aws:s3:::ml-models/*");
    expect(policy.Statement[3]?.Resource).toEqual([
      "arn:aws:s3:::ml-models/*/sequence/*",
      "arn:aws:s3:::ml-models/run-cache/*",
    ]);
    expect(policy.Statement[5]?.Resource).toContain("arn:aws:s3:::ml-models/*/versions/*");
  });
});

describe("trust policies", () => {
  const repository = { owner: "acme", repo: "churn" };

  it("name both subject formats, with id placeholders until the ids are known", () => {
    expect(subjectClaims(repository, "pull_request")).toEqual([
      "repo:acme/churn:pull_request",
      "repo:acme@<OWNER_ID>/churn@<REPO_ID>:pull_request",
    ]);
    expect(subjectClaims({ ...repository, ownerId: "1234567", repoId: "89012345" }, "pull_request")[1]).toBe(
      "repo:acme@1234567/churn@89012345:pull_request",
    );
  });

  it("the write role trusts only the default branch, the read role only pull requests; audience and issuer fixed", () => {
    const write = trustPolicy(repository, "write", "trunk", "123456789012");
    expect(write.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": [
              "repo:acme/churn:ref:refs/heads/trunk",
              "repo:acme@<OWNER_ID>/churn@<REPO_ID>:ref:refs/heads/trunk",
            ],
          },
        },
      },
    ]);
    const read = trustPolicy(repository, "read", "trunk");
    expect(read.Statement[0]?.Condition?.StringEquals?.["token.actions.githubusercontent.com:sub"]).toEqual([
      "repo:acme/churn:pull_request",
      "repo:acme@<OWNER_ID>/churn@<REPO_ID>:pull_request",
    ]);
    expect(JSON.stringify(read)).toContain("arn:aws:iam::<AWS_ACCOUNT_ID>:oidc-provider/");
  });

  it("the setup pairs each role's permissions with its trust", () => {
    const setup = awsSetup(registry, repository, "main", "churn");
    expect(setup.roles.write).toMatchObject({ name: "mlops-churn-write", permissions: writePolicy(registry) });
    expect(setup.roles.read).toMatchObject({ name: "mlops-churn-read", permissions: readPolicy(registry) });
    expect(setup.maintenance).toEqual({ name: "mlops-churn-maintain", permissions: maintenancePolicy(registry) });
    expect(setup.variables.map((v) => v.name)).toEqual([
      "MLOPS_AWS_ROLE_ARN",
      "MLOPS_AWS_READ_ROLE_ARN",
      "MLOPS_AWS_REGION",
    ]);
    expect(awsSetup(registry, repository, "main", "m".repeat(64)).roles.write.name.length).toBeLessThanOrEqual(64);
  });
});

describe("compact JSON", () => {
  it("reads back as the same value, keeps short parts on one line, and stays within the width", () => {
    const policy = writePolicy(registry);
    const text = compactJson(policy);
    expect(JSON.parse(text)).toEqual(policy);
    expect(text).toContain('"Condition": { "StringLike": { "s3:prefix": ["registry/*"] } }');
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(compactJson({ a: [], b: {} })).toBe('{ "a": [], "b": {} }');
  });
});

describe("the snippets in docs/bucket.md", () => {
  it("are the five policies, as JSON blocks that read back as built", () => {
    const blocks = [...awsPoliciesReference().matchAll(/```json\n([\s\S]*?)\n```/g)].map(
      (m) => JSON.parse(m[1] ?? "") as unknown,
    );
    const repository = { owner: "my-org", repo: "my-ml-repo" };
    expect(blocks).toEqual([
      writePolicy(registry),
      trustPolicy(repository, "write", "main"),
      readPolicy(registry),
      trustPolicy(repository, "read", "main"),
      maintenancePolicy(registry),
    ]);
  });

  it("are as the repository's prettier formats them, so the generated section stays format-clean", async () => {
    const text = `${awsPoliciesReference()}\n`;
    const file = path.join(REPO_ROOT, "docs/bucket.md");
    const options = await prettier.resolveConfig(file);
    expect(await prettier.format(text, { ...options, filepath: file })).toBe(text);
  });
});
