import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  type IamPolicy,
  maintenancePolicy,
  readPolicy,
  type RegistryLocation,
  writePolicy,
} from "../../src/init/aws-policy.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { evaluate, type S3Request, s3Request } from "../helpers/iam.ts";
import { type S3Target, storeBackends, useBackend } from "../helpers/registry-backends.ts";
import { sdkClient } from "../helpers/s3-client.ts";
import { toyProject } from "../helpers/toy-project.ts";
import { startFaultProxy } from "../store/fault-proxy.ts";

/**
 * The IAM policies `mlops init` prints, held against what the kit really sends: every request of a publish, promote,
 * rollback, pull and run-cache round, recorded on its way to Ceph's RADOS Gateway (which, like AWS, honours
 * conditional writes, so the kit takes the same paths it takes on AWS), is mapped to its IAM action and condition keys
 * and evaluated (helpers/iam.ts). The write role must allow all of it and deny what erasing history would take; the
 * read role must allow a pull request's reads; maintenance must allow `clean`, `fsck --repair` and `prune --apply`.
 */

/**
 * Three versions of toy published on 2026-01-01 (long ago: prune keeps what is younger than a day), straight to the
 * server; champion moved to the second. Returns their ids.
 */
async function oldVersions(target: S3Target, dir: string): Promise<string[]> {
  const store = createS3Store(
    { bucket: target.bucket, prefix: target.prefix },
    { endpoint: target.endpoint, credentials: target.credentials },
  );
  let tick = 0;
  const registry = createRegistry(store, () => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++)));
  await writeFile(path.join(dir, "old.bin"), "old weights");
  const versions: string[] = [];
  for (let i = 0; i < 3; i++) {
    const input = publishInput({ model: "toy", files: [{ path: "old.bin", source: path.join(dir, "old.bin") }] });
    versions.push((await registry.publish(input)).version);
  }
  const move = { at: "2026-01-01T13:00:00.000Z", actor: "tester", reason: "test", runUrl: null, forced: false };
  await registry.moveAlias("toy", "champion", versions[1] ?? "", move);
  return versions;
}

const [rgw] = storeBackends(["rgw"]);
if (!rgw) throw new Error("no rgw backend");

