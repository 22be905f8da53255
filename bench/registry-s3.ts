import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { MULTIPART_PART_SIZE, MULTIPART_QUEUE_SIZE } from "../src/store/s3-store.ts";
import { bundleForBench, type ChildResult, runChild } from "./bundle.ts";
import { pairedRatio, rate, spread } from "./figures.ts";

/**
 * The S3 half of `npm run bench:registry`: publish and pull a model file (1 GiB by default) through the registry on a
 * local S3 server (s3rver, in this process), and copy the same file up and down with Debian's awscli
 * (`/usr/bin/aws s3 cp`, its default 10 threads and 8 MiB parts) against the same server, in the same run.
 *
 * Ours: bench/registry-s3-worker.ts, bundled as the kit ships and run by plain `node` with bench/rss.mjs (publish:
 * multipart upload with the sha256 computed from the bytes as they are sent; pull: download with the sha256 verified in
 * the same pass). awscli under `/usr/bin/time -f %M` for its peak RSS. Both are timed from spawn to exit, so start-up
 * counts on both sides. Rounds are interleaved, the order reversed every other round; each figure is the median of its
 * rounds with the range, and the ratio is the median of ours over awscli's with the round-by-round range.
 *
 * Targets (issue 22): ours at least awscli's speed both ways; our peak RSS at most the memory floor (the same code on a
 * 16 MiB file) plus the multipart window, whatever the file's size. A failed transfer on either side, or a target
 * missed, is returned as a failure (the bench exits 1).
 */

const MiB = 1024 * 1024;
const AWS = "/usr/bin/aws";
/** Ours over awscli, medians: at least awscli's speed. */
const SPEED_TARGET = 1.0;
const WINDOW_MIB = (MULTIPART_QUEUE_SIZE * MULTIPART_PART_SIZE) / MiB;

export interface S3BenchOptions {
  dataDir: string;
  model: string;
  small: string;
  sizeMiB: number;
  rounds: number;
}

type Side = "oursUp" | "awsUp" | "oursDown" | "awsDown";

