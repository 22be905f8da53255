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
  { name: "validate", command: true, load: async () => (await import("./validate-F2TOL7W7.js")).validateStage },
  { name: "train", command: true, load: async () => (await import("./train-4IG6EZKL.js")).trainStage },
  { name: "evaluate", command: true, load: async () => (await import("./evaluate-52F4YEXC.js")).evaluateStage },
  { name: "gate", command: true, load: async () => (await import("./gate-R6S6K4FI.js")).gateStage },
  { name: "publish", command: true, load: async () => (await import("./publish-BNJYXGEJ.js")).publishStage },
  { name: "plan", command: true, load: async () => (await import("./plan-WQSXOMTR.js")).planStage },
  { name: "select", command: true, load: async () => (await import("./select-QQJ2CL3T.js")).selectStage },
  { name: "retrain-decide", command: false, load: async () => (await import("./retrain-OOELSWJ7.js")).retrainDecideStage },
  { name: "retrain-conclude", command: false, load: async () => (await import("./retrain-OOELSWJ7.js")).retrainConcludeStage },
  { name: "monitor", command: false, load: async () => (await import("./monitor-Q57KNGMN.js")).monitorStage },
  { name: "deploy", command: false, load: async () => (await import("./deploy-TCRZMEOB.js")).deployStage },
  { name: "canary", command: false, load: async () => (await import("./canary-GQZWYGEU.js")).canaryStage }
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
