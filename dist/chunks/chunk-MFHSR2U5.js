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
  { name: "validate", command: true, load: async () => (await import("./validate-O3WQU5UJ.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-3MJWG4LJ.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-23HQ2DWI.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-SRQKZ6LK.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-KYZ6MKSI.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-CSY5UTHS.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-FU4QUL4V.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-NNFEOLPX.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-NNFEOLPX.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-7WBHXVO7.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-NINO3NJA.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-HTU636M2.js")).canaryStage },
  { name: "predict", command: false, load: async () => (await import("./predict-7HK263MJ.js")).predictStage }
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
