import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NAME_PATTERN } from "../config/schema/common.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { entryKeys, readChain } from "./aliases.ts";
import { mapBounded } from "./concurrency.ts";
import { findDebris, removeDebris } from "./debris.ts";
import type { Manifest } from "./manifest.ts";
import { fetchVerified } from "./download.ts";
import { monitorLogPrefix, readLogObjects } from "./monitor-log.ts";
import { readScoringLog } from "./scoring-log.ts";
import type { Damage } from "./damage.ts";
import { moveAside, quarantinedVersions } from "./quarantine.ts";
import { writeRecord } from "./records.ts";
import { signatureKey, signatureShapeProblem } from "./signature.ts";
import { getUnlessTooLarge, readManifest, versionKey, versionObjects } from "./stored-manifest.ts";

/**
 * `mlops models fsck`: checks a model in the registry end to end and, with `repair`, puts right what can be put right
 * without guessing. Checked: every manifest (JSON, schema, names the version of its folder), every file and attachment
 * a manifest lists (present, size, sha256 of the stored bytes), every entry of every alias's history, that each alias
 * points at a version that exists, every object of every alias's monitoring log, every batch-scoring record, and the
 * debris of interrupted publishes.
 *
 * Repairs never delete what might be wanted and never rewrite history (DOMAIN.md §4):
 * - a damaged manifest is moved aside into `<model>/quarantine/` (see quarantine.ts); the version's files are kept,
 *   so a restored manifest brings the version back;
 * - a damaged alias entry that is not the alias's last is moved aside the same way, and stays a gap in its history;
 * - a damaged monitoring-log object is moved aside the same way (readers skip it already: its windows read as if that
 *   run never wrote them), and so is a damaged batch-scoring record (readers skip it: that scoring run is not listed);
 * - debris older than a day (a publish interrupted before its manifest) is removed, and unfinished uploads aborted;
 * - every repair is recorded in `<model>/fsck/<time>-<random>.json`, written once and never changed.
 *
 * Not repairable here, with what to do instead: a damaged LAST alias entry (where the alias points is unknown: promote
 * the version it should point at, then repair again), an alias pointing at a version that does not exist or is
 * damaged (promote another), and a missing or changed file (its bytes are gone: restore the object from the bucket's
 * versioning or a backup, or publish again).
 */

export interface FsckProblem {
  /** The object concerned. */
  key: string;
  /** What is wrong, in words. */
  problem: string;
  /** What `--repair` did about it; null when nothing was done. */
  repaired: string | null;
  /** Why it cannot be repaired by fsck and what to do instead; null when it can. */
  advice: string | null;
}

export interface FsckReport {
  model: string;
  location: string;
  checked: { versions: number; files: number; bytes: number; aliases: number; entries: number };
  problems: FsckProblem[];
  /** Versions without a manifest younger than a day: left alone, a publish may still be writing them. */
  young: string[];
  /** The record of this run's repairs in the registry; null when nothing was repaired. */
  record: string | null;
}

export interface FsckOptions {
  repair: boolean;
  /** Who ran it, for the record. */
  actor: string | null;
  now: Date;
  /** Versions without a manifest started before this are debris. */
  debrisBefore: Date;
}

export const FSCK_RECORD_FORMAT = "mlops-kit/fsck@1";

