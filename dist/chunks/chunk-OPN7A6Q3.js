import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/command/interrupts.ts
var SIGNALS = ["SIGINT", "SIGTERM"];
function processInterrupts(target) {
  return (cleanup) => {
    const listener = (signal) => {
      dispose();
      try {
        cleanup(signal);
      } finally {
        target.kill(target.pid, signal);
      }
    };
    const dispose = () => {
      for (const signal of SIGNALS) target.off(signal, listener);
    };
    for (const signal of SIGNALS) target.on(signal, listener);
    return dispose;
  };
}

// src/stages/index.ts
var STAGES = [
  { name: "validate", command: true, load: async () => (await import("./validate-DZYS4OD3.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-6PL32DQK.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-7J43G24G.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-MYPNV3GV.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-M2FF73B4.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-2D7DYALK.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-CI5PY22B.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-POKORF5E.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-POKORF5E.js")).retrainConcludeStage }
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
  loadStage,
  processInterrupts
};
