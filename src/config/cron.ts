/**
 * GitHub's `schedule` cron: five POSIX fields, no seconds, no `@daily` shorthands (PLATFORM.md "Schedules").
 * Validated here so a typo fails at `mlops check`, not silently in a workflow that never runs.
 */

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
  },
  { name: "day of week", min: 0, max: 6, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

export type CronCheck = { ok: true; warnings: string[] } | { ok: false; error: string };

export function checkCron(expression: string): CronCheck {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return {
      ok: false,
      error: `a cron schedule has 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`,
    };
  }
  const values: number[][] = [];
  for (const [index, spec] of FIELDS.entries()) {
    const parsed = parseField(fields[index] ?? "", spec);
    if (typeof parsed === "string") return { ok: false, error: `${spec.name} field: ${parsed}` };
    values.push(parsed);
  }
  const warnings: string[] = [];
  const minutes = values[0] ?? [];
  if (minutes.includes(0)) {
    warnings.push("runs at minute 0: GitHub delays or drops scheduled runs at the top of the hour; pick e.g. 17");
  }
  if (hasGapUnderFiveMinutes(minutes, values[1] ?? [])) {
    warnings.push("runs less than 5 minutes apart: GitHub runs schedules at most every 5 minutes");
  }
  return { ok: true, warnings };
}

function parseField(text: string, spec: FieldSpec): number[] | string {
  const result = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) return `bad step "/${stepText}" in "${part}"`;
      step = Number(stepText);
    }
    let low: number;
    let high: number;
    if (range === "*") {
      low = spec.min;
      high = spec.max;
    } else {
      const bounds = range.split("-");
      if (bounds.length > 2) return `bad range "${range}"`;
      const first = parseValue(bounds[0] ?? "", spec);
      if (typeof first === "string") return first;
      low = first;
      if (bounds.length === 2) {
        const second = parseValue(bounds[1] ?? "", spec);
        if (typeof second === "string") return second;
        if (second < first) return `range "${range}" runs backwards`;
        high = second;
      } else {
        // "5/15" means "from 5, every 15", as in Vixie cron.
        high = stepText === undefined ? first : spec.max;
      }
    }
    for (let v = low; v <= high; v += step) result.add(v);
  }
  return [...result].sort((a, b) => a - b);
}

function parseValue(text: string, spec: FieldSpec): number | string {
  const byName = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (byName >= 0) return byName + spec.min;
  if (!/^\d+$/.test(text)) return `"${text}" is not a number${spec.names ? " or a name such as " + spec.names[1] : ""}`;
  const value = Number(text);
  if (value < spec.min || value > spec.max) return `${value} is outside ${spec.min}-${spec.max}`;
  return value;
}

function hasGapUnderFiveMinutes(sortedMinutes: readonly number[], hours: readonly number[]): boolean {
  for (let i = 1; i < sortedMinutes.length; i++) {
    if ((sortedMinutes[i] ?? 0) - (sortedMinutes[i - 1] ?? 0) < 5) return true;
  }
  // Across the hour: "58,1 * * * *" runs at 10:58 and 11:01, 3 minutes apart, when the next hour runs too.
  const first = sortedMinutes[0];
  const last = sortedMinutes.at(-1);
  if (first === undefined || last === undefined || first === last) return false;
  return 60 - last + first < 5 && hours.some((hour) => hours.includes((hour + 1) % 24));
}

/** True when the runtime knows this IANA zone name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
