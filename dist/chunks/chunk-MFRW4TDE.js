import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/config/default-file.ts
var DEFAULT_CONFIG_FILE = "mlops.yml";

export {
  DEFAULT_CONFIG_FILE
};
