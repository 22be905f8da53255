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
  { name: "validate", command: true, load: async () => (await import("./validate-QS34CJEV.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-JER3GX43.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-R5GUQEFQ.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-YGTRCXVL.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-ZB3A5M74.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-2X5IKDSH.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-PSRYQOJB.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-BC3DSWQD.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-BC3DSWQD.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-MYP7GB4C.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-3KUYOJJV.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-HWRXPGOC.js")).canaryStage },
  { name: "predict", command: false, load: async () => (await import("./predict-GZ3B4HA6.js")).predictStage }
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
