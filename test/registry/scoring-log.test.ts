import { describe, expect, it } from "vitest";
import { SCORING_RECORD_FORMAT } from "../../src/registry/scoring-log.ts";
import type { ScoringRecord } from "../../src/registry/registry.ts";
import { useBackend } from "../helpers/registry-backends.ts";
import { backends, NOT_JSON, registrySetup } from "./backends.ts";

/**
 * Issue 23 item 2: the batch-scoring log, which version scored which input, per model, append-only, on every backend
 * of the registry's contract (helpers/registry-backends.ts); a damaged record is skipped and reported.
 */

const VERSION = "v20260101T120000000Z-abcdef";

function record(fingerprint: string, rows: number, alias: string | null = "champion"): ScoringRecord {
  return {
    alias,
    version: VERSION,
    scoredAt: "2026-03-30T02:23:00.000Z",
    runUrl: "https://github.com/octo-org/models/actions/runs/9",
    input: {
      fingerprint,
      files: [{ path: "s3://data/incoming/2026-03-29.csv", size: 1200, etag: '"9b2cf535f27731c974343645a3985328"' }],
      rows,
    },
    output: {
      location: `s3://data/scores/churn/${VERSION}/${fingerprint}`,
      format: "csv",
      parts: 1,
      rows,
    },
    shards: 1,
  };
}

const OBJECT_KEY = /^churn\/scoring\/\d{8}T\d{9}Z-[0-9a-f]{8}\.json$/;

describe.each(backends())("the batch-scoring log on a %s", (_name, open, backend) => {
  useBackend(backend);

  it("reads back every record in append order, each in one object of the kit's format", async () => {
    const { store, registry, damaged } = await registrySetup(open);
    expect(await registry.scoringLog("churn")).toEqual([]);
    const first = await registry.appendScoringRecord("churn", record("0123456789abcdef", 120));
    const second = await registry.appendScoringRecord("churn", record("fedcba9876543210", 80, null));
    expect(first).toMatch(OBJECT_KEY);
    expect(second > first).toBe(true);
    expect(JSON.parse((await store.get(first))?.toString() ?? "")).toEqual({
      format: SCORING_RECORD_FORMAT,
      model: "churn",
      record: record("0123456789abcdef", 120),
    });
    expect(await registry.scoringLog("churn")).toEqual([
      { ...record("0123456789abcdef", 120), key: first },
      { ...record("fedcba9876543210", 80, null), key: second },
    ]);
    expect(await registry.scoringLog("other")).toEqual([]);
    expect(damaged).toEqual([]);
  });

  it("refuses an invalid record (a bug of its caller) and writes nothing", async () => {
    const { store, registry } = await registrySetup(open);
    await expect(
      registry.appendScoringRecord("churn", {
        ...record("0123456789abcdef", 1),
        input: { fingerprint: "x", files: [], rows: 1 },
      }),
    ).rejects.toThrow(/the scoring record is not valid \(input\.fingerprint: /);
    expect(await store.list("churn/scoring/")).toEqual([]);
  });

  it("a damaged record is skipped and reported; the others are read", async () => {
    const { store, registry, damaged } = await registrySetup(open);
    const good = await registry.appendScoringRecord("churn", record("0123456789abcdef", 120));
    const bad = await registry.appendScoringRecord("churn", record("fedcba9876543210", 80));
    await store.put(bad, '{"format": "mlops-kit/scoring-record@1"');
    const foreign = await registry.appendScoringRecord("churn", record("1111111111111111", 3));
    await store.put(
      foreign,
      JSON.stringify({ format: SCORING_RECORD_FORMAT, model: "fraud", record: record("1111111111111111", 3) }),
    );
    expect((await registry.scoringLog("churn")).map((r) => r.key)).toEqual([good]);
    expect(damaged).toEqual([
      {
        model: "churn",
        key: bad,
        kind: "scoring-record",
        subject: "churn",
        problem: NOT_JSON,
        effect: "that scoring run is left out of the scoring log; the rest of the log is read",
      },
      expect.objectContaining({ key: foreign, problem: "is a scoring record of model fraud, not churn" }),
    ]);
  });

  it("fsck lists a damaged record and moves it aside with --repair", async () => {
    const { store, registry } = await registrySetup(open);
    const good = await registry.appendScoringRecord("churn", record("0123456789abcdef", 120));
    const bad = await registry.appendScoringRecord("churn", record("fedcba9876543210", 80));
    await store.put(bad, "");
    const checked = await registry.fsck("churn", { repair: false, actor: "tester" });
    expect(checked.problems.map((p) => [p.key, p.repaired])).toEqual([[bad, null]]);
    const repaired = await registry.fsck("churn", { repair: true, actor: "tester" });
    expect(repaired.problems.map((p) => p.key)).toEqual([bad]);
    expect(repaired.problems[0]?.repaired).not.toBeNull();
    expect(await store.list("churn/scoring/")).toEqual([good]);
    expect((await registry.scoringLog("churn")).map((r) => r.key)).toEqual([good]);
  });
});
