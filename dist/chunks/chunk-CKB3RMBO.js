import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  formatBytes
} from "./chunk-LP2MTGO2.js";

// src/registry/progress.ts
var BIG = 32 * 1024 * 1024;
function progressReporter(log, clock) {
  const started = /* @__PURE__ */ new Map();
  return (event) => {
    const id = `${event.direction}:${event.path}`;
    const verb = event.direction === "upload" ? "uploading" : "downloading";
    let state = started.get(id);
    if (!state) {
      state = { at: clock(), tenths: 0 };
      started.set(id, state);
      if (event.total >= BIG && !event.done) log(`${verb} ${event.path} (${formatBytes(event.total)})`);
    }
    if (event.done) {
      started.delete(id);
      const seconds = (clock() - state.at) / 1e3;
      const rate = seconds > 0 ? `, ${formatBytes(event.total / seconds)}/s` : "";
      const verified = event.direction === "download" ? ", sha256 verified" : "";
      const past = event.direction === "upload" ? "uploaded" : "downloaded";
      log(`${past} ${event.path}: ${formatBytes(event.total)} in ${seconds.toFixed(1)} s${rate}${verified}`);
      return;
    }
    if (event.total < BIG) return;
    const tenths = Math.floor(event.bytes / event.total * 10);
    if (tenths > state.tenths && tenths < 10) {
      state.tenths = tenths;
      log(`  ${event.path}: ${tenths * 10}% (${formatBytes(event.bytes)} of ${formatBytes(event.total)})`);
    }
  };
}

export {
  progressReporter
};
