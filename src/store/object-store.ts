import { ExternalError } from "../errors.ts";

/**
 * The object store behind the registry, the data readers and the S3 run cache: keys are `/`-separated relative
 * paths. Two backends: a local folder (the embedded default) and S3. On S3 every call retries what may pass (a
 * restarting server, throttling, 5xx, a dropped connection) up to a time budget, and then fails with an
 * ExternalError saying how long it tried.
 *
 * Only what its users need, one way each: small objects are read with `get` and written whole with `put` (or
 * `create`, only if absent); files go in with `upload` and out with `download`; `head` says whether an object is
 * there. The data readers need only {@link ObjectReader}.
 */
export interface ObjectStore extends ObjectReader {
  /**
   * The object's bytes, or undefined when there is no such key. For the small objects the kit writes (manifests,
   * alias entries, claims): one larger than {@link MAX_GET_BYTES} is an {@link ObjectTooLargeError}, never read
   * into memory whole (anyone with bucket access could plant one).
   */
  get(key: string): Promise<Buffer | undefined>;
  /** Writes a whole object at once; readers never see a partial object. */
  put(key: string, body: Buffer | string): Promise<void>;
  delete(key: string): Promise<void>;

  /**
   * Streams a local file into the store and returns its size and sha256, computed from the same bytes as they go
   * (the file is read once), or by the store of what it stored where it reports that (GitHub's asset digest). Big
   * files go up in parts, a bounded number at a time. Readers never see a partial object.
   */
  upload(key: string, file: string, options?: UploadOptions): Promise<ObjectDigest>;
  /**
   * Writes an object only if the key is free; false when it already exists. Exclusive on a folder and on S3 servers
   * with conditional writes (AWS S3 since 2024, RGW, R2): see {@link createIsExclusive}. On servers without them
   * (s3rver, older MinIO) it is a check, then a write, so callers must not rely on it alone for mutual exclusion.
   * A retried write whose first answer was lost counts as this caller's when the object holds exactly `body`.
   */
  create(key: string, body: Buffer | string): Promise<boolean>;
  /**
   * Whether {@link create} is exclusive here: of many callers creating one key at once, exactly one gets true. Always
   * on a folder; on S3 found out once per store by probing under `scratch` (a second conditional PUT of one key must
   * answer 412: s3rver answers 200 and overwrites).
   */
  createIsExclusive(scratch: string): Promise<boolean>;
  /** The names of the immediate sub-folders of a prefix (`a/` holding `a/b/c` and `a/d` gives `["b"]`), sorted. */
  folders(prefix: string): Promise<string[]>;
  /**
   * Removes what writes interrupted before `before` left under a prefix and no listing shows: temporary files in a
   * folder, unfinished multipart uploads on S3 (where the server can list them). Returns how many it removed.
   */
  discardIncomplete(prefix: string, before: Date): Promise<number>;
  /**
   * Why a key is absent, where the store can say more than that (GitHub: the release is there, its asset was deleted
   * from it), in words for a message; undefined when it cannot. Asked only after a read found nothing.
   */
  explainMissing?(key: string): Promise<string | undefined>;
}

/**
 * What the data readers ask of a store (data/sources.ts, the fingerprints): list keys, identify an object without
 * reading it, and stream one into a local file.
 */
export interface ObjectReader {
  /** Where the store lives, for messages: a folder path or s3://bucket/prefix. */
  readonly location: string;
  /** All keys under a prefix (recursive), sorted. */
  list(prefix: string): Promise<string[]>;
  /** Size and entity tag of an object without reading it; undefined when there is no such key. */
  head(key: string): Promise<ObjectHead | undefined>;
  /**
   * Streams an object into a local file, computing size and sha256 on the way. With `expected`, a mismatch is a
   * {@link CorruptObjectError} and `file` is left untouched: the bytes never land under their final name.
   * Undefined when there is no such key.
   */
  download(
    key: string,
    file: string,
    options?: TransferOptions & { expected?: ObjectDigest },
  ): Promise<ObjectDigest | undefined>;
}

/**
 * An object's identity without its bytes. On S3 the ETag is the server's (an MD5 of the content for single-part
 * uploads, of the parts for multipart ones): it changes whenever the object is rewritten with other bytes, which is
 * what data fingerprints need (DVC identifies S3 data the same way). In a folder it is a change stamp
 * (size, modification time and inode), not a content hash.
 */
export interface ObjectHead {
  size: number;
  etag: string;
}

/** What a transfer computed from the bytes it moved. */
export interface ObjectDigest {
  size: number;
  sha256: string;
}

export interface TransferOptions {
  /** Called as bytes move: `bytes` done so far of `total`. */
  onProgress?: (bytes: number, total: number) => void;
}

export interface UploadOptions extends TransferOptions {
  /**
   * Create-only: the write carries `If-None-Match: *` (the single PUT, or the multipart completion), so a server that
   * honours it refuses to overwrite an object (an {@link ObjectExistsError}), and an IAM policy can require it (the
   * registry's write role may only create version objects: docs/bucket.md "The least IAM policies"). A folder creates the
   * file exclusively. Servers that ignore the header (s3rver, and RGW on multipart completions) overwrite.
   */
  createOnly?: boolean;
}

/** A create-only upload found its key taken. */
export class ObjectExistsError extends ExternalError {
  constructor(location: string, key: string) {
    super(`${location}/${key} exists already; a create-only write does not replace it`, {
      hint: "two writers drew the same key; publish again",
    });
  }
}

/** The most `get` reads into memory; big objects go through `download`. */
export const MAX_GET_BYTES = 16 * 1024 * 1024;

/**
 * A stream's bytes in memory, never more than `limit` (MAX_GET_BYTES by default) whatever the object or its
 * Content-Length claim: past that the stream is destroyed and `tooLarge()` thrown.
 */
export async function readBounded(
  body: AsyncIterable<unknown> & { destroy(): void },
  tooLarge: () => Error,
  limit = MAX_GET_BYTES,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

/** An object `get` refused for its size: not one the kit wrote. */
export class ObjectTooLargeError extends ExternalError {
  constructor(location: string, key: string) {
    super(
      `${location}/${key} holds more than ${MAX_GET_BYTES / (1024 * 1024)} MiB, more than any object mlops-kit writes there`,
      {
        hint: "it was written outside mlops-kit; remove it (or restore it from the bucket's versioning)",
      },
    );
  }
}

/** A downloaded object whose bytes differ from what the caller expected (a changed or damaged object). */
export class CorruptObjectError extends ExternalError {
  readonly key: string;
  readonly expected: ObjectDigest;
  readonly actual: ObjectDigest;
  /** What the store knows of how it came to differ (GitHub: the asset whose reported digest is another). */
  explanation: string | undefined;

  constructor(location: string, key: string, expected: ObjectDigest, actual: ObjectDigest) {
    super(
      `${location}/${key} is corrupted: expected ${expected.size} bytes with sha256 ${expected.sha256.slice(0, 12)}…, ` +
        `got ${actual.size} bytes with sha256 ${actual.sha256.slice(0, 12)}…`,
      { hint: "the stored object was changed or damaged after it was written" },
    );
    this.key = key;
    this.expected = expected;
    this.actual = actual;
  }
}

/** Read files in 4 MiB chunks: Node's default 64 KiB reads halve sha256 throughput (PLATFORM.md). */
export const READ_CHUNK = 4 * 1024 * 1024;
