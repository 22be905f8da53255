import { ExternalError, InputError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";
import {
  type AliasEvent,
  aliasTimeline,
  describeGap,
  type HistoryLink,
  type HistoryRow,
  linksDuring,
  noSuchAliasError,
  readChain,
  servingStack,
  unknownAliasError,
} from "./aliases.ts";
import type { DamageReporter } from "./damage.ts";
import type { Manifest } from "./manifest.ts";
import { checkAliasName, checkModelName } from "./names.ts";

/**
 * The registry's questions about aliases that read a whole history (aliases.ts): where a rollback goes, what the
 * history shows with its gaps, and which versions an alias stood on over a time. None of them answers across a gap:
 * an answer that depends on an unknown move is refused with the reason (DOMAIN.md §4).
 */
export interface AliasQueries {
  /** The version a readable last entry points at; an error when it is a gap or leads to no version. */
  aliasTarget: (model: string, alias: string, link: HistoryLink) => Promise<Manifest>;
  // The Registry's own methods of these names (registry.ts says what each answers), spelled out here so that this
  // module need not import the one that imports it.
  rollbackTarget: (model: string, alias: string) => Promise<{ current: string; target: string }>;
  timeline: (model: string, alias?: string) => Promise<HistoryRow[]>;
  aliasAt: (model: string, alias: string, date: Date) => Promise<AliasEvent | undefined>;
  servedDuring: (model: string, alias: string, start: Date, end: Date) => Promise<AliasEvent[]>;
}

export function aliasQueries(
  store: ObjectStore,
  report: DamageReporter,
  namedVersion: (model: string, version: string) => Promise<Manifest | undefined>,
): AliasQueries {
  const chainOf = (model: string, alias: string) => readChain(store, model, alias, { report, movedAside: true });

  /** The moves in force from `start` to `end`, refusing a gap among them; `named` refuses an alias that never moved. */
  const during = async (model: string, alias: string, start: Date, end: Date, named: boolean) => {
    checkModelName(model);
    const links = await chainOf(model, checkAliasName(alias));
    if (named && links.length === 0) throw await noSuchAliasError(store, model, alias);
    const inForce = linksDuring(links, start, end);
    const gap = inForce.find((link) => "gap" in link);
    if (gap && "gap" in gap) {
      const when =
        start.getTime() === end.getTime()
          ? `on ${start.toISOString()}`
          : `from ${start.toISOString()} to ${end.toISOString()}`;
      throw new ExternalError(`which version ${alias} of ${model} pointed at ${when} is unknown: ${describeGap(gap)}`, {
        hint: "`mlops models history` shows the moves before and after it",
      });
    }
    return inForce.flatMap((link) => ("move" in link ? [link.move] : []));
  };

  return {
    async aliasTarget(model, alias, link) {
      if (!("move" in link)) throw unknownAliasError(model, alias, link, store.location);
      const manifest = await namedVersion(model, link.move.to);
      if (!manifest) {
        throw new ExternalError(
          `${alias} of ${model} points at ${link.move.to}, which is not in ${store.location} (its manifest is missing)`,
          { hint: `promote a version that exists: mlops promote <version> --alias ${alias}` },
        );
      }
      return manifest;
    },

    async rollbackTarget(model, alias) {
      checkModelName(model);
      checkAliasName(alias);
      const links = await chainOf(model, alias);
      const { stack, below } = servingStack(links);
      const current = stack.at(-1);
      const target = stack.at(-2);
      const last = links.at(-1);
      if (last && !("move" in last)) throw unknownAliasError(model, alias, last, store.location);
      if (!current) throw new InputError(`${model} has no alias ${alias} to roll back`);
      if (!target && below) {
        throw new ExternalError(
          `cannot roll back ${alias} of ${model}: the version it stood on before ${current} is unknown, because ` +
            `${describeGap(below)}`,
          { hint: `promote the version it should go back to: mlops promote <version> --alias ${alias}` },
        );
      }
      if (!target) {
        throw new InputError(`${alias} of ${model} has nothing to roll back to: it has only ever stood on ${current}`, {
          hint: "promote another version instead: mlops promote <version>",
        });
      }
      return { current, target };
    },

    async timeline(model, alias) {
      checkModelName(model);
      if (alias === undefined) return aliasTimeline(store, model, undefined, report);
      const rows = await aliasTimeline(store, model, checkAliasName(alias), report);
      if (rows.length === 0) throw await noSuchAliasError(store, model, alias);
      return rows;
    },

    aliasAt: async (model, alias, date) => (await during(model, alias, date, date, false))[0],

    servedDuring: (model, alias, start, end) => during(model, alias, start, end, true),
  };
}
