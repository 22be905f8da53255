import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CSV_OPTION,
  compareRuns,
  comparisonText,
  taskOfMetrics,
  versionPredictions,
  withSourceDoor,
  workspaceSource
} from "./chunk-IBH76BTN.js";
import "./chunk-KATF5WDH.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-L6CW557L.js";
import "./chunk-S2D6TMI3.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import "./chunk-ZZCSUO3L.js";
import {
  readMetricsFile
} from "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-U3OKT6DL.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import {
  describeVersion
} from "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import {
  closestMatch
} from "./chunk-NFSXRCFZ.js";
import {
  ExitCode,
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/compare/revision.ts
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
async function revisionSource(rev, door) {
  const { loaded } = door.context;
  const commit = await resolveCommit(rev, loaded.root, door.context.env);
  const short = commit.slice(0, 7);
  const registry = await door.registry();
  const model = loaded.config.model.name;
  const published = (await registry.versions(model)).filter((m) => m.git.sha === commit && m.git.dirty !== true);
  const manifest = published[published.length - 1];
  if (manifest) {
    return {
      ref: rev,
      kind: "version",
      label: `commit ${short}: ${describeVersion(manifest)}, published from it`,
      params: manifest.params,
      metrics: manifest.metrics,
      task: taskOfMetrics(manifest.metrics),
      commit,
      predictions: await versionPredictions(manifest, registry, path.join(door.scratch, "revision"))
    };
  }
  const spec = loaded.config.evaluate?.metrics_file;
  const files = typeof spec === "string" ? [spec] : spec ?? [];
  if (files.length === 0) {
    throw new InputError(
      `no version of ${model} was published from ${rev} (${short}), and mlops.yml names no metrics file to read at it`,
      { hint: "publish from that commit, or set evaluate.metrics_file to a file your evaluation commits" }
    );
  }
  const metrics = {};
  const absent = [];
  for (const [index, file] of files.entries()) {
    const text = await gitShow(commit, file, loaded.root, door.context.env);
    if (text === void 0) {
      absent.push(file);
      continue;
    }
    const copy = path.join(door.scratch, "revision", String(index), path.basename(file));
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFile(copy, text);
    Object.assign(metrics, { ...await readMetricsFile(copy, `${file} at ${short}`), ...metrics });
  }
  if (absent.length === files.length) {
    throw new InputError(
      `no version of ${model} was published from ${rev} (${short}), and ${absent.join(", ")} ${absent.length === 1 ? "is" : "are"} not committed at it`,
      { hint: "commit the metrics file(s) your evaluation writes (as DVC does), or publish from that commit" }
    );
  }
  return {
    ref: rev,
    kind: "version",
    label: `commit ${short}: ${files.filter((f) => !absent.includes(f)).join(", ")} as committed`,
    params: {},
    metrics,
    task: taskOfMetrics(metrics),
    commit,
    predictions: { missing: `${rev} has no registry version, so no predictions of it are stored` }
  };
}
async function resolveCommit(rev, cwd, env) {
  const inside = await git(["rev-parse", "--is-inside-work-tree"], cwd, env);
  if (!inside.ok) {
    throw new InputError(`${cwd} is not in a git repository, so there is no revision "${rev}" to compare with`, {
      hint: "run it in a git checkout, or compare registry versions with `mlops compare`"
    });
  }
  const resolved = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], cwd, env);
  if (resolved.ok && /^[0-9a-f]{40,64}$/.test(resolved.stdout.trim())) return resolved.stdout.trim();
  const names = await git(["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags"], cwd, env);
  const near = names.ok ? closestMatch(rev, names.stdout.split("\n").filter(Boolean)) : void 0;
  throw new InputError(`git does not know the revision "${rev}"`, {
    hint: near ? `did you mean ${near}?` : "name a commit, branch or tag (`git log --oneline` lists commits); fetch it first if it is on a remote"
  });
}
async function gitShow(commit, file, cwd, env) {
  const shown = await git(["show", `${commit}:./${file.replace(/^\.\//, "")}`], cwd, env);
  return shown.ok ? shown.stdout : void 0;
}
function git(args, cwd, env) {
  return new Promise((resolve) => {
    execFile(
      "git",
      [...args],
      { cwd, env, encoding: "utf8", timeout: 3e4, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => resolve(error ? { ok: false } : { ok: true, stdout })
    );
  });
}

// src/cli/commands/metrics.ts
var metricsCommand = {
  name: "metrics",
  summary: "Compare the workspace's metrics with a git revision's (`metrics diff [rev]`, as DVC users know it)",
  details: "`metrics diff [rev]` (default HEAD): the revision's metrics are those of the registry version published from\nthat commit when there is one (with its params and, when both have predictions on the same rows, the paired\ninterval of each delta), else the metrics files (evaluate.metrics_file) as committed at that revision.\nDeltas are the workspace minus the revision. Informational: it exits 0 whichever is better.",
  positionals: [
    { name: "action", required: true, description: "diff" },
    { name: "rev", required: false, description: "a git revision: a commit, branch or tag (default HEAD)" }
  ],
  options: { csv: CSV_OPTION },
  run: async (args, io) => {
    const [action, rev = "HEAD"] = args.positionals;
    if (action !== "diff")
      throw new UsageError(`unknown metrics action "${action ?? ""}"`, { hint: "use `mlops metrics diff [rev]`" });
    return withSourceDoor(args, io, async (door) => {
      const workspace = await workspaceSource(door.context);
      const revision = await revisionSource(rev, door);
      const comparison = await compareRuns([revision, workspace], door.context.loaded.config);
      return {
        exitCode: ExitCode.ok,
        result: { ...comparison, command: "metrics diff", revision: revision.commit },
        text: comparisonText(comparison, args, "Metrics diff")
      };
    });
  }
};
export {
  metricsCommand
};
