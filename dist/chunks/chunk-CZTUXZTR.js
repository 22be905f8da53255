import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  MAX_LEGS,
  legCount
} from "./chunk-XJ2QCSOL.js";
import {
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/train/sweep.ts
function planLegs(config) {
  const matrix = config.train?.matrix ?? {};
  const count = legCount(matrix);
  if (count > MAX_LEGS) {
    throw new UsageError(
      `train.matrix has ${count} combinations; GitHub runs at most ${MAX_LEGS} jobs from one matrix`
    );
  }
  let combinations = [{}];
  for (const [name, values] of Object.entries(matrix)) {
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [name]: value })));
  }
  const width = String(combinations.length).length;
  return combinations.map((values, index) => ({
    id: String(index + 1).padStart(width, "0"),
    index,
    name: Object.entries(values).map(([name, value]) => `${name}=${formatValue(value)}`).join(" ") || "default",
    values
  }));
}
function planSweep(config) {
  const legs = planLegs(config);
  const runsOn = runnerLabels(config);
  return {
    stage: "plan",
    legs,
    runsOn,
    matrix: { include: legs.map((leg) => ({ leg: leg.id, name: leg.name, params: leg.values, runs_on: runsOn })) }
  };
}
function runnerLabels(config) {
  const runsOn = config.train?.runs_on;
  if (runsOn === void 0) return ["ubuntu-latest"];
  return typeof runsOn === "string" ? [runsOn] : [...runsOn];
}
function findLeg(config, id) {
  const legs = planLegs(config);
  const wanted = id.trim().replace(/^0+(?=\d)/, "");
  const leg = legs.find((l) => l.id.replace(/^0+(?=\d)/, "") === wanted);
  if (!leg) {
    throw new UsageError(`there is no sweep leg "${id}"`, {
      hint: legs.length === 1 ? "train.matrix is not set: the only leg is 1" : `legs are 1 to ${legs.length}; see \`mlops plan\``
    });
  }
  return leg;
}
function legParams(params, leg) {
  const result = structuredClone(params);
  for (const [name, value] of Object.entries(leg.values)) {
    const keys = name.split(".");
    let target = result;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (next === void 0) target[key] = {};
      else if (next === null || typeof next !== "object" || Array.isArray(next)) {
        throw new UsageError(`train.matrix.${name}: "${key}" is not a mapping in the params`);
      }
      target = target[key];
    }
    target[keys[keys.length - 1] ?? name] = value;
  }
  return result;
}
function formatValue(value) {
  return typeof value === "string" && !/[\s=]/.test(value) ? value : JSON.stringify(value);
}

export {
  planLegs,
  planSweep,
  findLeg,
  legParams
};
