import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/stages/index.ts
var STAGES = [
  { name: "validate", command: true, load: async () => (await import("./validate-5K5MZVME.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-R2KXIXR6.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-SIR7SQYD.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-DCW7XUMJ.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-SNKSNQDB.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-5BUWNT64.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-S75SYLPQ.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-72ZXXZI5.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-72ZXXZI5.js")).retrainConcludeStage }
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
