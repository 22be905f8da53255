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
  { name: "validate", command: true, load: async () => (await import("./validate-QEZFHFHZ.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-NKHZNYXY.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-BXM4T6IW.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-5XQLJ5SN.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-I2OJKNDH.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-Z67PUCEU.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-CCOZZNXP.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-YFMVDY6X.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-YFMVDY6X.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-5W55673A.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-NINO3NJA.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-HY7FVD7X.js")).canaryStage },
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
