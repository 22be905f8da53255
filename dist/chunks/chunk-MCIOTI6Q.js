import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/stages/index.ts
var STAGES = [
  { name: "validate", command: true, load: async () => (await import("./validate-ZMESGC4X.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-CPYRZBAC.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-OHMG3QYM.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-7MVHOW7E.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-6L52LOYM.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-E7OBTIVO.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-T6KNDCKP.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-Y3FAWN3Z.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-Y3FAWN3Z.js")).retrainConcludeStage }
];
async function loadStage(name) {
  const entry = STAGES.find((stage) => stage.name === name);
  if (!entry) throw new Error(`no stage is named ${name} (src/stages/index.ts lists them)`);
  const definition = await entry.load();
  if (definition.name !== entry.name || definition.command !== null !== entry.command)
    throw new Error(`src/stages/index.ts lists ${entry.name} unlike its definition says`);
  return definition;
}

export {
  STAGES,
  loadStage
};
