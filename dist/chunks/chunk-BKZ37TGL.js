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
  { name: "validate", command: true, load: async () => (await import("./validate-OK3HT4V4.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-4WKHKDL6.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-6MEUGBZZ.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-IOUIJ7OT.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-BIE66FHC.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-KAMY3GKF.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-PP62RGUG.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-FJF2R3IR.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-FJF2R3IR.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-JC7C6ZWZ.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-AKH7CVDD.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-COPKPLR3.js")).canaryStage },
  { name: "predict", command: false, load: async () => (await import("./predict-5K6HFNGP.js")).predictStage }
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
