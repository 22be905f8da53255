import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject
} from "./chunk-KATF5WDH.js";
import "./chunk-EEV3A2B6.js";
import {
  mergeProfileFiles,
  runProfile
} from "./chunk-WXVUEIVD.js";
import {
  profileSection
} from "./chunk-IKP5MKZU.js";
import "./chunk-QJXKZEE6.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-G6IL24PE.js";
import {
  displayPath
} from "./chunk-LGIA7PQF.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import {
  glob
} from "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
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
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/profile.ts
import path from "node:path";
var profileCommand = {
  name: "profile",
  summary: "Write a dataset's profile as JSON (or merge shard profiles: profile merge <files...>)",
  details: [
    "Examples:",
    "  mlops profile                          profile data.train",
    "  mlops profile --shard 2/4 --out p2.json  profile the 2nd of 4 blocks of data.train's files",
    "  mlops profile merge p*.json --out all.json"
  ].join("\n"),
  positionals: [
    {
      name: "files",
      required: false,
      variadic: true,
      description: "files or globs to profile; or `merge` then profiles"
    }
  ],
  options: {
    out: { type: "string", short: "o", valueName: "file", description: "Where to write the profile JSON" },
    shard: { type: "string", valueName: "i/n", description: "Profile the i-th of n blocks of the dataset's files" },
    dataset: { type: "string", valueName: "name", description: "train (default) or eval" },
    workers: { type: "string", valueName: "n", description: "Threads to read with (default: every core)" }
  },
  run: async (args, io) => {
    const [first, ...rest] = args.positionals;
    const out = typeof args.values.out === "string" ? path.resolve(io.cwd, args.values.out) : null;
    if (first === "merge") {
      if (!out)
        throw new UsageError("profile merge needs --out <file>", {
          hint: "mlops profile merge p*.json --out all.json"
        });
      const files = (await Promise.all(rest.map((p) => glob(p, { cwd: io.cwd, absolute: true, expandDirectories: false })))).flat();
      if (files.length === 0)
        throw new UsageError("profile merge needs the profiles to merge", {
          hint: "mlops profile merge p1.json p2.json --out all.json"
        });
      const profile2 = await mergeProfileFiles(files, out, io.cwd);
      const shown2 = displayPath(io.cwd, out);
      return {
        exitCode: ExitCode.ok,
        result: { file: shown2, profile: profile2 },
        text: renderText(profileSection(profile2, shown2), args.text)
      };
    }
    const context = await openProject(args, io);
    const dataset = args.values.dataset ?? "train";
    if (dataset !== "train" && dataset !== "eval")
      throw new UsageError(`--dataset is train or eval, not "${String(dataset)}"`);
    const { profile, file } = await runProfile(context, {
      dataset,
      files: args.positionals.map((p) => path.resolve(io.cwd, p)),
      shard: parseShard(args.values.shard),
      out,
      ...workersOf(args.values.workers)
    });
    const shown = displayPath(io.cwd, file);
    return {
      exitCode: ExitCode.ok,
      result: { file: shown, profile },
      text: renderText(profileSection(profile, shown), args.text)
    };
  }
};
function parseShard(value) {
  if (value === void 0) return null;
  const match = /^(\d+)\/(\d+)$/.exec(String(value));
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard is i/n with 1 <= i <= n, not "${String(value)}"`, { hint: "e.g. --shard 2/4" });
  return { index, count };
}
function workersOf(value) {
  if (value === void 0) return {};
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1)
    throw new UsageError(`--workers is a whole number of at least 1, not "${String(value)}"`);
  return { workers };
}
export {
  profileCommand,
  workersOf
};