describe("the registry's IAM policies against the requests the kit makes", () => {
  useBackend(rgw);

  async function setup() {
    const target = rgw?.target();
    if (!target) throw new Error("no RGW target");
    const proxy = await startFaultProxy(target.endpoint, () => "pass");
    onTestFinished(() => proxy.close());
    const dir = await toyProject();
    const config = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeFile(
      path.join(dir, "mlops.yml"),
      config.replace("  cache: false\n", "  cache: { backend: s3 }\n") +
        `registry: { uri: "s3://${target.bucket}/${target.prefix}", endpoint: "${proxy.endpoint}", force_path_style: true }\n`,
    );
    const at: RegistryLocation = { bucket: target.bucket, prefix: target.prefix };
    const cli = async (...argv: string[]): Promise<void> => {
      const result = await runCli(argv, { cwd: dir, env: target.env });
      expect(result.exitCode, `mlops ${argv.join(" ")}\n${result.stderr}`).toBe(0);
    };
    /** The requests recorded since the last call. */
    let seen = 0;
    const recorded = (): S3Request[] => {
      const requests = proxy.log.slice(seen).map((entry) => s3Request(entry.method, entry.url, entry.headers));
      seen = proxy.log.length;
      return requests;
    };
    const refused = (policy: IamPolicy, requests: S3Request[]): string[] =>
      requests.filter((request) => evaluate(policy, request) !== "allow").map((request) => request.seen);
    return { dir, at, target, endpoint: proxy.endpoint, cli, recorded, refused };
  }

  it("the write role allows every request of publish, promote, rollback, pull and the run cache, and no overwrite or delete of history", async () => {
    const { at, target, cli, recorded, refused } = await setup();
    await cli("run");
    await cli("run", "--set", "lr=0.5");
    await cli("run", "--force");
    await cli("run"); // a run-cache hit
    await cli("promote", "1", "--reason", "back to the first");
    await cli("rollback");
    await cli("models");
    await cli("models", "history");
    await cli("pull", "toy@champion", "--out", "deploy");
    const requests = recorded();
    // Every kind of request the kit makes went past the policy (a fresh registry, three publishes, a cache hit ...).
    expect(new Set(requests.map((r) => r.action))).toEqual(
      new Set(["s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"]),
    );
    expect(refused(writePolicy(at), requests)).toEqual([]);
    // Version objects, alias entries and claims went up create-only.
    const creates = requests.filter(
      (r) => r.action === "s3:PutObject" && /\/(versions|aliases|sequence)\//.test(r.resource),
    );
    expect(creates.length).toBeGreaterThan(10);
    for (const r of creates)
      if (!/\/sequence\/\d+\/v/.test(r.resource)) expect(r.context["s3:if-none-match"], r.seen).toBe("*");

    // What erasing or rewriting history would take is denied outright.
    const client = sdkClient(target);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: at.bucket, Prefix: `${at.prefix}/toy/` }));
    const keys = listed.Contents?.map((o) => o.Key ?? "") ?? [];
    const manifest = keys.find((k) => k.endsWith("/manifest.json")) ?? "";
    const file = keys.find((k) => k.includes("/files/")) ?? "";
    const entry = keys.find((k) => k.includes("/aliases/")) ?? "";
    const claim = keys.find((k) => k.endsWith("/claim.json")) ?? "";
    expect([manifest, file, entry, claim].every((k) => k !== "")).toBe(true);
    const url = (key: string): string => `/${at.bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
    const attacks = [
      s3Request("PUT", url(manifest)),
      s3Request("PUT", url(manifest), { "x-amz-copy-source": `/${at.bucket}/${file}` }),
      s3Request("DELETE", url(manifest)),
      s3Request("PUT", url(file)),
      s3Request("POST", `${url(file)}?uploadId=u1`),
      s3Request("DELETE", url(file)),
      s3Request("PUT", url(entry)),
      s3Request("DELETE", url(entry)),
      s3Request("DELETE", url(claim)),
    ];
    expect(attacks.map((r) => [r.seen, evaluate(writePolicy(at), r)])).toEqual(
      attacks.map((r) => [r.seen, "explicit-deny"]),
    );
    // With the condition the write is allowed, and the server refuses it because the key exists.
    const conditional = s3Request("PUT", url(manifest), { "if-none-match": "*" });
    expect(evaluate(writePolicy(at), conditional)).toBe("allow");
    await expect(
      client.send(new PutObjectCommand({ Bucket: at.bucket, Key: manifest, Body: "{}", IfNoneMatch: "*" })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } });
  });

  it("the read role allows what a pull request's gate and a deploy box's pull read", async () => {
    const { at, cli, recorded, refused } = await setup();
    await cli("run");
    recorded();
    await cli("gate");
    await cli("models");
    await cli("models", "show", "champion");
    await cli("pull", "toy", "--out", "deploy");
    const requests = recorded();
    expect(requests.length).toBeGreaterThan(5);
    expect(refused(readPolicy(at), requests)).toEqual([]);
  });

  it("maintenance allows clean and fsck --repair, which delete what the write role may not", async () => {
    const { at, target, cli, recorded, refused } = await setup();
    await cli("run");
    await cli("run", "--set", "lr=0.5");
    const client = sdkClient(target);
    const keys =
      (
        await client.send(new ListObjectsV2Command({ Bucket: at.bucket, Prefix: `${at.prefix}/toy/aliases/` }))
      ).Contents?.map((o) => o.Key ?? "") ?? [];
    // A damaged alias entry that is not the last (fsck moves it aside), and debris of a publish killed long ago.
    await client.send(new PutObjectCommand({ Bucket: at.bucket, Key: keys.sort()[0] ?? "", Body: "{" }));
    await client.send(
      new PutObjectCommand({
        Bucket: at.bucket,
        Key: `${at.prefix}/toy/versions/v20200101T000000000Z-abcdef/files/model/weights.json`,
        Body: "{}",
      }),
    );
    recorded();
    await cli("models", "fsck", "--repair");
    await cli("models", "clean");
    const requests = recorded();
    expect(refused(maintenancePolicy(at), requests)).toEqual([]);
    const deletes = requests.filter((r) => r.action === "s3:DeleteObject");
    expect(deletes.some((r) => r.resource.includes("/aliases/"))).toBe(true);
    expect(deletes.some((r) => r.resource.includes("/versions/v20200101T000000000Z-abcdef/"))).toBe(true);
    expect(deletes.map((r) => evaluate(writePolicy(at), r))).toEqual(deletes.map(() => "explicit-deny"));
  });

  it("maintenance allows prune --apply, whose deletes the write role may not make; a dry run only reads", async () => {
    const { dir, at, target, cli, recorded, refused } = await setup();
    const [v1, v2, v3] = await oldVersions(target, dir);
    recorded();
    await cli("models", "prune", "--keep", "1");
    const dry = recorded();
    expect(new Set(dry.map((r) => r.action))).toEqual(new Set(["s3:ListBucket", "s3:GetObject"]));
    expect(refused(readPolicy(at), dry)).toEqual([]);

    await cli("models", "prune", "--keep", "1", "--apply");
    const requests = recorded();
    expect(refused(maintenancePolicy(at), requests)).toEqual([]);
    const deletes = requests.filter((r) => r.action === "s3:DeleteObject").map((r) => r.resource);
    const objects = (version: string | undefined) => [
      `arn:aws:s3:::${at.bucket}/${at.prefix}/toy/versions/${version}/manifest.json`,
      `arn:aws:s3:::${at.bucket}/${at.prefix}/toy/versions/${version}/files/old.bin`,
    ];
    expect(deletes).toEqual(objects(v1));
    expect(deletes.some((key) => key.includes(v2 ?? "-") || key.includes(v3 ?? "-"))).toBe(false);
    expect(requests.filter((r) => r.action === "s3:DeleteObject").map((r) => evaluate(writePolicy(at), r))).toEqual([
      "explicit-deny",
      "explicit-deny",
    ]);
    // Its record is created, never replaced: the write role could not forge nor erase it either.
    const record = requests.filter((r) => r.action === "s3:PutObject" && r.resource.includes("/toy/prune/"));
    expect(record).toHaveLength(1);
    expect(record[0]?.context["s3:if-none-match"]).toBe("*");
    const forged = s3Request("PUT", `/${at.bucket}/${at.prefix}/toy/prune/20260101T000000000Z-00000000.json`);
    expect(evaluate(writePolicy(at), forged)).toBe("explicit-deny");
  });

  it("a run appends create-only; overwriting or deleting what a run wrote is denied", async () => {
    const { at, target, endpoint, recorded, refused } = await setup();
    const store = createS3Store(
      { bucket: at.bucket, prefix: at.prefix },
      { endpoint, credentials: target.credentials },
    );
    const registry = createRegistry(store, () => new Date(Date.UTC(2026, 2, 30, 1)));
    const window = {
      key: "2026-03-29",
      size: "day" as const,
      start: "2026-03-29T00:00:00.000Z",
      end: "2026-03-30T00:00:00.000Z",
    };
    const entry = {
      window,
      version: "v20260101T120000000Z-abcdef",
      computedAt: "2026-03-30T01:00:00.000Z",
      runUrl: null,
    };
    const [key] = await registry.appendMonitorLog("toy", "champion", [{ ...entry, result: { rows: 10 } }]);
    expect((await registry.monitorLog("toy", "champion")).latest.map((e) => e.result)).toEqual([{ rows: 10 }]);
    const requests = recorded();
    expect(refused(writePolicy(at), requests)).toEqual([]);
    const puts = requests.filter((r) => r.action === "s3:PutObject" && r.resource.includes("/toy/monitor/"));
    expect(puts).toHaveLength(1);
    expect(puts[0]?.context["s3:if-none-match"]).toBe("*");
    const url = `/${at.bucket}/${at.prefix}/${key ?? ""}`;
    for (const attack of [s3Request("PUT", url), s3Request("DELETE", url)]) {
      expect(evaluate(writePolicy(at), attack), attack.seen).toBe("explicit-deny");
    }
  });
  it("a batch-scoring record is appended create-only; overwriting or deleting it is denied", async () => {
    const { at, target, endpoint, recorded, refused } = await setup();
    const store = createS3Store(
      { bucket: at.bucket, prefix: at.prefix },
      { endpoint, credentials: target.credentials },
    );
    const registry = createRegistry(store, () => new Date(Date.UTC(2026, 2, 30, 2, 23)));
    const key = await registry.appendScoringRecord("toy", {
      alias: "champion",
      version: "v20260101T120000000Z-abcdef",
      scoredAt: "2026-03-30T02:23:00.000Z",
      runUrl: null,
      input: { fingerprint: "0123456789abcdef", files: [{ path: "data/new.csv", size: 120 }], rows: 10 },
      output: { location: "s3://scores/toy/v1/0123456789abcdef", format: "csv", parts: 1, rows: 10 },
      shards: 1,
    });
    expect((await registry.scoringLog("toy")).map((record) => record.key)).toEqual([key]);
    const requests = recorded();
    expect(refused(writePolicy(at), requests)).toEqual([]);
    const puts = requests.filter((r) => r.action === "s3:PutObject" && r.resource.includes("/toy/scoring/"));
    expect(puts).toHaveLength(1);
    expect(puts[0]?.context["s3:if-none-match"]).toBe("*");
    const url = `/${at.bucket}/${at.prefix}/${key}`;
    for (const attack of [s3Request("PUT", url), s3Request("DELETE", url)]) {
      expect(evaluate(writePolicy(at), attack), attack.seen).toBe("explicit-deny");
    }
  });
});

describe("prune under the write role, where deletes of version objects are denied", () => {
  useBackend(rgw);

  it("exits 1 naming each version it could not delete, and leaves them whole", async () => {
    const target = rgw?.target();
    if (!target) throw new Error("no RGW target");
    const proxy = await startFaultProxy(target.endpoint, ({ method, url }) =>
      method === "DELETE" && url.includes("/versions/") ? 403 : "pass",
    );
    onTestFinished(() => proxy.close());
    const dir = await toyProject();
    const config = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeFile(
      path.join(dir, "mlops.yml"),
      `${config}registry: { uri: "s3://${target.bucket}/${target.prefix}", endpoint: "${proxy.endpoint}", force_path_style: true }\n`,
    );
    const [v1] = await oldVersions(target, dir);
    const pruned = await runCli(["models", "prune", "--keep", "1", "--apply"], { cwd: dir, env: target.env });
    expect(pruned.exitCode, pruned.stderr).toBe(1);
    expect(pruned.stdout).toMatch(
      new RegExp(`^failed: toy/versions/${v1}/manifest\\.json: ${v1} was not deleted: .*access denied`, "im"),
    );
    expect(pruned.stdout).toMatch(
      /\nDeleted 0 version\(s\) \(0 B, 0 object\(s\)\); 1 could not be deleted \(failed: above\)\.\n$/,
    );
    const list = await runCli(["models", "--json"], { cwd: dir, env: target.env });
    expect((JSON.parse(list.stdout) as { versions: unknown[] }).versions).toHaveLength(3);
  });
});

describe("a publish under the write role, where deletes of version objects are denied", () => {
  useBackend(rgw);

  it("publishes, and the clean-up it tries afterwards only warns, naming the maintenance permissions", async () => {
    const target = rgw?.target();
    if (!target) throw new Error("no RGW target");
    // As AWS answers the write role (403 AccessDenied) when it deletes under versions/.
    const proxy = await startFaultProxy(target.endpoint, ({ method, url }) =>
      method === "DELETE" && url.includes("/versions/") && !url.includes("uploadId") ? 403 : "pass",
    );
    onTestFinished(() => proxy.close());
    const dir = await toyProject();
    const config = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeFile(
      path.join(dir, "mlops.yml"),
      `${config}registry: { uri: "s3://${target.bucket}/${target.prefix}", endpoint: "${proxy.endpoint}", force_path_style: true }\n`,
    );
    await sdkClient(target).send(
      new PutObjectCommand({
        Bucket: target.bucket,
        Key: `${target.prefix}/toy/versions/v20200101T000000000Z-abcdef/files/model/weights.json`,
        Body: "{}",
      }),
    );
    const run = await runCli(["run"], { cwd: dir, env: target.env });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning could not clean up after interrupted publishes: .*access denied.*; the registry's write role may not delete version objects by design: run `mlops models clean` with the maintenance permissions/,
    );
    expect(proxy.log.some((entry) => entry.fault === 403)).toBe(true);
  });
});
