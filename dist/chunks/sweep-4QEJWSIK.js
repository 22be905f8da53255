import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject
} from "./chunk-KATF5WDH.js";
import "./chunk-EEV3A2B6.js";
import {
  runSelectStage,
  selectSection,
  sweepResultsDir
} from "./chunk-L6CW557L.js";
import "./chunk-S2D6TMI3.js";
import {
  CACHE_CHOICES,
  loadTrainParams,
  openRunCache,
  paramsForRun,
  parseCacheChoice,
  runEvaluateStage,
  runTrainStage
} from "./chunk-JVSKKL3U.js";
import "./chunk-WXVUEIVD.js";
import "./chunk-5I3LMDH3.js";
import "./chunk-IKP5MKZU.js";
import "./chunk-QJXKZEE6.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-MCQ3S4MW.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import {
  planSweep
} from "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-G6IL24PE.js";
import "./chunk-SLSOLTLA.js";
import {
  parseOverrides
} from "./chunk-IY6KPMTB.js";
import "./chunk-VAXOH5AZ.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-533AISZH.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-U3OKT6DL.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-QLLY57GB.js";
import {
  loadConfig
} from "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import {
  workspaceFor
} from "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import {
  renderText
} from "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import {
  relativePathProblem
} from "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/pipeline/local-sweep.ts
import { copyFile as copyFile2, mkdir as mkdir2, rm, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/train/shadow.ts
import { constants } from "node:fs";
import { copyFile, mkdir, readdir, stat, symlink } from "node:fs/promises";
import path from "node:path";
function writtenPaths(config) {
  const predictions = config.evaluate?.predictions;
  const metrics = config.evaluate?.metrics_file;
  return [
    ...config.train?.outputs ?? [],
    ...predictions === void 0 ? [] : [typeof predictions === "string" ? predictions : predictions.path],
    ...metrics === void 0 ? [] : typeof metrics === "string" ? [metrics] : metrics
  ].map(normalise);
}
function pathsOutsideRoot(config) {
  const params = typeof config.train?.params === "string" ? [config.train.params] : [];
  const data = [config.data?.train, config.data?.eval].flatMap(
    (s) => s === void 0 ? [] : typeof s === "string" ? [s] : s
  );
  return [...params, ...data, ...config.train?.inputs ?? [], ...writtenPaths(config), config.workspace].filter(
    (p) => !p.startsWith("s3://") && relativePathProblem(p) === "escapes"
  );
}
async function createShadow(root, target, config) {
  const workspace = normalise(config.workspace);
  const written = writtenPaths(config);
  const skipped = /* @__PURE__ */ new Set([workspace, ".git"]);
  const isWritten = (rel) => written.includes(rel);
  const params = typeof config.train?.params === "string" ? [normalise(config.train.params)] : [];
  const holdsWritten = (rel) => [...written, ...params, workspace].some((w) => w.startsWith(`${rel}/`));
  const mirror = async (relative) => {
    const source = path.join(root, relative);
    const destination = path.join(target, relative);
    await mkdir(destination, { recursive: true });
    for (const entry of await readdir(source)) {
      const rel = relative === "" ? entry : `${relative}/${entry}`;
      if (skipped.has(rel) || isWritten(rel)) continue;
      const from = path.join(source, entry);
      const to = path.join(destination, entry);
      const info = await stat(from).catch(() => void 0);
      if (!info) continue;
      if (info.isDirectory()) {
        if (holdsWritten(rel)) await mirror(rel);
        else await symlink(from, to, process.platform === "win32" ? "junction" : "dir");
      } else if (info.isFile()) {
        await copyFile(from, to, constants.COPYFILE_FICLONE);
      }
    }
  };
  await mirror("");
}
function normalise(relative) {
  return path.posix.normalize(relative).replace(/\/+$/, "").replace(/^\.\//, "");
}

// src/pipeline/local-sweep.ts
async function runLocalSweep(context, options) {
  const { loaded, logger } = context;
  const plan = planSweep(loaded.config);
  const swept = new Set(plan.legs.flatMap((leg) => Object.keys(leg.values)));
  const clash = options.overrides.find((o) => swept.has(o.slice(0, o.indexOf("=")).trim()));
  if (clash) throw new UsageError(`--set ${clash}: that param is swept by train.matrix`);
  const parallel = Math.max(1, Math.floor(options.parallel));
  if (parallel > 1) {
    const outside = pathsOutsideRoot(loaded.config);
    if (outside.length > 0) {
      throw new UsageError(
        `--parallel runs each leg in a copy of ${path2.basename(loaded.root)}/, and ${outside.join(", ")} lie outside it`,
        {
          hint: "run the legs one after another (no --parallel), or on GitHub runners with `mlops plan`"
        }
      );
    }
  }
  const fileParams = await loadTrainParams(loaded, logger);
  const legParams = plan.legs.map((leg) => paramsForRun(fileParams, options.overrides, leg));
  const overrides = parseOverrides(options.overrides);
  const cache = await openRunCache(context, options.cacheChoice);
  const resultsDir = sweepResultsDir(context);
  const workDir = path2.join(context.workspace.dir, "sweep-work");
  await rm(resultsDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
  const runLeg = async (leg) => {
    const params = legParams[leg.index] ?? {};
    const legContext = parallel > 1 ? await shadowContext(context, path2.join(workDir, `leg-${leg.id}`), leg) : context;
    const legCache = legContext === context ? cache : { ...cache, stampsFile: path2.join(legContext.workspace.cacheDir, "stamps.json") };
    const train = await runTrainStage(legContext, { params, overrides, leg, force: options.force, cache: legCache });
    const evaluate = train.exitCode === ExitCode.ok ? await runEvaluateStage(legContext) : null;
    const folder = path2.join(resultsDir, `leg-${leg.id}`);
    await mkdir2(folder, { recursive: true });
    await writeJson(path2.join(folder, "train.json"), train.result);
    if (evaluate) await writeJson(path2.join(folder, "evaluate.json"), evaluate.result);
    const predictions = evaluate?.result.predictions;
    if (predictions) await copyFile2(predictions.snapshot, path2.join(folder, path2.basename(predictions.snapshot)));
    if (parallel > 1) await rm(path2.join(workDir, `leg-${leg.id}`), { recursive: true, force: true });
    logger.info(`sweep: leg ${leg.id} (${leg.name}): ${legSummary(train, evaluate)}`);
    return { leg, train: train.result, evaluate: evaluate?.result ?? null };
  };
  const legs = await inPool(plan.legs, parallel, runLeg);
  await rm(workDir, { recursive: true, force: true });
  const selected = await runSelectStage(context, { resultsDir });
  const winner = selected.result.winner;
  let final = null;
  let exitCode = selected.exitCode;
  if (winner) {
    if (!cache.backend)
      logger.warn("sweep: the run cache is off, so the best leg trains once more to put its outputs in place");
    logger.info(`sweep: putting leg ${winner.leg.id}'s outputs in place`);
    const train = await runTrainStage(context, {
      params: legParams[winner.leg.index] ?? {},
      overrides,
      leg: winner.leg,
      cache
    });
    const evaluate = train.exitCode === ExitCode.ok ? await runEvaluateStage(context) : null;
    final = { train: train.result, evaluate: evaluate?.result ?? null };
    exitCode = evaluate?.exitCode ?? train.exitCode;
  }
  return { stage: "sweep", exitCode, plan, legs, selection: selected.result, final };
}
async function shadowContext(context, dir, leg) {
  await createShadow(context.loaded.root, dir, context.loaded.config);
  const loaded = await loadConfig(path2.basename(context.loaded.file), dir);
  return {
    ...context,
    loaded,
    workspace: workspaceFor(loaded),
    logger: prefixedLogger(context.logger, `[leg ${leg.id}]`)
  };
}
function prefixedLogger(logger, prefix) {
  return {
    info: (message) => logger.info(`${prefix} ${message}`),
    warn: (message, location) => logger.warn(`${prefix} ${message}`, location),
    error: (message, location) => logger.error(`${prefix} ${message}`, location),
    debug: (message) => logger.debug(`${prefix} ${message}`),
    group: (name, fn) => {
      logger.info(`${prefix} \u25B8 ${name}`);
      return fn();
    }
  };
}
function legSummary(train, evaluate) {
  if (train.result.status !== "ok") return "training failed";
  const how = train.result.cache.status === "hit" ? "restored from the run cache" : `trained in ${(train.result.durationMs / 1e3).toFixed(1)} s`;
  if (!evaluate) return how;
  return evaluate.result.status === "ok" ? `${how}, evaluated` : `${how}, evaluation failed`;
}
async function inPool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  let failure;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
async function writeJson(file, value) {
  await writeFile(file, `${JSON.stringify(value, null, 2)}
`);
}

// src/cli/commands/sweep.ts
var sweepCommand = {
  name: "sweep",
  summary: "Train and evaluate every leg of train.matrix here, pick the best, and put its outputs in place",
  details: "Legs run one after another in the project, or N at once with --parallel N, each in its own shadow copy\n(folders symlinked, written paths real). Every leg goes through the run cache, so the best leg's outputs\ncome back byte for byte at the end. Then `mlops gate` and `mlops publish` continue with the best leg.",
  options: {
    parallel: { type: "string", valueName: "n", description: "Legs to run at once (default 1)" },
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param in every leg" },
    force: { type: "boolean", description: "Train every leg even when the run cache has it" },
    cache: { type: "string", valueName: "backend", description: `Run cache backend: ${CACHE_CHOICES.join(", ")}` }
  },
  run: async (args, io) => {
    const parallelText = typeof args.values.parallel === "string" ? args.values.parallel : "1";
    if (!/^[1-9]\d*$/.test(parallelText)) {
      throw new UsageError(`--parallel must be a whole number of at least 1, not "${parallelText}"`);
    }
    const context = await openProject(args, io);
    const cacheChoice = typeof args.values.cache === "string" ? parseCacheChoice(args.values.cache, "--cache") : void 0;
    const sweep = await runLocalSweep(context, {
      parallel: Number(parallelText),
      overrides: args.values.set ?? [],
      force: args.values.force === true,
      ...cacheChoice === void 0 ? {} : { cacheChoice }
    });
    const winner = sweep.selection.winner;
    const closing = !winner ? "No leg succeeded." : sweep.final?.evaluate?.status === "ok" ? `Leg ${winner.leg.id}'s outputs are in place and evaluated: run \`mlops gate\` and \`mlops publish\` next.` : `Leg ${winner.leg.id} won, but putting its outputs in place failed: see above.`;
    return {
      exitCode: sweep.exitCode,
      result: sweep,
      text: `${renderText(selectSection(sweep.selection), args.text)}

${closing}`
    };
  }
};
export {
  sweepCommand
};
