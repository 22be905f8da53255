import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/stages/index.ts
var STAGES = [
  { name: "validate", command: true, load: async () => (await import("./validate-TMQLTHBM.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-2GEDI5CF.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-FD7WUSVH.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-XMZZH7CO.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-PJUGQGVE.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-ATHE5MR3.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-NMRTKWAF.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-WH5767HW.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-WH5767HW.js")).retrainConcludeStage }
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
