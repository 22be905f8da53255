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
  { name: "validate", command: true, load: async () => (await import("./validate-Z3RAZLCJ.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-5Y5GYE5I.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-MLZPXD35.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-G2JFOXYS.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-IB7PKQF6.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-2LIONYEU.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-HVPQ2E6Z.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-5IGTX4KC.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-5IGTX4KC.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-SJPCQ7RU.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-5ISIDZFJ.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-YTAHNT44.js")).canaryStage },
  { name: "predict", command: false, load: async () => (await import("./predict-L2ADTMSV.js")).predictStage }
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
