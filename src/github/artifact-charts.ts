import * as z from "zod";
import { CALIBRATION_BINS } from "../evaluate/calibration.ts";
import { CURVE_POINTS, REGRESSION_BINS } from "../evaluate/curves.ts";
import { type GateCharts, MAX_SLICE_BARS } from "../gate/charts.ts";

/**
 * The charts of a report artifact (artifact.ts), as untrusted as the rest of it: every list is as long as the kit
 * ever makes it (21 grid points, 10 bins, 20 slice bars), every number finite, every string short. The renderer
 * escapes the strings and writes the numbers as plain decimals, so this bounds the work and the comment's size.
 */

const Text = z.string().max(2_000);
const Finite = z.number().refine(Number.isFinite, { error: "expected a finite number" });
const Count = z.number().int().min(0);
const Notes = z.array(Text).max(10);
const Grid = z.array(Finite).length(CURVE_POINTS);
const Level = z.number().gt(0).lt(1);

const BinaryCurves = z.strictObject({
  task: z.literal("binary"),
  rows: Count,
  positives: Count,
  roc: Grid.nullable(),
  precision: Grid.nullable(),
  calibration: z
    .array(
      z.strictObject({
        bin: z
          .number()
          .int()
          .min(0)
          .max(CALIBRATION_BINS - 1),
        rows: Count,
        meanScore: Finite,
        positiveRate: Finite,
      }),
    )
    .max(CALIBRATION_BINS),
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
    .max(REGRESSION_BINS),
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
        candidate: Finite.nullable(),
        baseline: Finite.nullable(),
        undefinedBecause: Text.nullable(),
        interval: z
          .strictObject({
            low: Finite,
            high: Finite,
            level: Level,
            relative: z.boolean(),
            resamples: Count.optional(),
            source: z.enum(["rule", "report"]).optional(),
          })
          .nullable(),
        candidateInterval: z
          .strictObject({
            low: Finite,
            high: Finite,
            level: Level,
            method: z.enum(["wilson", "delong", "normal", "bootstrap"]),
            resamples: Count.nullable(),
            clamped: z.boolean().optional(),
          })
          .nullable()
          .optional(),
        candidateIntervalMissing: Text.nullable().optional(),
        changeIntervalMissing: Text.nullable().optional(),
      }),
    )
    .max(MAX_SLICE_BARS),
  omitted: z.strictObject({ slices: Count, rows: Count }),
  unpaired: Text.nullable().optional(),
});

export const GateChartsSchema = z.strictObject({
  candidate: Curves.nullable(),
  baseline: Curves.nullable(),
  baselineMissing: Text.nullable(),
  slices: z.array(SliceBars).max(100),
}) satisfies z.ZodType<GateCharts>;
