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
  { name: "validate", command: true, load: async () => (await import("./validate-AJ3UXCK6.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-NTJQDUYB.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-4JV4EKOE.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-3IE77MKT.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-75MKU5A7.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-YQCD4FRX.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-Z7GTEDOT.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-MS2F4OBS.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-MS2F4OBS.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-ISQ3CPWL.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-SKHOHDE7.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-H6PKRR7N.js")).canaryStage },
  { name: "predict", command: false, load: async () => (await import("./predict-2WJTFJVK.js")).predictStage }
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
