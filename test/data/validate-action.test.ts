import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runBundledAction } from "../helpers/runner.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { removeDir, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * actions/validate as the runner runs it (dist/validate.js, INPUT_* variables, GITHUB_OUTPUT and the step summary),
 * on real files and on data in an S3-compatible server (s3rver on loopback).
 */

function rows(count: number, shift: number): string {
  const lines = ["age,plan,score"];
  for (let i = 0; i < count; i++)
    lines.push(`${20 + ((i * 7) % 50) + shift},${["free", "pro", "team"][i % 3]},${(i % 10) / 10}`);
  return `${lines.join("\n")}\n`;
}

const CONFIG = (train: string, extra = ""): string => `version: 1
model: { name: churn }
data:
  train: ${train}
  schema:
    columns:
      age: { type: integer, min: 18, max: 80 }
      plan: { type: category, values: [free, pro] }
  drift:
    reference: reference.csv
    max_drifted_share: 0.3
${extra}publish: { promote: false }
`;

describe("actions/validate (bundled)", () => {
  it("sets verdict, counts, profile and drift outputs, annotates mlops.yml and writes the drift table and chart", async () => {
    const workspace = await tempDir();
    await mkdir(path.join(workspace, ".git"));
    await writeFiles(workspace, {
      "ml/mlops.yml": CONFIG("data/train.csv"),
      "ml/data/train.csv": rows(600, 15),
      "ml/reference.csv": rows(600, 0),
    });
    const run = await runBundledAction("validate", { "working-directory": "ml" }, { workspace });
    expect(run.exitCode, run.stdout).toBe(1);
    // Warnings: the drifted dataset, and the rows the generator repeats (duplicate_rows is warn by default).
    expect(run.outputs).toMatchObject({ verdict: "fail", errors: "2", warnings: "2", drift: "true" });
    expect(run.outputs.profile).toBe(path.join(workspace, "ml/.mlops/out/profile-train.json"));
    const profile = JSON.parse(await readFile(run.outputs.profile ?? "", "utf8")) as { format: string; rows: number };
    expect(profile).toMatchObject({ format: "mlops-profile/1", rows: 600 });
    // Each broken rule is an annotation on its line of mlops.yml.
    expect(
      run.annotations
        .filter((a) => a.level === "error" && a.properties.file)
        .map((a) => [a.properties.file, a.properties.line]),
    ).toEqual([
      ["ml/mlops.yml", "7"],
      ["ml/mlops.yml", "8"],
    ]);
    expect(run.summary).toContain("Data validation: fail");
    expect(run.summary).toContain(
      "Drift of train against reference.csv: 1 of 3 columns drifted (share 0.33), so the dataset drifted (share ≥ 0.3; severity warn)",
    );
    expect(run.summary).toMatch(/\| age \| ks \(auto\) \| .* \| p-value of the two-sample Kolmogorov-Smirnov test/);
    expect(run.summary).toContain("```mermaid\nxychart-beta");
    expect(run.summary).toContain("| reference % | current % |");
  });

  it("measures the evaluation data against the reference and against the training data, in the summary, the annotations and the report output", async () => {
    const workspace = await tempDir();
    await mkdir(path.join(workspace, ".git"));
    await writeFiles(workspace, {
      "mlops.yml": CONFIG("train.csv", "").replace("  drift:\n", "  eval: eval.csv\n  drift:\n"),
      "train.csv": rows(600, 0),
      "eval.csv": rows(600, 15),
      "reference.csv": rows(600, 0),
    });
    const run = await runBundledAction("validate", {}, { workspace });
    // The training data did not drift; the evaluation data did, against the reference and against train.
    expect(run.outputs).toMatchObject({ drift: "false", "eval-drift": "true", skew: "true" });
    const warnings = run.annotations.filter((a) => a.level === "warning").map((a) => a.message);
    expect(warnings).toContainEqual(expect.stringContaining("eval: dataset drift: 1 of 3 columns drifted"));
    expect(warnings).toContainEqual(expect.stringContaining("eval: skew: 1 of 3 columns drifted"));
    expect(run.summary).toContain(
      "| drift: eval | reference.csv | share of compared columns that drifted | 0.33 (1 of 3) | share of columns | 0.3 | ≥ 0.3 | drifted | warn |",
    );
    expect(run.summary).toContain("Skew of eval against the training data: 1 of 3 columns drifted (share 0.33)");
    const report = JSON.parse(await readFile(run.outputs.report ?? "", "utf8")) as Record<
      "drift" | "evalDrift" | "skew",
      { datasetDrift: boolean; columns: { column: string; method: string; unit: string; threshold: number }[] }
    >;
    expect([report.drift.datasetDrift, report.evalDrift.datasetDrift, report.skew.datasetDrift]).toEqual([
      false,
      true,
      true,
    ]);
    expect(report.evalDrift.columns.find((c) => c.column === "age")).toMatchObject({
      method: "ks",
      unit: "p-value",
      threshold: 0.05,
    });
  });

  it("caps error annotations at 10 per step and says how many more are in the log", async () => {
    const workspace = await tempDir();
    await mkdir(path.join(workspace, ".git"));
    const columns = Array.from({ length: 12 }, (_, i) => `c${i}`);
    await writeFiles(workspace, {
      "mlops.yml": `version: 1\nmodel: { name: m }\ndata:\n  train: t.csv\n  schema:\n    columns:\n${columns.map((c) => `      ${c}: { type: integer }`).join("\n")}\npublish: { promote: false }\n`,
      "t.csv": `${columns.join(",")}\n${columns.map(() => "x").join(",")}\n`,
    });
    const run = await runBundledAction("validate", {}, { workspace });
    expect(run.outputs).toMatchObject({ verdict: "fail", errors: "12" });
    // Ten on mlops.yml's lines; the step's own failure message is the one without a file.
    expect(run.annotations.filter((a) => a.level === "error" && a.properties.file === "mlops.yml")).toHaveLength(10);
    expect(run.stdout).toContain("2 more error(s) are in the log above (GitHub shows 10 per step).");
  });
});

