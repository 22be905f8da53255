import { NAME_PATTERN } from "../config/schema/common.ts";
import { asError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { entryKeys, readChain } from "./aliases.ts";
import { mapBounded } from "./concurrency.ts";
import type { DamageReporter } from "./damage.ts";
import { type Debris, DEBRIS_AGE_MS, findDebris } from "./debris.ts";
import type { Manifest } from "./manifest.ts";
import { quarantinedVersions } from "./quarantine.ts";
import { writeRecord } from "./records.ts";
import { manifestKey, readManifest, versionKey } from "./stored-manifest.ts";

/**
 * `mlops models prune`: deletes old versions of a model, keeping
 * - the last `keep` versions (by version number; manifests from before numbers, `@1`, count as older, by creation);
 * - every version an alias points at now or ever pointed at: the `to` and the recorded `from` of every readable entry
 *   of every alias's history. Where an entry is damaged or was moved aside (a gap: a move at a known time to an
 *   unknown version), every version created up to a day after that move is kept, since the move may have gone to any
 *   of them (a day, to allow for the clocks of the machines involved);
 * - every version created less than a day ago: its publish may still be about to promote it (a publish commits
 *   within 12 hours of its start, see write-version.ts), so prune never races a publish;
 * - every version whose manifest is damaged, or that has objects in the quarantine (`models fsck` deals with them).
 * Versions still being published have no manifest, so they are not versions yet: their files are debris, which only
 * `clean` (and prune, the same way) removes, once it is a day old. Sequence claims are never deleted, so a number is
 * never handed out twice. Alias histories and monitoring logs are never touched.
 *
 * Deleting a version: its manifest first (the version stops existing, DOMAIN.md §4), then its other objects. A prune
 * interrupted in between leaves files without a manifest: debris, invisible to readers, which the next prune or clean
 * removes (every pruned version is more than a day old, so its leftovers count as old debris at once). After the
 * manifests go, the alias histories are read again: a version an alias moved to meanwhile (a promotion racing the
 * prune) gets its manifest back before any of its files is touched. What prune deleted, who ran it and when is
 * recorded in `<model>/prune/<time>-<random>.json` (see records.ts) once the manifests are gone, before the files go.
 */

export interface PruneOptions {
  /** How many of the newest versions to keep, at least 1. */
  keep: number;
  /** Delete; without it, only say what would be deleted. */
  apply: boolean;
  /** Who ran it, for the record. */
  actor: string | null;
  now: Date;
  /** Told of damaged manifests and alias entries the reads come across. */
  report: DamageReporter;
}

/** A version prune keeps, and why, in words. */
export interface KeptVersion {
  version: string;
  sequence: number | null;
  /** Null when the manifest is damaged. */
  createdAt: string | null;
  bytes: number | null;
  reasons: string[];
}

/** A version prune deletes (or would delete, in a dry run): its manifest first, then every object listed. */
export interface PrunedVersion {
  version: string;
  sequence: number | null;
  createdAt: string;
  /** The size of its files and attachments. */
  bytes: number;
  /** Every object of the version, its manifest first. */
  objects: string[];
}

export interface PruneFailure {
  key: string;
  /** What it means for the registry, and why it failed. */
  problem: string;
}

export interface PruneReport {
  model: string;
  location: string;
  keep: number;
  /** False for a dry run: nothing was deleted. */
  applied: boolean;
  /** Every readable or damaged version kept, oldest first. */
  kept: KeptVersion[];
  /** The versions deleted (applied: whose manifest is gone) or that would be, oldest first. */
  pruned: PrunedVersion[];
  /** Objects of publishes interrupted more than a day ago (and of prunes interrupted before): removed too. */
  debris: Debris[];
  /** Versions an alias moved to while prune ran: their manifests were put back, nothing of them was deleted. */
  restored: string[];
  /** What could not be deleted (or put back), and why; the rest went on. */
  failed: PruneFailure[];
  /** The record of this prune in the registry; null for a dry run or when there was nothing to delete. */
  record: string | null;
}

export const PRUNE_RECORD_FORMAT = "mlops-kit/prune@1";

/** Versions created less than this ago are kept, and so are those created this long after a gap in an alias. */
const GRACE_MS = DEBRIS_AGE_MS;

export async function pruneModel(store: ObjectStore, model: string, options: PruneOptions): Promise<PruneReport> {
  const report: PruneReport = {
    model,
    location: store.location,
    keep: options.keep,
    applied: options.apply,
    kept: [],
    pruned: [],
    debris: [],
    restored: [],
    failed: [],
    record: null,
  };
  const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
  const reads = await mapBounded(ids, 8, async (id) => ({ id, read: await readManifest(store, model, id) }));
  const manifests: Manifest[] = [];
  for (const { id, read } of reads) {
    if (read.state === "present") manifests.push(read.manifest);
    else if (read.state === "damaged") {
      options.report(read.damage);
      const reason = `its manifest ${read.damage.problem}: see \`mlops models fsck\``;
      report.kept.push({ version: id, sequence: null, createdAt: null, bytes: null, reasons: [reason] });
    }
  }
  manifests.sort(newerLast);
  const latest = new Set(manifests.slice(-options.keep).map((m) => m.version));
  const aliases = await aliasProtection(store, model, options.report);
  const quarantined = await quarantinedVersions(store, model);
  for (const manifest of manifests) {
    const created = Date.parse(manifest.createdAt);
    const reasons = [
      ...(latest.has(manifest.version) ? [`one of the last ${options.keep}`] : []),
      ...(aliases.named.get(manifest.version) ?? []),
      ...aliases.gaps
        .filter((gap) => created <= Date.parse(gap.at) + GRACE_MS)
        .map((gap) => `${gap.alias}'s unreadable move at ${gap.at} may have gone to it`),
      ...(options.now.getTime() - created < GRACE_MS
        ? ["created less than a day ago: its publish may still promote it"]
        : []),
      ...(quarantined.has(manifest.version) ? ["`models fsck --repair` moved a damaged object of it aside"] : []),
    ];
    const entry = { version: manifest.version, sequence: manifest.sequence ?? null, createdAt: manifest.createdAt };
    if (reasons.length > 0) report.kept.push({ ...entry, bytes: sizeOf(manifest), reasons });
    else report.pruned.push({ ...entry, bytes: sizeOf(manifest), objects: await objectsOf(store, manifest) });
  }
  const order = new Map(manifests.map((m, i) => [m.version, i]));
  report.kept.sort((a, b) => (order.get(a.version) ?? -1) - (order.get(b.version) ?? -1));
  report.debris = await findDebris(store, model, new Date(options.now.getTime() - GRACE_MS));
  if (options.apply) await applyPrune(store, model, report, options);
  return report;
}

/** Deletes what the plan in `report` lists, in the order that never shows a half version. */
async function applyPrune(store: ObjectStore, model: string, report: PruneReport, options: PruneOptions) {
  const bodies = new Map<string, Buffer>();
  const gone: PrunedVersion[] = [];
  for (const version of report.pruned) {
    const key = manifestKey(model, version.version);
    try {
      const body = await store.get(key);
      if (body) bodies.set(version.version, body);
      await store.delete(key);
      gone.push(version);
    } catch (error) {
      report.failed.push({ key, problem: `${version.version} was not deleted: ${asError(error).message}` });
    }
  }
  // A promotion that checked a version before its manifest went may have moved an alias to it since: put it back.
  const named = (await aliasProtection(store, model, options.report)).named;
  for (const version of gone.filter((v) => named.has(v.version))) {
    const key = manifestKey(model, version.version);
    const body = bodies.get(version.version);
    try {
      if (!body) throw new Error("its manifest was gone before prune deleted it");
      await store.create(key, body); // false: someone put it back already
      report.restored.push(version.version);
    } catch (error) {
      report.failed.push({
        key,
        problem: `an alias moved to ${version.version} while prune ran, and its manifest could not be put back: ${asError(error).message}`,
      });
    }
  }
  report.pruned = gone.filter((v) => !report.restored.includes(v.version));
  if (report.pruned.length > 0 || report.debris.length > 0) {
    try {
      report.record = await writeRecord(store, model, "prune", options.now, {
        format: PRUNE_RECORD_FORMAT,
        model,
        at: options.now.toISOString(),
        actor: options.actor,
        keep: options.keep,
        pruned: report.pruned.map(({ objects, ...version }) => ({ ...version, objects: objects.length })),
        debris: report.debris.map(({ version, keys }) => ({ version, objects: keys.length })),
        kept: report.kept.map(({ version, reasons }) => ({ version, reasons })),
      });
    } catch (error) {
      report.failed.push({
        key: `${model}/prune/`,
        problem: `what was pruned could not be recorded: ${asError(error).message}`,
      });
    }
  }
  const leftovers = [
    ...report.pruned.flatMap((v) => v.objects.filter((key) => key !== manifestKey(model, v.version))),
    ...report.debris.flatMap((d) => d.keys),
  ];
  await mapBounded(leftovers, 8, async (key) => {
    try {
      await store.delete(key);
    } catch (error) {
      report.failed.push({
        key,
        problem: `left behind, invisible (its version has no manifest); prune or clean removes it: ${asError(error).message}`,
      });
    }
  });
}

/** Older first: by version number; manifests without one (`@1`, older than numbers) first, by creation. */
function newerLast(a: Manifest, b: Manifest): number {
  const rank = (m: Manifest): [number, number] =>
    m.sequence === undefined ? [0, Date.parse(m.createdAt)] : [1, m.sequence];
  const [ra, rb] = [rank(a), rank(b)];
  return ra[0] - rb[0] || ra[1] - rb[1] || a.version.localeCompare(b.version);
}

const sizeOf = (m: Manifest): number =>
  [...m.files, ...Object.values(m.attachments)].reduce((total, file) => total + file.size, 0);

/** Every object under the version's folder, the manifest first (the order they are deleted in). */
async function objectsOf(store: ObjectStore, manifest: Manifest): Promise<string[]> {
  const key = manifestKey(manifest.model, manifest.version);
  const rest = (await store.list(`${versionKey(manifest.model, manifest.version)}/`)).filter((k) => k !== key);
  return [key, ...rest];
}

/**
 * What the alias histories protect: each version some readable entry moved an alias to or from, with why in words
 * ("champion points at it", "staging pointed at it"), and the gaps (entries damaged or moved aside), whose target is
 * unknown.
 */
async function aliasProtection(
  store: ObjectStore,
  model: string,
  report: DamageReporter,
): Promise<{ named: Map<string, string[]>; gaps: { alias: string; at: string }[] }> {
  const byVersion = new Map<string, Map<string, boolean>>();
  const gaps: { alias: string; at: string }[] = [];
  const protect = (version: string, alias: string, now: boolean): void => {
    const aliases = byVersion.get(version) ?? new Map<string, boolean>();
    aliases.set(alias, now || aliases.get(alias) === true);
    byVersion.set(version, aliases);
  };
  const aliases = new Set([
    ...(await entryKeys(store, model)).keys(),
    ...(await store.folders(`${model}/quarantine/aliases/`)),
  ]);
  for (const alias of [...aliases].sort()) {
    const links = await readChain(store, model, alias, { report, movedAside: true });
    for (const [i, link] of links.entries()) {
      if ("gap" in link) gaps.push({ alias, at: link.gap.at });
      else {
        protect(link.move.to, alias, i === links.length - 1);
        // The `from` its writer saw, as written: after a gap in the chain, it names the gap's target.
        if (link.move.from !== null) protect(link.move.from, alias, false);
      }
    }
  }
  const named = new Map<string, string[]>();
  for (const [version, flags] of byVersion) {
    named.set(
      version,
      [...flags].map(([alias, now]) => `${alias} ${now ? "points" : "pointed"} at it`),
    );
  }
  return { named, gaps };
}
