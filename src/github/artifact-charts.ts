import * as z from "../zod.ts";
import { CALIBRATION_BINS } from "../evaluate/calibration.ts";
import { CURVE_POINTS, REGRESSION_BINS } from "../evaluate/curves.ts";
import { type GateCharts, MAX_SLICE_BARS } from "../gate/charts.ts";

/**
 * The charts of a report artifact (artifact.ts), as untrusted as the rest of it: every list is as long as the kit
 * ever makes it (21 grid points, 10 bins, 20 slice bars), every number finite, every string short. The renderer
 * escapes the strings and writes the numbers as plain decimals, so this bounds the work and the comment's size.
 */

const Text = z.string().check(z.maxLength(2_000));
const Finite = z.number().check(z.refine(Number.isFinite, { error: "expected a finite number" }));
const Count = z.number().check(z.int(), z.gte(0));
const Notes = z.array(Text).check(z.maxLength(10));
const Grid = z.array(Finite).check(z.length(CURVE_POINTS));
const Level = z.number().check(z.gt(0), z.lt(1));

const BinaryCurves = z.strictObject({
  task: z.literal("binary"),
  rows: Count,
  positives: Count,
  roc: z.nullable(Grid),
  precision: z.nullable(Grid),
  calibration: z
    .array(
      z.strictObject({
        bin: z.number().check(z.int(), z.gte(0), z.lte(CALIBRATION_BINS - 1)),
        rows: Count,
        meanScore: Finite,
        positiveRate: Finite,
      }),
    )
    .check(z.maxLength(CALIBRATION_BINS)),
  expectedCalibrationError: Finite,
  notes: Notes,
});

const RegressionCurves = z.strictObject({
  task: z.literal("regression"),
  rows: Count,
  bins: z
    .array(
      z.strictObject({
        low: Finite,
        high: Finite,
        rows: Count,
        meanPredicted: Finite,
        meanActual: Finite,
        meanResidual: Finite,
      }),
    )
    .check(z.maxLength(REGRESSION_BINS)),
  notes: Notes,
});

const Curves = z.discriminatedUnion("task", [BinaryCurves, RegressionCurves]);

const SliceBars = z.strictObject({
  metric: Text,
  column: Text,
  bars: z
    .array(
      z.strictObject({
        value: Text,
        rows: Count,
        candidate: z.nullable(Finite),
        baseline: z.nullable(Finite),
        undefinedBecause: z.nullable(Text),
        interval: z.nullable(
          z.strictObject({
            low: Finite,
            high: Finite,
            level: Level,
            relative: z.boolean(),
            resamples: z.optional(Count),
            source: z.optional(z.enum(["rule", "report"])),
          }),
        ),
        candidateInterval: z.optional(
          z.nullable(
            z.strictObject({
              low: Finite,
              high: Finite,
              level: Level,
              method: z.enum(["wilson", "delong", "normal", "bootstrap"]),
              resamples: z.nullable(Count),
              clamped: z.optional(z.boolean()),
            }),
          ),
        ),
        candidateIntervalMissing: z.optional(z.nullable(Text)),
        changeIntervalMissing: z.optional(z.nullable(Text)),
      }),
    )
    .check(z.maxLength(MAX_SLICE_BARS)),
  omitted: z.strictObject({ slices: Count, rows: Count }),
  unpaired: z.optional(z.nullable(Text)),
});

export const GateChartsSchema = z.strictObject({
  candidate: z.nullable(Curves),
  baseline: z.nullable(Curves),
  baselineMissing: z.nullable(Text),
  slices: z.array(SliceBars).check(z.maxLength(100)),
}) satisfies z.ZodMiniType<GateCharts>;