describe("data on S3 (s3rver)", () => {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3Server(["ml-data"]);
    const store = createS3Store(
      { bucket: "ml-data", prefix: "churn" },
      {
        endpoint: server.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      },
    );
    await store.put("2026/part-1.csv", rows(300, 0));
    await store.put("2026/part-2.csv", rows(300, 0).replace("age,plan,score\n20,free", "age,plan,score\n20,gold"));
    await store.put("other.txt", "not data");
  });
  afterAll(async () => {
    await server.stop();
  });

  it("reads a glob of s3:// objects through the bundled action, numbering rows across them", async () => {
    const workspace = await tempDir();
    await mkdir(path.join(workspace, ".git"));
    await writeFiles(workspace, {
      "mlops.yml":
        CONFIG("s3://ml-data/churn/2026/*.csv", "").replace(
          "  drift:\n    reference: reference.csv\n    max_drifted_share: 0.3\n",
          "",
        ) + `registry: { endpoint: "${server.endpoint}", force_path_style: true }\n`,
    });
    const run = await runBundledAction("validate", {}, { workspace, env: server.env });
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    const result = JSON.parse(await readFile(run.outputs.report ?? "", "utf8")) as {
      datasets: {
        rows: number;
        files: string[];
        findings: { column: string; rule: string; rows: number[]; observed: string }[];
      }[];
    };
    expect(result.datasets[0]).toMatchObject({
      rows: 600,
      files: ["s3://ml-data/churn/2026/part-1.csv", "s3://ml-data/churn/2026/part-2.csv"],
    });
    const plan = result.datasets[0]!.findings.find((f) => f.column === "plan")!;
    expect(plan.observed).toBe("team");
    expect(result.datasets[0]!.findings.find((f) => f.observed === "gold")).toBeUndefined();
    expect(plan.rows[0]).toBe(4);
    // Row 302 is the first row of the second object (header + 300 rows of the first).
    const all = result.datasets[0]!.findings.flatMap((f) => f.rows);
    expect(all).not.toContain(1);
  });

  it("names an s3:// object that does not exist (exit 2 in the CLI's terms: the step fails with one message)", async () => {
    const workspace = await tempDir();
    await mkdir(path.join(workspace, ".git"));
    await writeFiles(workspace, {
      "mlops.yml": `version: 1\nmodel: { name: m }\ndata: { train: s3://ml-data/churn/missing.csv }\nregistry: { endpoint: "${server.endpoint}", force_path_style: true }\npublish: { promote: false }\n`,
    });
    const run = await runBundledAction("validate", {}, { workspace, env: server.env });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("error");
    expect(run.stdout).toContain("data object not found: s3://ml-data/churn/missing.csv");
    await removeDir(path.join(workspace, ".mlops"));
  });
});

describe("the bundled CLI on every core", () => {
  it("starts its worker threads from dist/scan-worker.js and gives the same result as one thread", async () => {
    const { generateCsv } = await import("../../bench/generate.ts");
    const { spawnSync } = await import("node:child_process");
    const dir = await tempDir();
    await mkdir(path.join(dir, ".git"));
    // Above the size from which the scan uses threads (16 MiB), with quoted commas in every other row.
    await generateCsv(path.join(dir, "big.csv"), 20 << 20);
    await writeFiles(dir, {
      "mlops.yml": `version: 1\nmodel: { name: m }\ndata:\n  train: big.csv\n  schema:\n    columns:\n      id: { type: integer, unique: true }\n      age: { type: integer, max: 80 }\npublish: { promote: false, files: [big.csv] }\n`,
    });
    const run = (workers: string): { status: number | null; result: { datasets: unknown[] }; stderr: string } => {
      const child = spawnSync(
        process.execPath,
        [path.join(REPO_ROOT, "dist/cli.js"), "validate", "--json", "--verbose", "--workers", workers],
        { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 },
      );
      return {
        status: child.status,
        result: JSON.parse(child.stdout) as { datasets: unknown[] },
        stderr: child.stderr,
      };
    };
    const threads = run("2");
    expect(threads.stderr).toMatch(/on 2 thread\(s\)/);
    const one = run("1");
    expect(one.stderr).toMatch(/on 1 thread\(s\)/);
    expect(threads.status).toBe(1);
    expect(one.status).toBe(1);
    // The exact parts are equal (the quantile sketches are merged from other parts, so equal only within their error).
    type Report = { rows: number; findings: unknown[]; columns: Record<string, unknown>[] };
    const exact = (datasets: unknown[]): unknown =>
      (datasets as Report[]).map((d) => ({
        rows: d.rows,
        findings: d.findings,
        columns: d.columns.map(({ name, type, count, nulls, min, max, distinct }) => ({
          name,
          type,
          count,
          nulls,
          min,
          max,
          distinct,
        })),
      }));
    expect(exact(threads.result.datasets)).toEqual(exact(one.result.datasets));
    expect((threads.result.datasets[0] as Report).rows).toBe(172_000);
  });
});
