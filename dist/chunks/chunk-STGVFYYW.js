import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/stages/definition.ts
function defineStage(definition) {
  return definition;
}

export {
  defineStage
};
