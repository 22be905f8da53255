import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stackFrames } from "../helpers/cli.ts";
import { REPO, tempDir } from "../helpers/temp.ts";

/**
 * `npm run demo:deploy` (scripts/demo-deploy.ts) as a contributor runs it: its own process, offline, against the
 * GitHub stand-in it starts, in a scratch copy of examples/penguins. Its output is the record: the canary's verdicts,
 * the alias history with approvals and deployments, and the deployments' statuses.
 */

function runDemo(tmp: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO, "scripts/demo-deploy.ts")], {
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

describe("npm run demo:deploy", () => {
  it("walks publish → approve → canary → rollback → a good canary promoted, with history and deployments", async () => {
    const demo = await runDemo(await tempDir());
    expect(demo.code, demo.stdout + demo.stderr).toBe(0);
    expect(stackFrames(demo.stdout + demo.stderr)).toEqual([]);
    const out = demo.stdout;
    expect(out).toContain("── Canary: ");
    expect(out).toMatch(/Canary: (v\S+) on canary: FAIL[\s\S]*quality_errors +2 +<= 0 +fail/);
    expect(out).toMatch(/vs champion \(paired\) +accuracy .*fail .*the regression is real/);
    expect(out).toMatch(/Canary: v\S+ on canary: PASS/);
    const versions = [...out.matchAll(/^\$ mlops deploy (\S+) --version (\S+)$/gm)].map((m) => [m[1], m[2]]);
    const [v1, v2, v3] = [versions[0]?.[1], versions[2]?.[1], versions[3]?.[1]];
    expect(versions).toEqual([
      ["production", v1],
      ["canary", v1],
      ["canary", v2],
      ["canary", v3],
      ["production", v3],
    ]);
    // The history: champion approved by alice then bob; the canary rolled back to v1 between v2 and v3.
    const history = out.slice(out.indexOf("$ mlops models history"));
    const moves = [...history.matchAll(/^\S+Z +(champion|canary) +\S+ +(\S+) +carol +(.*)$/gm)].map((m) => [
      m[1],
      m[2],
      / \(rollback\) /.test(m[3] ?? "") ? "rollback" : "promote",
      (/approved by (\w+)/.exec(m[3] ?? "") ?? [])[1] ?? null,
    ]);
    expect(moves).toEqual([
      ["champion", v1, "promote", "alice"],
      ["canary", v1, "promote", null],
      ["canary", v2, "promote", null],
      ["canary", v1, "rollback", null],
      ["canary", v3, "promote", null],
      ["champion", v3, "promote", "bob"],
    ]);
    const statuses = [...out.matchAll(/^#\d+ (\w+) +(\S+) +(.*)$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(statuses).toEqual([
      ["production", v1, "in_progress → success → inactive"],
      ["canary", v1, "in_progress → success → inactive"],
      ["canary", v2, "in_progress → success → failure"],
      ["canary", v1, "in_progress → success → inactive"],
      ["canary", v3, "in_progress → success"],
      ["production", v3, "in_progress → success"],
    ]);
    expect(out).toContain("opened when the canary was rolled back, closed by v3's good canary deploy");
  }, 120_000);
});
