import type { MlopsConfig } from "../config/schema/index.ts";
import { UsageError } from "../errors.ts";
import type { Params } from "../config/params.ts";
import { legCount, MAX_LEGS, type MatrixValue } from "../config/matrix.ts";

/**
 * Hyperparameter sweeps: `train.matrix` is expanded into legs, one per combination, in a fixed order (the first
 * param varies slowest, as GitHub expands a matrix). The legs' ids are stable for a given matrix, so a leg job, a
 * local run and `mlops select` all agree on what "leg 3" is. Pure: config in, legs out.
 */

export interface SweepLeg {
  /** "1".."N", zero-padded to the width of N so ids sort in plan order. */
  id: string;
  /** Position in the plan, from 0: ties in `mlops select` go to the earlier leg. */
  index: number;
  /** The combination in words: `lr=0.01 epochs=100`. */
  name: string;
  /** The matrix values of this leg, by param name (dotted names reach into nested params). */
  values: Record<string, MatrixValue>;
}

export interface MatrixEntry {
  leg: string;
  name: string;
  params: Record<string, MatrixValue>;
  /** Runner labels for the leg's job: `runs-on: ${{ matrix.runs_on }}`. */
  runs_on: string[];
}

export interface SweepPlan {
  stage: "plan";
  legs: SweepLeg[];
  /** train.runs_on as a list (default ubuntu-latest). */
  runsOn: string[];
  /** The value for `strategy.matrix` (via fromJSON): one `include` entry per leg. */
  matrix: { include: MatrixEntry[] };
}

export function planLegs(config: MlopsConfig): SweepLeg[] {
  const matrix = config.train?.matrix ?? {};
  const count = legCount(matrix);
  if (count > MAX_LEGS) {
    throw new UsageError(
      `train.matrix has ${count} combinations; GitHub runs at most ${MAX_LEGS} jobs from one matrix`,
    );
  }
  let combinations: Record<string, MatrixValue>[] = [{}];
  for (const [name, values] of Object.entries(matrix)) {
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [name]: value })));
  }
  const width = String(combinations.length).length;
  return combinations.map((values, index) => ({
    id: String(index + 1).padStart(width, "0"),
    index,
    name:
      Object.entries(values)
        .map(([name, value]) => `${name}=${formatValue(value)}`)
        .join(" ") || "default",
    values,
  }));
}

export function planSweep(config: MlopsConfig): SweepPlan {
  const legs = planLegs(config);
  const runsOn = runnerLabels(config);
  return {
    stage: "plan",
    legs,
    runsOn,
    matrix: { include: legs.map((leg) => ({ leg: leg.id, name: leg.name, params: leg.values, runs_on: runsOn })) },
  };
}

export function runnerLabels(config: MlopsConfig): string[] {
  const runsOn = config.train?.runs_on;
  if (runsOn === undefined) return ["ubuntu-latest"];
  return typeof runsOn === "string" ? [runsOn] : [...runsOn];
}

/** The leg with this id (as `mlops plan` printed it; "3" finds "03"). */
export function findLeg(config: MlopsConfig, id: string): SweepLeg {
  const legs = planLegs(config);
  const wanted = id.trim().replace(/^0+(?=\d)/, "");
  const leg = legs.find((l) => l.id.replace(/^0+(?=\d)/, "") === wanted);
  if (!leg) {
    throw new UsageError(`there is no sweep leg "${id}"`, {
      hint:
        legs.length === 1
          ? "train.matrix is not set: the only leg is 1"
          : `legs are 1 to ${legs.length}; see \`mlops plan\``,
    });
  }
  return leg;
}

/**
 * The params of a leg: the matrix values written over the loaded params. Unlike `--set`, a matrix name may add a
 * param (the config declared it on purpose; `mlops check` warns); a dotted name reaches into a nested mapping.
 */
export function legParams(params: Params, leg: SweepLeg): Params {
  const result = structuredClone(params);
  for (const [name, value] of Object.entries(leg.values)) {
    const keys = name.split(".");
    let target: Record<string, unknown> = result;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (next === undefined) target[key] = {};
      else if (next === null || typeof next !== "object" || Array.isArray(next)) {
        throw new UsageError(`train.matrix.${name}: "${key}" is not a mapping in the params`);
      }
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1] ?? name] = value;
  }
  return result;
}

function formatValue(value: MatrixValue): string {
  return typeof value === "string" && !/[\s=]/.test(value) ? value : JSON.stringify(value);
}
