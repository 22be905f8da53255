import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  require_undici
} from "./chunk-O3UAJ45K.js";
import "./chunk-RZGYXAJU.js";
export default require_undici();
