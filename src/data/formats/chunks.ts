import { closeSync, openSync, readSync } from "node:fs";
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";

/**
 * Byte sources for the readers: a local file read in place (from any offset, synchronously: a range scan in a
 * worker thread has nothing else to do meanwhile), or a gzip stream (read from the start only; gzip cannot be split).
 */
export interface ChunkReader {
  /** Reads up to `length` bytes into target[offset..]; 0 at the end. */
  read(target: Uint8Array, offset: number, length: number): Promise<number>;
  close(): void;
}

export function isGzip(file: string): boolean {
  return file.toLowerCase().endsWith(".gz");
}

export function fileReader(file: string, position: number): ChunkReader {
  const fd = openSync(file, "r");
  let at = position;
  return {
    read(target, offset, length) {
      const n = readSync(fd, target, offset, length, at);
      at += n;
      return Promise.resolve(n);
    },
    close: () => closeSync(fd),
  };
}

export function gzipReader(file: string): ChunkReader {
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = source.pipe(createGunzip({ chunkSize: 1 << 20 }));
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer | null = null;
  return {
    async read(target, offset, length) {
      if (pending === null || pending.length === 0) {
        const next = await iterator.next();
        if (next.done) return 0;
        pending = next.value;
      }
      const n = Math.min(length, pending.length);
      target.set(pending.subarray(0, n), offset);
      pending = pending.subarray(n);
      return n;
    },
    // Both: destroying what `pipe` feeds leaves its source open (paused, its descriptor held until collected).
    close: () => {
      stream.destroy();
      source.destroy();
    },
  };
}