export async function benchS3(options: S3BenchOptions): Promise<string[]> {
  const { dataDir, model, small, sizeMiB, rounds } = options;
  if (!existsSync(AWS)) {
    return [`${AWS} is missing: apt-get install awscli (Debian's package is the peer the S3 half compares with)`];
  }
  const storage = path.join(dataDir, "s3rver");
  await rm(storage, { recursive: true, force: true });
  const worker = await bundleForBench(
    path.join(import.meta.dirname, "registry-s3-worker.ts"),
    path.join(dataDir, "s3-worker"),
  );
  const { startS3Server } = await import("../test/helpers/s3-server.ts");
  const server = await startS3Server(["bench"], storage);
  const env = { ...process.env, ...server.env, AWS_EC2_METADATA_DISABLED: "true", AWS_PAGER: "" };
  const ours = (args: string[]): Promise<ChildResult> =>
    runChild(process.execPath, ["--import", path.join(import.meta.dirname, "rss.mjs"), worker, ...args], env);
  const aws = (from: string, to: string): Promise<ChildResult> =>
    runChild(
      "/usr/bin/time",
      ["-f", "%M", AWS, "s3", "cp", "--only-show-errors", from, to, "--endpoint-url", server.endpoint],
      env,
    );
  const results: Record<Side, ChildResult[]> = { oursUp: [], awsUp: [], oursDown: [], awsDown: [] };
  let floor = { up: 0, down: 0 };
  try {
    // The same code on a 16 MiB file: the memory floor (Node, the SDK), so the big file's figures show what the
    // transfer adds (the multipart window), not the size of the file.
    const floorUp = await ours(["publish", server.endpoint, small, "small"]);
    const floorDown = await ours(["pull", server.endpoint, path.join(dataDir, "small-out"), "small"]);
    floor = { up: floorUp.rssKiB / 1024, down: floorDown.rssKiB / 1024 };
    const oursOut = path.join(dataDir, "pulled");
    const awsOut = path.join(dataDir, "aws-pulled.bin");
    for (let round = 1; round <= rounds; round++) {
      console.log(`s3 round ${round} of ${rounds}`);
      const ups: Array<[Side, () => Promise<ChildResult>]> = [
        ["awsUp", () => aws(model, "s3://bench/aws/model.bin")],
        ["oursUp", () => ours(["publish", server.endpoint, model])],
      ];
      const downs: Array<[Side, () => Promise<ChildResult>]> = [
        ["awsDown", () => aws("s3://bench/aws/model.bin", awsOut)],
        ["oursDown", () => ours(["pull", server.endpoint, oursOut])],
      ];
      if (round % 2 === 0) {
        ups.reverse();
        downs.reverse();
      }
      for (const [side, step] of [...ups, ...downs]) {
        const result = await step();
        results[side].push(result);
        console.log(
          `  ${side.padEnd(8)} ${rate(sizeMiB, result.seconds)}  ${(result.rssKiB / 1024).toFixed(0)} MiB RSS`,
        );
      }
      await rm(oursOut, { recursive: true, force: true });
      await rm(awsOut, { force: true });
    }
  } catch (error) {
    return [`an S3 transfer failed: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    await server.stop();
  }
  return summarise(results, floor, sizeMiB, rounds);
}

function summarise(
  results: Record<Side, ChildResult[]>,
  floor: { up: number; down: number },
  sizeMiB: number,
  rounds: number,
): string[] {
  const missed: string[] = [];
  const speeds = (list: ChildResult[]): number[] => list.map((result) => sizeMiB / result.seconds);
  const rss = (list: ChildResult[]): number => Math.max(...list.map((result) => result.rssKiB)) / 1024;
  console.log(
    `\n${sizeMiB} MiB file, s3rver on loopback, ${rounds} rounds interleaved, process start to exit; MiB/s as median ` +
      "(range); ours includes sha256 (computed up, verified down)",
  );
  console.log("direction  ours            awscli          ours/awscli (rounds)  RSS ours  floor+window  RSS awscli");
  for (const [direction, oursRuns, awsRuns, floorMiB] of [
    ["upload", results.oursUp, results.awsUp, floor.up],
    ["download", results.oursDown, results.awsDown, floor.down],
  ] as const) {
    const { ratio, shown } = pairedRatio(speeds(oursRuns), speeds(awsRuns));
    const bound = floorMiB + WINDOW_MIB;
    console.log(
      [
        direction.padEnd(10),
        spread(speeds(oursRuns)).padEnd(15),
        spread(speeds(awsRuns)).padEnd(15),
        shown.padEnd(21),
        `${rss(oursRuns).toFixed(0)} MiB`.padStart(8),
        `${bound.toFixed(0)} MiB`.padStart(12),
        `${rss(awsRuns).toFixed(0)} MiB`.padStart(11),
      ].join(" "),
    );
    if (!(ratio >= SPEED_TARGET))
      missed.push(`our S3 ${direction} is ${(ratio * 100).toFixed(0)}% of awscli's MiB/s (median), under 100%`);
    if (!(rss(oursRuns) <= bound))
      missed.push(
        `our S3 ${direction} peaked at ${rss(oursRuns).toFixed(0)} MiB RSS, over the floor plus the window (${bound.toFixed(0)} MiB)`,
      );
  }
  console.log(
    `memory floor (a 16 MiB file through the same code): upload ${floor.up.toFixed(0)} MiB, download ${floor.down.toFixed(0)} MiB RSS; ` +
      `multipart window ${WINDOW_MIB} MiB (${MULTIPART_QUEUE_SIZE} parts of ${MULTIPART_PART_SIZE / MiB} MiB)`,
  );
  console.log(
    "target: ours >= awscli's speed both ways (medians); our RSS at most the floor plus the multipart window",
  );
  return missed;
}