export async function fsckModel(store: ObjectStore, model: string, options: FsckOptions): Promise<FsckReport> {
  const report: FsckReport = {
    model,
    location: store.location,
    checked: { versions: 0, files: 0, bytes: 0, aliases: 0, entries: 0 },
    problems: [],
    young: [],
    record: null,
  };
  const scratch = await mkdtemp(path.join(os.tmpdir(), "mlops-fsck-"));
  try {
    const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
    const readable = new Map<string, Manifest>();
    const damaged = new Set<string>();
    const perVersion = await mapBounded(ids, 4, async (id) => {
      const read = await readManifest(store, model, id);
      if (read.state === "absent") return [];
      if (read.state === "damaged") {
        damaged.add(id);
        const { key, problem } = read.damage;
        return [await repairable(`${key} ${problem}: version ${id} is hidden`, key, options, store, model)];
      }
      readable.set(id, read.manifest);
      const objects = await checkObjects(store, read.manifest, path.join(scratch, id), report.checked);
      // A signature that does not parse is moved aside (a version may be signed again); whether it holds is verify's.
      const signature = await signatureShapeProblem(store, read.manifest);
      if (signature === undefined) return objects;
      const key = signatureKey(model, id);
      return [
        ...objects,
        await repairable(`${key} ${signature}: version ${id} cannot be verified`, key, options, store, model),
      ];
    });
    report.problems.push(...perVersion.flat());
    report.checked.versions = readable.size;

    const debris = await findDebris(store, model, options.debrisBefore);
    const old = new Set(debris.map((d) => d.version));
    for (const item of debris) {
      const removed = options.repair ? await removeDebris(store, [item]) : 0;
      report.problems.push({
        key: `${versionKey(model, item.version)}/`,
        problem: `${item.version} has ${item.keys.length} object(s) but no manifest: what a publish interrupted more than a day ago left behind`,
        repaired: options.repair ? `removed ${removed} object(s)` : null,
        advice: null,
      });
    }
    if (options.repair) {
      const aborted = await store.discardIncomplete(`${model}/versions/`, options.debrisBefore);
      if (aborted > 0) {
        report.problems.push({
          key: `${model}/versions/`,
          problem: `${aborted} unfinished upload(s) older than a day`,
          repaired: `aborted ${aborted}`,
          advice: null,
        });
      }
    }
    const kept = await quarantinedVersions(store, model);
    for (const id of ids) {
      if (readable.has(id) || damaged.has(id) || old.has(id) || kept.has(id)) continue;
      if ((await store.list(`${versionKey(model, id)}/`)).length > 0) report.young.push(id);
    }

    for (const [alias, keys] of await entryKeys(store, model)) {
      report.checked.aliases++;
      report.checked.entries += keys.length;
      report.problems.push(...(await checkAlias(store, model, alias, keys, readable, options)));
    }
    for (const alias of await store.folders(monitorLogPrefix(model))) {
      if (!NAME_PATTERN.test(alias)) continue;
      for (const read of await readLogObjects(store, model, alias)) {
        if (!("damage" in read)) continue;
        const what = `${read.key} ${read.damage.problem}: ${read.damage.effect}`;
        report.problems.push(await repairable(what, read.key, options, store, model));
      }
    }
    const scoring: Damage[] = [];
    await readScoringLog(store, model, (damage) => scoring.push(damage));
    for (const damage of scoring) {
      const what = `${damage.key} ${damage.problem}: ${damage.effect}`;
      report.problems.push(await repairable(what, damage.key, options, store, model));
    }
    if (options.repair) report.record = await recordRepairs(store, model, report, options);
    return report;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Every file and attachment of a version: present, of the size and sha256 its manifest lists. */
async function checkObjects(
  store: ObjectStore,
  manifest: Manifest,
  scratch: string,
  checked: FsckReport["checked"],
): Promise<FsckProblem[]> {
  const base = versionKey(manifest.model, manifest.version);
  const entries = versionObjects(manifest).map(({ relative, entry }) => ({ key: `${base}/${relative}`, entry }));
  const advice =
    "its bytes are gone, so fsck cannot repair it: restore the object from the bucket's versioning or a backup, or " +
    `publish again (and promote another version if an alias points at ${manifest.version})`;
  const problems: FsckProblem[] = [];
  for (const [i, { key, entry }] of entries.entries()) {
    checked.files++;
    checked.bytes += entry.size;
    const head = await store.head(key);
    let problem: string | undefined;
    if (head === undefined) {
      problem = `${manifest.version} lists ${entry.path}, but the registry has no such object`;
    } else if (head.size !== entry.size) {
      problem = `${entry.path} of ${manifest.version} holds ${head.size} bytes; its manifest says ${entry.size}`;
    } else {
      // Read back in full: only the bytes themselves can show a change that kept the size.
      const outcome = await fetchVerified(store, key, entry, path.join(scratch, String(i)));
      await rm(path.join(scratch, String(i)), { force: true });
      if (outcome === "missing")
        problem = `${manifest.version} lists ${entry.path}, but the registry has no such object`;
      else if (outcome !== "ok") {
        problem =
          `${entry.path} of ${manifest.version} is corrupted: its sha256 is ${outcome.actual.sha256.slice(0, 12)}…, ` +
          `its manifest says ${entry.sha256.slice(0, 12)}…`;
      }
    }
    if (problem) problems.push({ key, problem, repaired: null, advice });
  }
  return problems;
}

/** One alias: each entry readable, and the alias pointing at a version that exists. */
async function checkAlias(
  store: ObjectStore,
  model: string,
  alias: string,
  keys: string[],
  readable: ReadonlyMap<string, Manifest>,
  options: FsckOptions,
): Promise<FsckProblem[]> {
  const links = await readChain(store, model, alias, { report: () => undefined, movedAside: false, keys });
  const problems: FsckProblem[] = [];
  for (const [i, link] of links.entries()) {
    if (!("gap" in link) || !link.gap.damage) continue;
    const what = `${link.key} ${link.gap.damage.problem}`;
    if (i < links.length - 1) {
      problems.push(
        await repairable(`${what}: the move of ${alias} at ${link.gap.at} is unknown`, link.key, options, store, model),
      );
    } else {
      problems.push({
        key: link.key,
        problem: `${what}: it is the last move of ${alias}, so where ${alias} points is unknown`,
        repaired: null,
        advice:
          `fsck cannot know where ${alias} should point: promote that version (mlops promote <version> --alias ${alias}), ` +
          "then run `mlops models fsck --repair` again to move this entry aside",
      });
    }
  }
  const last = links.at(-1);
  if (last && "move" in last && !readable.has(last.move.to)) {
    problems.push({
      key: last.key,
      problem: `${alias} points at ${last.move.to}, which is not a readable version of ${model}`,
      repaired: null,
      advice: `promote a version that exists (mlops promote <version> --alias ${alias})`,
    });
  }
  return problems;
}

/** A damaged object that can be moved aside: with `repair`, it is. */
async function repairable(
  problem: string,
  key: string,
  options: FsckOptions,
  store: ObjectStore,
  model: string,
): Promise<FsckProblem> {
  if (!options.repair) return { key, problem, repaired: null, advice: null };
  const body = await getUnlessTooLarge(store, key);
  if (body === undefined) return { key, problem, repaired: "already gone when fsck came to move it", advice: null };
  if (body === "too large") {
    return {
      key,
      problem,
      repaired: null,
      advice:
        "it is too large to move aside through memory: delete it by hand, or restore it from the bucket's versioning",
    };
  }
  const target = await moveAside(store, model, key, body, options.now);
  return target === undefined
    ? { key, problem, repaired: null, advice: "it changed while fsck ran and was left in place: run fsck again" }
    : { key, problem, repaired: `moved aside to ${target}`, advice: null };
}

/** The append-only record of what one `fsck --repair` did; none when it did nothing. */
async function recordRepairs(
  store: ObjectStore,
  model: string,
  report: FsckReport,
  options: FsckOptions,
): Promise<string | null> {
  const repaired = report.problems.filter((p) => p.repaired !== null);
  if (repaired.length === 0) return null;
  const record = {
    format: FSCK_RECORD_FORMAT,
    model,
    at: options.now.toISOString(),
    actor: options.actor,
    repaired: repaired.map(({ key, problem, repaired: action }) => ({ key, problem, action })),
    unrepaired: report.problems
      .filter((p) => p.repaired === null)
      .map(({ key, problem, advice }) => ({ key, problem, advice })),
  };
  return writeRecord(store, model, "fsck", options.now, record);
}
