import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeTextfile } from "../../src/alerts/prometheus-textfile.ts";
import { sendToPrometheus } from "../../src/alerts/prometheus.ts";
import { binaryMissing, parseExposition, PROMTOOL } from "../helpers/pushgateway.ts";
import { tempDir } from "../helpers/temp.ts";
import { alertWindow, monitorAlert, promtoolCheck } from "./prometheus-alert.ts";

const windowsIn = (text: string, model?: string) =>
  [
    ...new Set(
      parseExposition(text)
        .samples.filter((s) => model === undefined || s.labels.model === model)
        .map((s) => `${s.labels.model}/${s.labels.alias}/${s.labels.window}`),
    ),
  ].sort();

describe("the textfile for a node exporter's textfile collector", () => {
  it("holds the latest window of each size, parses, and leaves no temporary file behind", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "mlops.prom");
    const alert = monitorAlert([
      alertWindow("2026-03-27", "day"),
      alertWindow("2026-03-28", "day", { verdict: "fail", breaches: ["accuracy too low"] }),
      alertWindow("2026-03-28T22", "hour"),
      alertWindow("2026-03-28T23", "hour"),
    ]);
    const outcome = await sendToPrometheus(alert, { pushgateway: null, textfile: { file } });
    expect(outcome.ok).toBe(true);
    expect(outcome.textfile).toEqual({ file, windows: ["2026-03-28", "2026-03-28T23"], error: null });
    expect(outcome.lines).toEqual([`Textfile ${file}: wrote windows 2026-03-28, 2026-03-28T23`]);
    const text = await readFile(file, "utf8");
    expect(windowsIn(text)).toEqual(["breast-cancer/champion/2026-03-28", "breast-cancer/champion/2026-03-28T23"]);
    const breached = parseExposition(text).samples.find(
      (s) => s.name === "mlops_monitor_breached" && s.labels.window_size === "day",
    );
    expect(breached?.value).toBe(1);
    expect(await readdir(dir)).toEqual(["mlops.prom"]);
    // Readable by the node exporter's user, not only the job's.
    expect((await stat(file)).mode & 0o777).toBe(0o644);
  });

  it("replaces the file by a rename, so a scrape reads the old file or the new one, never half of one", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "mlops.prom");
    const alert = monitorAlert([alertWindow("2026-03-27", "day")]);
    await writeTextfile(alert, { file });
    const before = await stat(file);
    const oldText = await readFile(file, "utf8");
    await writeTextfile(monitorAlert([alertWindow("2026-03-28", "day")]), { file });
    const after = await stat(file);
    // A new inode took the name: the file was not truncated and rewritten in place.
    expect(after.ino).not.toBe(before.ino);
    expect(windowsIn(await readFile(file, "utf8"))).toEqual(["breast-cancer/champion/2026-03-28"]);
    expect(windowsIn(oldText)).toEqual(["breast-cancer/champion/2026-03-27"]);
    expect(await readdir(dir)).toEqual(["mlops.prom"]);
  });

  it("keeps the windows of other sizes and of other models a later run did not write", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "mlops.prom");
    await writeTextfile(monitorAlert([alertWindow("2026-03-27", "day"), alertWindow("2026-03-27T23", "hour")]), {
      file,
    });
    await writeTextfile(monitorAlert([alertWindow("2026-03-27", "day")], { model: 'fraud "eu"' }), { file });
    // An hourly run of the first model: its hour is replaced, its day and the other model's day stay.
    const outcome = await writeTextfile(monitorAlert([alertWindow("2026-03-28T00", "hour")]), { file });
    expect(outcome.error).toBeNull();
    const text = await readFile(file, "utf8");
    expect(windowsIn(text)).toEqual([
      "breast-cancer/champion/2026-03-27",
      "breast-cancer/champion/2026-03-28T00",
      'fraud "eu"/champion/2026-03-27',
    ]);
    // Still one HELP and TYPE per family, its samples together.
    const names = parseExposition(text).samples.map((s) => s.name);
    const runs = names.filter((name, i) => name !== names[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(text.match(/^# TYPE /gm)).toHaveLength(runs.length);
  });

  const promtoolMissing = binaryMissing(PROMTOOL, "prometheus");
  it.skipIf(promtoolMissing !== null)("writes a file Prometheus' own checker accepts after a merge", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "mlops.prom");
    await writeTextfile(monitorAlert([alertWindow("2026-03-27", "day"), alertWindow("2026-03-27T23", "hour")]), {
      file,
    });
    await writeTextfile(monitorAlert([alertWindow("2026-03-28T00", "hour")], { alias: "challenger" }), { file });
    expect(await promtoolCheck(PROMTOOL, await readFile(file, "utf8"))).toEqual({ code: 0, output: "" });
  });

  it("reports a folder that does not exist and a name the collector would ignore, without throwing", async () => {
    const dir = await tempDir();
    const alert = monitorAlert([alertWindow("2026-03-27", "day")]);
    const missing = path.join(dir, "absent", "mlops.prom");
    const outcome = await sendToPrometheus(alert, { pushgateway: null, textfile: { file: missing } });
    expect(outcome.ok).toBe(false);
    expect(outcome.textfile?.error).toBe(
      `could not write ${missing}: its folder does not exist (create it, or point textfile at the collector's folder)`,
    );
    const wrongName = await writeTextfile(alert, { file: path.join(dir, "mlops.txt") });
    expect(wrongName.error).toMatch(
      /mlops\.txt does not end in \.prom: the textfile collector reads \*\.prom files only$/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it("leaves the file alone when the run computed no window", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "mlops.prom");
    await writeFile(file, "# HELP x kept\n# TYPE x gauge\nx 1\n");
    const outcome = await writeTextfile(monitorAlert([]), { file });
    expect(outcome).toEqual({ file, windows: [], error: null });
    expect(await readFile(file, "utf8")).toBe("# HELP x kept\n# TYPE x gauge\nx 1\n");
  });
});
