/**
 * Damage found while reading the registry: an object that is there but cannot be what its key says it is (a
 * truncated or hand-edited manifest, an alias-history entry that is not valid). Reads skip what is damaged and go on
 * with the rest, so one bad object never takes a model down; each piece of damage is reported as data through a
 * {@link DamageReporter}, and the doors print it (the CLI on stderr, the actions as warnings). `mlops models fsck`
 * lists all of it at once and moves it aside with `--repair`.
 */

export interface Damage {
  model: string;
  /** The object's key inside the registry. */
  key: string;
  /**
   * What the object is: a version's manifest, one move in an alias's history, one run's monitoring log, or one batch
   * scoring run's record.
   */
  kind: "manifest" | "alias-entry" | "monitor-log" | "scoring-record";
  /** The version (manifest), alias (alias entry, monitoring log) or model (scoring record) the object belongs to. */
  subject: string;
  /** What is wrong with it, in words ("is not valid JSON"). */
  problem: string;
  /** What readers do about it, in words ("version v… is hidden"). */
  effect: string;
}

export type DamageReporter = (damage: Damage) => void;

/** One line for a terminal or an annotation: what is damaged, what that means, and what to do. */
export function describeDamage(damage: Damage, location: string): string {
  return (
    `${damage.key} in ${location} ${damage.problem}: ${damage.effect}` +
    " (`mlops models fsck` lists every problem; `--repair` moves damaged objects aside)"
  );
}

/** Reports each damaged object once, however many reads of one command come across it. */
export function reportOnce(report: DamageReporter | undefined): DamageReporter {
  const seen = new Set<string>();
  return (damage) => {
    if (seen.has(damage.key)) return;
    seen.add(damage.key);
    report?.(damage);
  };
}
