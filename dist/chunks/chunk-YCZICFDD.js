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
  { name: "validate", command: true, load: async () => (await import("./validate-TLNDRWA7.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-PEOXP4AQ.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-6XQJE2D6.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-BL3YQO74.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-WVQSXM3M.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-XAO6N43Q.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-P6OMEJM2.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-6HYE7NEX.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-6HYE7NEX.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-N3KTYCLE.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-TUGMJF6T.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-VBM2AYRJ.js")).canaryStage },
  { name: "predict", command: false, load: async () => (await import("./predict-4XQ4KLQ7.js")).predictStage }
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
