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
  { name: "validate", command: true, load: async () => (await import("./validate-PAPOEA4C.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-KPUEBPYD.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-FECYYBZQ.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-IDEYCZAD.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-NAEQ7T3Y.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-KZPLISTY.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-SZTMXHG4.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-HH2WCJVO.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-HH2WCJVO.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-7HHKFNIR.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-65MOZA5E.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-DXOFCVCH.js")).canaryStage },
  { name: "predict", command: false, load: async () => (await import("./predict-7KTNCUU3.js")).predictStage }
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
