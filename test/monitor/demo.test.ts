import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { MonitorResult } from "../../src/monitor/run.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { REPO, tempDir } from "../helpers/temp.ts";

/**
 * `npm run demo:monitor` (scripts/demo-monitor.ts) as a contributor runs it: its own process, offline, in a scratch
 * copy of examples/penguins (under TMPDIR, here a test folder). What it leaves there is read back: each monitor run's
 * result (kept under summaries/) and the monitoring log in the registry.
 */

function runDemo(tmp: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO, "scripts/demo-monitor.ts")], {
      cwd: REPO,
      env: { PATH: process.env.PATH, NO_COLOR: "1", TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const failed = (result: MonitorResult): { window: string; metric: string }[] =>
  result.judgements.flatMap((j) =>
    j.outcomes.filter((o) => o.verdict === "fail").map((o) => ({ window: j.window, metric: o.metric })),
  );

describe("npm run demo:monitor", () => {
  it("passes a healthy week, breaches on the drifted week with drift and accuracy, and shows fourteen windows", async () => {
    const tmp = await tempDir();
    const demo = await runDemo(tmp);
    expect(demo.code, demo.stdout + demo.stderr).toBe(0);
    expect(stackFrames(demo.stdout + demo.stderr)).toEqual([]);
    const work = /^Working copy: (.+)$/m.exec(demo.stdout)?.[1] ?? "";
    expect(path.dirname(work)).toBe(tmp);
    // It shows the commands it runs.
    expect(demo.stdout).toContain("$ mlops monitor --now 2026-03-09T04:17:00Z");
    expect(demo.stdout).toContain("$ mlops monitor --now 2026-03-16T04:17:00Z");
    expect(demo.stdout).toContain("$ mlops monitor history");

    const kept = async (name: string) =>
      JSON.parse(await readFile(path.join(work, "summaries", `${name}.json`), "utf8")) as MonitorResult;
    const healthy = await kept("healthy-week");
    expect(healthy.verdict).toBe("pass");
    expect(healthy.windows.map((w) => w.window.key)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
    ]);
    expect(failed(healthy)).toEqual([]);
    // The labels of the week's last two days are still on their way at its end.
    expect(healthy.windows.filter((w) => w.labels?.complete === false).map((w) => w.window.key)).toEqual([
      "2026-03-07",
      "2026-03-08",
    ]);

    const drifted = await kept("drifted-week");
    expect(drifted.verdict).toBe("fail");
    const breaches = failed(drifted);
    expect(breaches.map((b) => b.metric)).toEqual(expect.arrayContaining(["drift_share", "accuracy"]));
    // Only the drifted week breaches; the healthy week's last two days, labelled since, are judged and pass.
    expect(breaches.every((b) => b.window >= "2026-03-09")).toBe(true);
    const judged = new Map(drifted.judgements.map((j) => [j.window, j]));
    for (const day of ["2026-03-07", "2026-03-08"]) {
      expect(judged.get(day)?.verdict).toBe("pass");
      expect(judged.get(day)?.outcomes.find((o) => o.metric === "accuracy")?.verdict).toBe("pass");
    }
    const driftedFeatures = new Set(
      drifted.windows.flatMap((w) => (w.drift?.columns ?? []).filter((c) => c.drifted).map((c) => c.column)),
    );
    expect([...driftedFeatures].sort()).toEqual(["body_mass_g", "flipper_length_mm"]);

    const history = await runCli(["monitor", "history", "--json"], { cwd: work });
    expect(history.exitCode).toBe(0);
    const trend = JSON.parse(history.stdout) as { windows: { key: string; rows: number }[] };
    expect(trend.windows).toHaveLength(14);
    expect(trend.windows[0]?.key).toBe("2026-03-02");
    expect(trend.windows.at(-1)?.key).toBe("2026-03-15");
    expect(trend.windows.every((w) => w.rows > 0)).toBe(true);
  }, 180_000);
});
