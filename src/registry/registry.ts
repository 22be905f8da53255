import { NAME_PATTERN } from "../config/schema/common.ts";
import { ExternalError, InputError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { type AliasEvent, aliasTimeline, appendMove, currentAliases, type HistoryRow, movesOf } from "./aliases.ts";
import { aliasQueries } from "./alias-queries.ts";
import { mapBounded } from "./concurrency.ts";
import { type Damage, type DamageReporter, reportOnce } from "./damage.ts";
import { DEBRIS_AGE_MS, findDebris, removeDebris } from "./debris.ts";
import { type FsckReport, fsckModel } from "./fsck.ts";
import type { Manifest } from "./manifest.ts";
import { checkAliasName, checkFilePath, checkModelName, parseRef } from "./names.ts";
import { downloadFile, type TransferHooks } from "./download.ts";
import { appendMonitorLog, type MonitorLog, type MonitorLogEntry, readMonitorLog } from "./monitor-log.ts";
import { appendScoringRecord, type KeyedScoringRecord, readScoringLog, type ScoringRecord } from "./scoring-log.ts";
import { type PullOptions, type PullResult, pullInto } from "./pull.ts";
import { type PruneReport, pruneModel } from "./prune.ts";
import { realSleep, sequenceClaimants, type Sleep } from "./sequence.ts";
import { type PublishInput, writeVersion } from "./write-version.ts";
import { manifestBytes, signVersion, verifyVersion, type VerifyOutcome } from "./signature.ts";
import type { PublicKey, SigningKey } from "../provenance/keys.ts";
import { type SigningPolicy, UnverifiedVersionError } from "../provenance/policy.ts";
import { damagedManifestError, manifestKey, readManifest } from "./stored-manifest.ts";
import { type StoredFileProblem, storedFileProblems } from "./stored-files.ts";
import { findPrunedVersion, type PrunedVersionRecord } from "./prune-records.ts";

export type { AliasEvent, AliasGap, Approval, Delivery, HistoryRow } from "./aliases.ts";
export type { Damage, DamageReporter } from "./damage.ts";
export { DEBRIS_AGE_MS } from "./debris.ts";
export type { FsckProblem, FsckReport } from "./fsck.ts";
export { newVersionId } from "./names.ts";
export { type AttachmentInput, COMMIT_DEADLINE_MS, type PublishInput, type VersionIdentity } from "./write-version.ts";
export type { TransferEvent, TransferHooks } from "./download.ts";
export type { PullOptions, PullResult } from "./pull.ts";
export type { StoredFileProblem } from "./stored-files.ts";
export type { PrunedVersionRecord } from "./prune-records.ts";
export { signatureKey, type VerifyOutcome } from "./signature.ts";
export type { KeyedLogEntry, MonitorLog, MonitorLogEntry } from "./monitor-log.ts";
export type { KeyedScoringRecord, ScoringRecord } from "./scoring-log.ts";
export type { KeptVersion, PruneFailure, PrunedVersion, PruneReport } from "./prune.ts";

/**
 * The model registry over an object store (DOMAIN.md §4).
 *
 * Layout, per model:
 *   <model>/versions/<version>/files/<path>         artifacts, written first
 *   <model>/versions/<version>/attachments/<name>/  the kit's own files (predictions, profile, report, card, mlbom)
 *   <model>/versions/<version>/manifest.json        written last: a version exists iff its manifest exists
 *   <model>/versions/<version>/model.sig            its signature, created after the manifest (see signature.ts)
 *   <model>/sequence/<n>/<version>                  the claim on friendly number n (see sequence.ts)
 *   <model>/aliases/<alias>/<time>-<random>.json    one immutable entry per alias move (see aliases.ts)
 *   <model>/quarantine/<key inside the model>       damaged objects fsck moved aside (see quarantine.ts)
 *   <model>/fsck/<time>-<random>.json               what each `fsck --repair` did, written once (see fsck.ts)
 *   <model>/prune/<time>-<random>.json              what each `prune --apply` deleted, written once (see prune.ts)
 *   <model>/monitor/<alias>/<time>-<random>.json    one monitoring run's window results, written once (monitor-log.ts)
 *   <model>/scoring/<time>-<random>.json            one batch-scoring run's record, written once (scoring-log.ts)
 *
 * One damaged object never takes down the rest: listings skip a damaged manifest or alias entry and report it through
 * `onDamage` (see damage.ts); a read that names the damaged thing itself fails with the reason, never with a guess.
 */

export type MoveDetails = Omit<AliasEvent, "alias" | "from" | "to" | "kind"> & { kind?: AliasEvent["kind"] };

/** What {@link Registry.clean} removed. */
export interface CleanReport {
  /** Versions that never got a manifest (interrupted publishes), removed with their objects. */
  versions: string[];
  objects: number;
  /** Unfinished multipart uploads aborted (S3 servers that can list them). */
  uploads: number;
}

export interface Registry {
  readonly location: string;
  publish(input: PublishInput, hooks?: TransferHooks): Promise<Manifest>;
  /** Every readable version, oldest first; a version whose manifest is damaged is left out and reported. */
  versions(model: string): Promise<Manifest[]>;
  /** One version; undefined when it does not exist, an error when its manifest is damaged. */
  version(model: string, version: string): Promise<Manifest | undefined>;
  /**
   * A version id, a sequence number (`7`, `v7`) or an alias name. Undefined when there is no such version or alias;
   * an error when the answer is damaged or unknown (an alias whose last move is damaged, or that points at a version
   * that is not there): such a reference never passes for "none".
   */
  resolve(model: string, ref: string): Promise<Manifest | undefined>;
  /** Where each alias points; an alias whose last move is damaged is left out and reported. */
  aliases(model: string): Promise<Record<string, string>>;
  moveAlias(model: string, alias: string, version: string, event: MoveDetails): Promise<AliasEvent>;
  /** Moves the alias back to the version it stood on before its current one (see servingStack). */
  rollback(model: string, alias: string, event: Omit<MoveDetails, "forced" | "kind">): Promise<AliasEvent>;
  /** Where a rollback of the alias would go (and where it stands now); refused as {@link rollback} would be. */
  rollbackTarget(model: string, alias: string): Promise<{ current: string; target: string }>;
  /** Every readable alias move (or one alias's), oldest first; damaged entries are reported. */
  history(model: string, alias?: string): Promise<AliasEvent[]>;
  /**
   * Every alias move and every gap (an entry that is damaged, or that fsck moved aside), oldest first: what
   * `mlops models history` shows. An alias named that has never moved is an InputError naming those there are.
   */
  timeline(model: string, alias?: string): Promise<HistoryRow[]>;
  /** The move that was in force for `alias` at `date`: "which version was champion on date D". */
  aliasAt(model: string, alias: string, date: Date): Promise<AliasEvent | undefined>;
  /**
   * Every move in force at some moment from `start` to `end`, oldest first: "which versions served as champion that
   * day". Refused when a gap lies in that time (a version that served is unknown), and for an alias that never moved.
   */
  servedDuring(model: string, alias: string, start: Date, end: Date): Promise<AliasEvent[]>;
  /**
   * Each file and attachment of a version that is not stored with the size its manifest lists (missing, or of another
   * size), found without downloading anything (see stored-files.ts); empty when all are there.
   */
  storedFileProblems(manifest: Manifest): Promise<StoredFileProblem[]>;
  /** Downloads a version's files into `outDir`, verifying size and sha256 of each; all or nothing (see pull.ts). */
  pull(manifest: Manifest, outDir: string, options?: PullOptions): Promise<PullResult>;
  /** Downloads an attachment to `file`, verified; false when the version has no attachment of that name. */
  pullAttachment(manifest: Manifest, name: string, file: string): Promise<boolean>;
  models(): Promise<string[]>;
  /**
   * What `models prune --apply` recorded of the version a ref names (an id or number), when a prune deleted it: what
   * to say instead of "no such version". Undefined when no record names it.
   */
  prunedVersion(model: string, ref: string): Promise<PrunedVersionRecord | undefined>;
  /**
   * The manifest's bytes as stored: what a signature and a build-provenance attestation are over (a parsed and
   * re-written manifest need not be byte for byte the same).
   */
  manifestBytes(manifest: Manifest): Promise<Buffer>;
  /** Signs a version (its manifest and file digests); an identical signature already there is fine (signature.ts). */
  sign(manifest: Manifest, key: SigningKey): Promise<{ state: "signed" | "already"; key: string }>;
  /**
   * Checks a version against its signature and the trusted keys, and every file's sha256 unless `files` is false;
   * a failure is data (which reason, in words), not an exception.
   */
  verify(manifest: Manifest, trusted: readonly PublicKey[], options?: { files?: boolean }): Promise<VerifyOutcome>;
  /** Removes the debris of publishes interrupted before `before` (default: a day ago). */
  clean(model: string, before?: Date): Promise<CleanReport>;
  /** Checks a model end to end and, with `repair`, repairs what can be repaired, recording it (see fsck.ts). */
  fsck(model: string, options: { repair: boolean; actor: string | null }): Promise<FsckReport>;
  /**
   * Deletes old versions, keeping the last `keep` and every version an alias points or ever pointed at (see prune.ts);
   * without `apply`, only says what it would delete.
   */
  prune(model: string, options: { keep: number; apply: boolean; actor: string | null }): Promise<PruneReport>;
  /**
   * Appends one monitoring run's window results to the alias's monitoring log (see monitor-log.ts), never rewriting
   * an entry; returns the keys of the objects written (none for no entries).
   */
  appendMonitorLog(model: string, alias: string, entries: readonly MonitorLogEntry[]): Promise<string[]>;
  /** The alias's monitoring log: every readable entry in append order, and the newest per window; damage is reported. */
  monitorLog(model: string, alias: string): Promise<MonitorLog>;
  /** Records one completed batch-scoring run (see scoring-log.ts); returns the record's key. */
  appendScoringRecord(model: string, record: ScoringRecord): Promise<string>;
  /** Every readable batch-scoring record of the model, oldest first; damage is reported. */
  scoringLog(model: string): Promise<KeyedScoringRecord[]>;
}

export interface RegistryOptions {
  /** Pause between sequence-number contests (tests may shorten it). */
  sleep?: Sleep;
  /** Told of each damaged object a read comes across (once per object); the doors print it. */
  onDamage?: DamageReporter;
  /** The most bytes of JSON one monitoring-log object holds (default 1 MiB; tests make it small). */
  monitorLogObjectBytes?: number;
  /** registry.signing: publish signs with its key; with `require`, pull refuses a version that does not verify. */
  signing?: SigningPolicy;
}

export function createRegistry(
  store: ObjectStore,
  now: () => Date = () => new Date(),
  options: RegistryOptions = {},
): Registry {
  const report = reportOnce(options.onDamage);
  /** A version that a read names: damage is an error here, it must not pass for "no such version". */
  const namedVersion = async (model: string, version: string): Promise<Manifest | undefined> => {
    const read = await readManifest(store, model, version);
    if (read.state === "damaged") {
      report(read.damage);
      throw damagedManifestError(read.damage, store.location);
    }
    return read.state === "present" ? read.manifest : undefined;
  };

  const bySequence = async (model: string, sequence: number): Promise<Manifest | undefined> => {
    let damage: Damage | undefined;
    for (const version of await sequenceClaimants(store, model, sequence)) {
      // A claim whose name is not a version id was not written by the kit: it names no version.
      if (!NAME_PATTERN.test(version)) continue;
      const read = await readManifest(store, model, version);
      if (read.state === "present" && read.manifest.sequence === sequence) return read.manifest;
      if (read.state === "damaged") damage = read.damage;
    }
    // The claimant of the number may be the damaged one: then "no such version" would be a guess.
    if (damage) {
      report(damage);
      throw damagedManifestError(damage, store.location);
    }
    return undefined;
  };

  const aliases = aliasQueries(store, report, namedVersion);

  /**
   * With registry.signing.require, refuses a version whose signature does not hold. The signature binds the manifest,
   * and a pull checks each file and attachment against it: what is pulled is then what was signed.
   */
  const requireSignature = async (manifest: Manifest): Promise<void> => {
    if (!options.signing?.require) return;
    const outcome = await verifyVersion(store, manifest, options.signing.trustedKeys(), { files: false });
    if (!outcome.verified) {
      throw new UnverifiedVersionError(outcome.problem, {
        hint: `${options.signing.requiredBy} refuses it; \`mlops verify\` checks a version in full`,
      });
    }
  };

  const registry: Registry = {
    location: store.location,

    async publish(input, hooks = {}) {
      // Read first: a key that cannot be read stops the publish before anything is uploaded.
      const key = options.signing?.signingKey();
      const manifest = await writeVersion(store, input, hooks, { now, sleep: options.sleep ?? realSleep });
      if (key) {
        await signVersion(store, manifest, key).catch((error: unknown) => {
          throw new ExternalError(`${manifest.model} ${manifest.version} was published but not signed`, {
            hint: `sign it with: mlops sign ${manifest.model}@${manifest.version}`,
            cause: error,
          });
        });
      }
      return manifest;
    },

    async versions(model) {
      checkModelName(model);
      const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
      const reads = await mapBounded(ids, 8, (id) => readManifest(store, model, id));
      const manifests: Manifest[] = [];
      for (const read of reads) {
        if (read.state === "present") manifests.push(read.manifest);
        else if (read.state === "damaged") report(read.damage);
      }
      return manifests;
    },

    version: namedVersion,

    async resolve(model, ref) {
      checkModelName(model);
      const parsed = parseRef(ref);
      if (parsed.kind === "version") return namedVersion(model, parsed.id);
      if (parsed.kind === "sequence") return bySequence(model, parsed.sequence);
      const current = (await currentAliases(store, model, report, parsed.alias)).get(parsed.alias);
      return current ? aliases.aliasTarget(model, parsed.alias, current) : undefined;
    },

    async aliases(model) {
      checkModelName(model);
      const pointing: [string, string][] = [];
      for (const [alias, link] of await currentAliases(store, model, report)) {
        if ("move" in link) pointing.push([alias, link.move.to]);
      }
      return Object.fromEntries(pointing.sort(([a], [b]) => a.localeCompare(b)));
    },

    async moveAlias(model, alias, version, event) {
      checkModelName(model);
      checkAliasName(alias);
      if (!(await namedVersion(model, version))) throw new InputError(`model ${model} has no version ${version}`);
      return appendMove(store, model, { kind: "promote", ...event, alias, to: version }, report);
    },

    rollbackTarget: aliases.rollbackTarget,

    async rollback(model, alias, event) {
      const { current, target } = await aliases.rollbackTarget(model, alias);
      if (!(await namedVersion(model, target))) throw new InputError(`model ${model} has no version ${target}`);
      return appendMove(
        store,
        model,
        {
          ...event,
          reason: event.reason || `rolled back from ${current}`,
          alias,
          to: target,
          forced: false,
          kind: "rollback",
        },
        report,
      );
    },

    async history(model, alias) {
      checkModelName(model);
      return movesOf(await aliasTimeline(store, model, alias === undefined ? alias : checkAliasName(alias), report));
    },

    timeline: aliases.timeline,
    aliasAt: aliases.aliasAt,
    servedDuring: aliases.servedDuring,

    storedFileProblems: (manifest) => storedFileProblems(store, manifest),

    async pull(manifest, outDir, pullOptions = {}) {
      await requireSignature(manifest);
      // A forced pull must never replace the folder the registry itself lives in.
      const local = store.location.startsWith("s3://") ? [] : [store.location];
      return pullInto(store, manifest, outDir, { ...pullOptions, protect: [...(pullOptions.protect ?? []), ...local] });
    },

    async pullAttachment(manifest, name, file) {
      const entry = manifest.attachments[name];
      if (!entry) return false;
      await requireSignature(manifest);
      await downloadFile(store, manifest, `attachments/${checkFilePath(entry.path)}`, entry, file);
      return true;
    },

    async models() {
      const names = (await store.folders("")).filter((name) => NAME_PATTERN.test(name));
      const found = await mapBounded(names, 8, async (name) => {
        for (const id of await store.folders(`${name}/versions/`)) {
          if (NAME_PATTERN.test(id) && (await store.head(manifestKey(name, id))) !== undefined) return name;
        }
        return undefined;
      });
      return found.filter((name): name is string => name !== undefined);
    },

    async prunedVersion(model, ref) {
      checkModelName(model);
      return findPrunedVersion(store, model, parseRef(ref));
    },

    manifestBytes: (manifest) => manifestBytes(store, manifest),

    sign: (manifest, key) => signVersion(store, manifest, key),

    verify: (manifest, trusted, verifyOptions) => verifyVersion(store, manifest, trusted, verifyOptions),

    async clean(model, before = new Date(now().getTime() - DEBRIS_AGE_MS)) {
      checkModelName(model);
      const debris = await findDebris(store, model, before);
      const objects = await removeDebris(store, debris);
      const uploads = await store.discardIncomplete(`${model}/versions/`, before);
      return { versions: debris.map((d) => d.version), objects, uploads };
    },

    async fsck(model, fsckOptions) {
      checkModelName(model);
      const at = now();
      return fsckModel(store, model, {
        ...fsckOptions,
        now: at,
        debrisBefore: new Date(at.getTime() - DEBRIS_AGE_MS),
      });
    },

    async prune(model, pruneOptions) {
      checkModelName(model);
      if (!Number.isInteger(pruneOptions.keep) || pruneOptions.keep < 1) {
        throw new InputError(`prune keeps at least one version, not ${pruneOptions.keep}`);
      }
      return pruneModel(store, model, { ...pruneOptions, now: now(), report });
    },

    async appendMonitorLog(model, alias, entries) {
      checkModelName(model);
      checkAliasName(alias);
      return appendMonitorLog(store, model, alias, entries, {
        now: now(),
        maxObjectBytes: options.monitorLogObjectBytes,
      });
    },

    async monitorLog(model, alias) {
      checkModelName(model);
      return readMonitorLog(store, model, checkAliasName(alias), report);
    },

    async appendScoringRecord(model, record) {
      checkModelName(model);
      return appendScoringRecord(store, model, record, now());
    },

    async scoringLog(model) {
      checkModelName(model);
      return readScoringLog(store, model, report);
    },
  };
  return registry;
}
