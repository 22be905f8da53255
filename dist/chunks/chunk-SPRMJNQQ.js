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
  { name: "validate", command: true, load: async () => (await import("./validate-XLCL4D77.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-HTW3BWXW.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-AH6ZYAZ3.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-UUMA3EQE.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-JHKIY2SY.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-XFL3S76K.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-6SOL36LO.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-77F7U7ZD.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-77F7U7ZD.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-B2WZ3Z5B.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-QZNRRUKQ.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-QY7DJ4DQ.js")).canaryStage }
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
