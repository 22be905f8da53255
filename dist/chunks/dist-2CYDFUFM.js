import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  convertPathToPattern,
  escapePath,
  glob,
  globSync,
  isDynamicPattern
} from "./chunk-VU4CPE2P.js";
import "./chunk-RZGYXAJU.js";
export {
  convertPathToPattern,
  escapePath,
  glob,
  globSync,
  isDynamicPattern
};
