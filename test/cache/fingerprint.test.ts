import { createHash } from "node:crypto";
import { mkdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintFiles, READ_SIZE, sha256File, stampIsSafe } from "../../src/files/hash.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Fingerprinting (src/files/hash.ts): one pass per file, and stamps that are trusted only when provably safe. */

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Bytes that differ from block to block, so a misplaced or repeated read changes the hash. */
function patterned(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4096) bytes.writeUInt32LE(i ^ 0x5a5a5a5a, i);
  if (size > 0) bytes[size - 1] = 7;
  return bytes;
}

/**
 * Waits until the file system's clock (a probe file's mtime) has moved past `file`'s ctime, so a stamp for it may be
 * kept. This is the condition the code checks, waited for rather than assumed: no sleep of a guessed length.
 */
async function waitForClockPast(dir: string, file: string): Promise<void> {
  const changed = (await stat(file, { bigint: true })).ctimeNs;
  await mkdir(dir, { recursive: true });
  const probe = path.join(dir, "clock-probe");
  for (let attempt = 0; attempt < 2000; attempt++) {
    await writeFile(probe, String(attempt));
    if ((await stat(probe, { bigint: true })).mtimeNs > changed) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  expect.fail("the file system clock did not move");
}

describe("sha256 of a file", () => {
  it.each([0, 1, 4095, READ_SIZE - 1, READ_SIZE, READ_SIZE + 1, 2 * READ_SIZE + 12345])(
    "matches a one-shot hash for %i bytes (reads cross the 4 MiB boundary)",
    async (size) => {
      const dir = await tempDir();
      const bytes = patterned(size);
      const [file = ""] = await writeFiles(dir, { "f.bin": bytes });
      expect(await sha256File(file)).toEqual({ size, sha256: sha256(bytes) });
    },
  );
});

describe("one pass over many files", () => {
  it("hashes files of every size right with the buffers it shares between them", async () => {
    const dir = await tempDir();
    const sizes = [2 * READ_SIZE + 12345, 0, 5, READ_SIZE, 4095, READ_SIZE + 1, READ_SIZE - 1, 1];
    const files = await writeFiles(dir, Object.fromEntries(sizes.map((size, i) => [`f${i}.bin`, patterned(size)])));
    const pass = await fingerprintFiles(files);
    expect([...pass.files.values()]).toEqual(
      sizes.map((size) => ({ size, sha256: sha256(patterned(size)), reused: false })),
    );
    expect(pass.bytesHashed).toBe(sizes.reduce((a, b) => a + b, 0));
  });
});

describe("when a stamp may be kept", () => {
  const base = { dev: 1n, ino: 42n, size: 100n, mtimeNs: 1_000n, ctimeNs: 1_000n };
  const clock = { timeNs: 2_000n, dev: 1n };

  it("only for a file that did not change while read and changed last strictly before the probe", () => {
    expect(stampIsSafe(base, { ...base }, clock)).toBe(true);
    // Changed in the probe's own tick: a write right after the hash could keep the same ctime.
    expect(stampIsSafe({ ...base, ctimeNs: 2_000n }, { ...base, ctimeNs: 2_000n }, clock)).toBe(false);
    expect(stampIsSafe({ ...base, ctimeNs: 2_500n }, { ...base, ctimeNs: 2_500n }, clock)).toBe(false);
    // Changed during the read.
    expect(stampIsSafe(base, { ...base, size: 101n }, clock)).toBe(false);
    expect(stampIsSafe(base, { ...base, ctimeNs: 1_500n }, clock)).toBe(false);
    expect(stampIsSafe(base, { ...base, mtimeNs: 1_500n }, clock)).toBe(false);
    // Another device has another clock.
    expect(stampIsSafe({ ...base, dev: 2n }, { ...base, dev: 2n }, clock)).toBe(false);
  });
});

describe("fingerprints with stamps", () => {
  it("reads every file on the first pass and none on the next when nothing changed", async () => {
    const dir = await tempDir();
    const files = await writeFiles(dir, { "a.csv": "x,y\n1,2\n", "b/c.bin": patterned(READ_SIZE + 3) });
    const stampsFile = path.join(dir, ".mlops", "stamps.json");
    for (const file of files) await waitForClockPast(path.dirname(stampsFile), file);

    const first = await fingerprintFiles(files, { stampsFile });
    expect(first.bytesHashed).toBe(8 + READ_SIZE + 3);
    expect([...first.files.values()].map((f) => f.reused)).toEqual([false, false]);
    expect(first.files.get(files[1] ?? "")?.sha256).toBe(sha256(patterned(READ_SIZE + 3)));

    const second = await fingerprintFiles(files, { stampsFile });
    expect(second.bytesHashed).toBe(0);
    expect([...second.files.values()]).toEqual([...first.files.values()].map((f) => ({ ...f, reused: true })));
  });

  it("hashes a file again when its content changed, even with the same size and a faked mtime", async () => {
    const dir = await tempDir();
    const [file = ""] = await writeFiles(dir, { "data.csv": "a,b\n1,2\n" });
    // A whole-second mtime can be put back exactly (utimes takes seconds as a float).
    const mtime = 1_700_000_000;
    await utimes(file, mtime, mtime);
    const stampsFile = path.join(dir, "stamps.json");
    await waitForClockPast(dir, file);
    const first = await fingerprintFiles([file], { stampsFile });
    expect((await fingerprintFiles([file], { stampsFile })).files.get(file)?.reused).toBe(true);

    await writeFile(file, "a,b\n1,3\n"); // same size
    await utimes(file, mtime, mtime); // mtime put back, as `touch -d` or a careless copy does
    expect((await stat(file, { bigint: true })).mtimeNs).toBe(BigInt(mtime) * 1_000_000_000n);
    const second = await fingerprintFiles([file], { stampsFile });
    expect(second.files.get(file)).toEqual({ size: 8, sha256: sha256(Buffer.from("a,b\n1,3\n")), reused: false });
    expect(second.files.get(file)?.sha256).not.toBe(first.files.get(file)?.sha256);
  });

  it("starts over from a damaged stamps file", async () => {
    const dir = await tempDir();
    const [file = ""] = await writeFiles(dir, { "data.txt": "some data" });
    const stampsFile = path.join(dir, "stamps.json");
    await writeFile(stampsFile, "{ not json");
    const pass = await fingerprintFiles([file], { stampsFile });
    expect(pass.files.get(file)).toEqual({ size: 9, sha256: sha256(Buffer.from("some data")), reused: false });
    expect(JSON.parse(await readFile(stampsFile, "utf8"))).toMatchObject({ format: 1 });
  });

  it("keeps other files' stamps when asked, so a small check does not undo a big pass", async () => {
    const dir = await tempDir();
    const files = await writeFiles(dir, { "big.bin": patterned(READ_SIZE), "code.py": "print(1)\n" });
    const stampsFile = path.join(dir, "stamps.json");
    for (const file of files) await waitForClockPast(dir, file);
    await fingerprintFiles(files, { stampsFile });
    const code = files.slice(1);
    await fingerprintFiles(code, { stampsFile, keepOtherStamps: true });
    expect((await fingerprintFiles(files, { stampsFile })).bytesHashed).toBe(0);
    await fingerprintFiles(code, { stampsFile });
    expect((await fingerprintFiles(files, { stampsFile })).bytesHashed).toBe(READ_SIZE);
  });

  it("without a stamps file, reads everything every time", async () => {
    const dir = await tempDir();
    const files = await writeFiles(dir, { "a.txt": "aaaa", "b.txt": "bb" });
    for (let i = 0; i < 2; i++) expect((await fingerprintFiles(files)).bytesHashed).toBe(6);
  });
});
