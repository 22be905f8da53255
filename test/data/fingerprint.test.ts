import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintDatasets } from "../../src/data/fingerprint.ts";
import { ManifestSchema } from "../../src/registry/manifest.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { runCli } from "../helpers/cli.ts";
import { startS3Server } from "../helpers/s3-server.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Data fingerprints (lineage, cache key, new-data checks): local files by sha256, s3:// objects by size and ETag. */

describe("data fingerprints", () => {
  it("fingerprints local files by size and sha256", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "data/a.csv": "x\n1\n", "data/b.csv": "x\n2\n" });
    const sha = (text: string): string => createHash("sha256").update(text).digest("hex");
    expect(await fingerprintDatasets({ train: "data/*.csv", eval: "data/b.csv" } as never, dir, {})).toEqual([
      {
        dataset: "train",
        files: [
          { path: "data/a.csv", size: 4, sha256: sha("x\n1\n") },
          { path: "data/b.csv", size: 4, sha256: sha("x\n2\n") },
        ],
      },
      { dataset: "eval", files: [{ path: "data/b.csv", size: 4, sha256: sha("x\n2\n") }] },
    ]);
  });

  it("a manifest data entry needs a sha256 or an etag", () => {
    const entry = (file: Record<string, unknown>) =>
      ManifestSchema.shape.data.safeParse([{ dataset: "train", files: [{ path: "x", size: 1, ...file }] }]).success;
    expect(entry({ etag: "abc" })).toBe(true);
    expect(entry({ sha256: "a".repeat(64) })).toBe(true);
    expect(entry({})).toBe(false);
  });

  it("publishes a model trained on data in a bucket, recording each object's size and ETag", async () => {
    const server = await startS3Server(["lake"]);
    try {
      const lake = createS3Store(
        { bucket: "lake", prefix: "" },
        { endpoint: server.endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } },
      );
      const content = "age,churned\n30,0\n41,1\n";
      await lake.put("churn/2026-11/train.csv", content);
      const dir = await tempDir();
      await writeFiles(dir, {
        "model/weights.bin": "weights",
        "mlops.yml":
          "version: 1\nmodel: { name: churn }\ndata: { train: s3://lake/churn/2026-11/train.csv }\n" +
          `train: { command: "true", outputs: [model/] }\nregistry: { uri: models, endpoint: "${server.endpoint}" }\n` +
          "publish: { promote: false }\n",
      });
      expect((await runCli(["train"], { cwd: dir, env: server.env })).exitCode).toBe(0);
      const result = await runCli(["publish"], { cwd: dir, env: server.env });
      expect(result.exitCode, result.stderr).toBe(0);
      const [version] = await readdir(path.join(dir, "models/churn/versions"));
      const manifest = JSON.parse(
        await readFile(path.join(dir, "models/churn/versions", version ?? "", "manifest.json"), "utf8"),
      ) as {
        data: unknown;
      };
      expect(manifest.data).toEqual([
        {
          dataset: "train",
          files: [
            {
              path: "s3://lake/churn/2026-11/train.csv",
              size: 22,
              // A single-part upload's ETag is the MD5 of its bytes.
              etag: createHash("md5").update(content).digest("hex"),
            },
          ],
        },
      ]);
    } finally {
      await server.stop();
    }
  });
});
