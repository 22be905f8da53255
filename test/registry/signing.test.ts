import { createHash, generateKeyPairSync, verify as cryptoVerify } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPublicKey } from "../../src/provenance/keys.ts";
import { PREDICATE_TYPE } from "../../src/provenance/model-signing.ts";
import { signingPolicy, UnverifiedVersionError } from "../../src/provenance/policy.ts";
import { createRegistry, type Registry, signatureKey } from "../../src/registry/registry.ts";
import type { ObjectStore } from "../../src/store/object-store.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { useBackend } from "../helpers/registry-backends.ts";
import { withShortcuts } from "../helpers/store-shortcuts.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { backends } from "./backends.ts";

/**
 * Issue 21, items 1 and 2: versions signed in the OpenSSF model-signing format (a Sigstore bundle holding a DSSE
 * envelope over an in-toto statement), `mlops sign` and `mlops verify`, and pull and deploy refusing a version that
 * does not verify when registry.signing.require says so. Each bad input is refused with its own message, on every
 * registry backend.
 */

type KeyType = "ed25519" | "ec";

/** A fresh key pair as PEM: Ed25519, or ECDSA on P-256. */
function keyPair(type: KeyType): { privatePem: string; publicPem: string; keyid: string } {
  const pair =
    type === "ed25519" ? generateKeyPairSync("ed25519") : generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
  const der = pair.publicKey.export({ type: "spki", format: "der" });
  return {
    privatePem: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem,
    keyid: createHash("sha256").update(der).digest("hex"),
  };
}

/** The signing key `privatePem` is, read as publish reads it. */
function signingKeyOf(privatePem: string) {
  const key = signingPolicy({ key_env: "K", trusted_keys: [], require: false }, { root: "/", env: { K: privatePem } });
  const read = key.signingKey();
  if (!read) throw new Error("no signing key was read");
  return read;
}

/** A registry on `store` that signs with `signer` and trusts `trusted`. */
function signingRegistry(
  store: ObjectStore,
  dir: string,
  signer: { privatePem: string } | undefined,
  trusted: readonly string[],
  require = false,
): Registry {
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++));
  const signing = signingPolicy(
    { key_env: "MLOPS_SIGNING_KEY", trusted_keys: [...trusted], require },
    { root: dir, env: signer ? { MLOPS_SIGNING_KEY: signer.privatePem } : {} },
  );
  return createRegistry(store, clock, { sleep: () => Promise.resolve(), signing });
}

async function modelFiles(dir: string) {
  await writeFiles(dir, {
    "model/weights.bin": Buffer.from([0, 1, 2, 3, 254, 255]),
    "model/config.json": '{"layers": 2}\n',
  });
  return [
    { path: "model/config.json", source: path.join(dir, "model/config.json") },
    { path: "model/weights.bin", source: path.join(dir, "model/weights.bin") },
  ];
}

/** A stored signature, as the tests read it. */
interface StoredBundle {
  mediaType: string;
  verificationMaterial: unknown;
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string; keyid?: string }[] };
}

async function readBundle(store: ObjectStore, key: string): Promise<StoredBundle> {
  return JSON.parse(((await store.get(key)) ?? "").toString()) as StoredBundle;
}

const trustedKeys = (...pems: string[]) => pems.map((pem, i) => readPublicKey(pem, `key ${i}`));

describe.each(backends())("signed versions on a %s", (_name, open, backend) => {
  useBackend(backend);

  async function setup(type: KeyType = "ed25519") {
    const dir = await tempDir();
    const store = withShortcuts(open(dir));
    const key = keyPair(type);
    const registry = signingRegistry(store, dir, key, [key.publicPem]);
    const files = await modelFiles(dir);
    await writeFiles(dir, { "card/model-card.md": "# churn\n" });
    const attachments = [{ name: "card", source: path.join(dir, "card/model-card.md") }];
    const publish = () => registry.publish(publishInput({ model: "churn", files, attachments }));
    return { dir, store, key, registry, publish };
  }

  it.each<KeyType>(["ed25519", "ec"])("signs on publish and verifies every file (%s)", async (type) => {
    const { store, key, registry, publish } = await setup(type);
    const v1 = await publish();
    expect(await store.head(signatureKey("churn", v1.version))).toBeDefined();
    expect(await registry.verify(v1, trustedKeys(key.publicPem))).toEqual({
      verified: true,
      keyid: key.keyid,
      files: 2,
      attachments: ["card"],
    });
  });

  it("refuses an attachment changed after signing (the signed manifest lists its sha256), and a missing one", async () => {
    const { store, key, registry, publish } = await setup();
    const v1 = await publish();
    const cardKey = `churn/versions/${v1.version}/attachments/card/model-card.md`;
    // Same size, one byte changed: only the digest shows it.
    const changed = Buffer.from("# chur!\n");
    await store.put(cardKey, changed);
    const actual = createHash("sha256").update(changed).digest("hex");
    expect(await registry.verify(v1, trustedKeys(key.publicPem))).toEqual({
      verified: false,
      reason: "tampered-attachment",
      keyid: key.keyid,
      problem:
        `the card attachment (card/model-card.md) of churn ${v1.version} was changed after it was signed: its ` +
        `sha256 is ${actual}, the signed manifest says ${v1.attachments.card?.sha256}`,
    });
    await store.delete(cardKey);
    const missing = await registry.verify(v1, trustedKeys(key.publicPem));
    expect(missing).toMatchObject({ verified: false, reason: "missing-attachment" });
    expect(missing.verified ? "" : missing.problem).toMatch(
      new RegExp(`^the card attachment \\(card/model-card\\.md\\) of churn ${v1.version} is missing`),
    );
  });

  it("refuses a file changed after signing, naming it with both digests", async () => {
    const { store, key, registry, publish } = await setup();
    const v1 = await publish();
    // Same size, one byte changed: only the digest shows it.
    const changed = Buffer.from([0, 1, 2, 3, 254, 0]);
    await store.put(`churn/versions/${v1.version}/files/model/weights.bin`, changed);
    const outcome = await registry.verify(v1, trustedKeys(key.publicPem));
    const actual = createHash("sha256").update(changed).digest("hex");
    const signed = v1.files.find((f) => f.path === "model/weights.bin")?.sha256;
    expect(outcome).toEqual({
      verified: false,
      reason: "tampered-file",
      keyid: key.keyid,
      problem: `model/weights.bin of churn ${v1.version} was changed after it was signed: its sha256 is ${actual}, the signature says ${signed}`,
    });
  });

  it("refuses a manifest changed after signing, with its digest and the signed one", async () => {
    const { store, key, registry, publish } = await setup();
    const v1 = await publish();
    const manifestKey = `churn/versions/${v1.version}/manifest.json`;
    const original = (await store.get(manifestKey)) ?? Buffer.alloc(0);
    const forged = Buffer.from(JSON.stringify({ ...v1, metrics: { auc: 0.99 } }, null, 2) + "\n");
    await store.put(manifestKey, forged);
    const read = await registry.version("churn", v1.version);
    expect(read?.metrics).toEqual({ auc: 0.99 });
    const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
    expect(await registry.verify(read ?? v1, trustedKeys(key.publicPem))).toMatchObject({
      verified: false,
      reason: "tampered-manifest",
      problem: `the manifest of churn ${v1.version} was changed after it was signed: its sha256 is ${sha(forged)}, the signature says ${sha(original)}`,
    });
  });

  it("refuses a signature by a key it does not trust, naming the key", async () => {
    const { key, registry, publish } = await setup();
    const v1 = await publish();
    const other = keyPair("ec");
    expect(await registry.verify(v1, trustedKeys(other.publicPem))).toMatchObject({
      verified: false,
      reason: "untrusted-key",
      keyid: key.keyid,
      problem: `the signature of churn ${v1.version} does not hold: it is signed by the key ${key.keyid}, which is not among registry.signing.trusted_keys`,
    });
  });

  it("refuses another version's signature copied beside a manifest, and a version with none", async () => {
    const { dir, store, key, registry, publish } = await setup();
    const v1 = await publish();
    const unsigned = signingRegistry(store, dir, undefined, [key.publicPem]);
    const v2 = await unsigned.publish(publishInput({ model: "churn", files: await modelFiles(dir) }));
    expect(await registry.verify(v2, trustedKeys(key.publicPem))).toEqual({
      verified: false,
      reason: "missing-signature",
      keyid: null,
      problem: `churn ${v2.version} is not signed: ${signatureKey("churn", v2.version)} is missing`,
    });
    await store.create(signatureKey("churn", v2.version), (await store.get(signatureKey("churn", v1.version))) ?? "");
    expect(await registry.verify(v2, trustedKeys(key.publicPem))).toMatchObject({
      verified: false,
      reason: "other-version",
      problem: `the signature of churn ${v2.version} signs another version's manifest: churn ${v1.version}`,
    });
  });

  it("signs an existing version once: the same key again is fine, another key is refused", async () => {
    const { dir, store, key } = await setup("ec");
    const unsigned = signingRegistry(store, dir, undefined, [key.publicPem]);
    const v1 = await unsigned.publish(publishInput({ model: "churn", files: await modelFiles(dir) }));
    const signer = signingRegistry(store, dir, key, [key.publicPem]);
    const signingKey = signingKeyOf(key.privatePem);
    expect((await signer.sign(v1, signingKey)).state).toBe("signed");
    const first = await store.get(signatureKey("churn", v1.version));
    // ECDSA signs differently each time: the same statement by the same key still counts as the same signature.
    expect((await signer.sign(v1, signingKey)).state).toBe("already");
    const other = keyPair("ed25519");
    const otherKey = signingKeyOf(other.privatePem);
    await expect(signer.sign(v1, otherKey)).rejects.toThrow(
      `churn ${v1.version} already has another signature (${signatureKey("churn", v1.version)})`,
    );
    expect(await store.get(signatureKey("churn", v1.version))).toEqual(first);
    expect((await signer.verify(v1, trustedKeys(key.publicPem))).verified).toBe(true);
  });

  it("pulls a signed version when signing is required, and refuses an unsigned one before any download", async () => {
    const { dir, store, key, publish } = await setup();
    const v1 = await publish();
    const unsigned = signingRegistry(store, dir, undefined, [key.publicPem]);
    const v2 = await unsigned.publish(publishInput({ model: "churn", files: await modelFiles(dir) }));
    const strict = signingRegistry(store, dir, undefined, [key.publicPem], true);
    const pulled = await strict.pull(v1, path.join(dir, "out1"));
    expect(pulled.files).toHaveLength(2);
    const refused = strict.pull(v2, path.join(dir, "out2"));
    await expect(refused).rejects.toBeInstanceOf(UnverifiedVersionError);
    await expect(refused).rejects.toThrow(`churn ${v2.version} is not signed`);
    // Without require, the same pull goes through.
    expect((await unsigned.pull(v2, path.join(dir, "out3"))).files).toHaveLength(2);
  });

  it("fsck moves a malformed signature aside, so the version can be signed again", async () => {
    const { store, key, registry, publish } = await setup();
    const v1 = await publish();
    await store.put(signatureKey("churn", v1.version), "{ not json");
    const report = await registry.fsck("churn", { repair: true, actor: "tester" });
    expect(report.problems.map((p) => [p.key, p.problem, p.repaired?.startsWith("moved aside to ")])).toEqual([
      [
        signatureKey("churn", v1.version),
        `${signatureKey("churn", v1.version)} is not valid JSON: version ${v1.version} cannot be verified`,
        true,
      ],
    ]);
    expect(await store.get(signatureKey("churn", v1.version))).toBeUndefined();
    const signingKey = signingKeyOf(key.privatePem);
    expect((await registry.sign(v1, signingKey)).state).toBe("signed");
    expect((await registry.verify(v1, trustedKeys(key.publicPem))).verified).toBe(true);
  });

  it("prune removes a signature with its version", async () => {
    const { store, publish } = await setup();
    const [v1, v2] = [await publish(), await publish()];
    const later = createRegistry(store, () => new Date(Date.UTC(2026, 0, 3)), { sleep: () => Promise.resolve() });
    const pruned = await later.prune("churn", { keep: 1, apply: true, actor: "tester" });
    expect(pruned.pruned.map((p) => p.version)).toEqual([v1.version]);
    expect(await store.list(`churn/versions/${v1.version}/`)).toEqual([]);
    expect(await store.head(signatureKey("churn", v2.version))).toBeDefined();
  });
});

describe("the model-signing format", () => {
  it.each<KeyType>(["ed25519", "ec"])(
    "is a Sigstore bundle v0.3 with a DSSE envelope over model_signing's v1.0 statement (%s)",
    async (type) => {
      const dir = await tempDir();
      const store = withShortcuts(
        (await import("../../src/store/local-store.ts")).createLocalStore(path.join(dir, "r")),
      );
      const key = keyPair(type);
      const registry = signingRegistry(store, dir, key, [key.publicPem]);
      const v1 = await registry.publish(publishInput({ model: "churn", files: await modelFiles(dir) }));
      const bundle = await readBundle(store, signatureKey("churn", v1.version));
      expect(bundle.mediaType).toBe("application/vnd.dev.sigstore.bundle.v0.3+json");
      // model_signing's key verifier compares this hint with the sha256 of the key's SPKI PEM.
      expect(bundle.verificationMaterial).toEqual({
        publicKey: { hint: createHash("sha256").update(key.publicPem).digest("hex") },
        tlogEntries: [],
      });
      const envelope = bundle.dsseEnvelope;
      expect(envelope.payloadType).toBe("application/vnd.in-toto+json");
      const payload = Buffer.from(envelope.payload, "base64");
      // PAE as DSSE v1 specifies it, built here independently of the code under test.
      const pae = Buffer.concat([
        Buffer.from(`DSSEv1 ${envelope.payloadType.length} ${envelope.payloadType} ${payload.length} `),
        payload,
      ]);
      const [signature] = envelope.signatures;
      const sig = Buffer.from(signature?.sig ?? "", "base64");
      expect(signature?.keyid).toBe(key.keyid);
      expect(cryptoVerify(type === "ed25519" ? null : "sha256", pae, key.publicPem, sig)).toBe(true);
      const statement: unknown = JSON.parse(payload.toString());
      const resources = [...v1.files]
        .sort((a, b) => (a.path < b.path ? -1 : 1))
        .map((f) => ({ name: f.path, algorithm: "sha256", digest: f.sha256 }));
      const root = createHash("sha256");
      for (const r of resources) root.update(Buffer.from(r.digest, "hex"));
      const manifestBytes = (await store.get(`churn/versions/${v1.version}/manifest.json`)) ?? Buffer.alloc(0);
      expect(statement).toEqual({
        _type: "https://in-toto.io/Statement/v1",
        subject: [{ name: "churn", digest: { sha256: root.digest("hex") } }],
        predicateType: PREDICATE_TYPE,
        predicate: {
          serialization: { method: "files", hash_type: "sha256", allow_symlinks: false, ignore_paths: [] },
          resources,
          mlops_kit: {
            model: "churn",
            version: v1.version,
            manifest: { sha256: createHash("sha256").update(manifestBytes).digest("hex") },
          },
        },
      });
    },
  );

  it("refuses a statement changed after signing (the signature no longer holds)", async () => {
    const dir = await tempDir();
    const store = withShortcuts((await import("../../src/store/local-store.ts")).createLocalStore(path.join(dir, "r")));
    const key = keyPair("ed25519");
    const registry = signingRegistry(store, dir, key, [key.publicPem]);
    const v1 = await registry.publish(publishInput({ model: "churn", files: await modelFiles(dir) }));
    const sigKey = signatureKey("churn", v1.version);
    const bundle = await readBundle(store, sigKey);
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, "base64").toString()) as {
      predicate: { mlops_kit: { version: string } };
    };
    statement.predicate.mlops_kit.version = "v20990101T000000000Z-000000";
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString("base64");
    await store.put(sigKey, JSON.stringify(bundle));
    expect(await registry.verify(v1, trustedKeys(key.publicPem))).toMatchObject({
      verified: false,
      reason: "bad-signature",
      problem: `the signature of churn ${v1.version} does not hold: its signature does not verify with the trusted key ${key.keyid}: the signed statement was changed after signing`,
    });
  });
});

const CONFIG = `version: 1
model: { name: churn }
publish: { files: [model/], promote: false }
registry:
  signing:
    key_env: MLOPS_SIGNING_KEY
    trusted_keys: [keys/release.pub]
`;

describe("mlops sign and mlops verify", () => {
  async function project(config = CONFIG) {
    const dir = await tempDir();
    const key = keyPair("ec");
    await writeFiles(dir, {
      "mlops.yml": config,
      "model/weights.bin": "w1",
      "model/config.json": "{}\n",
      "keys/release.pub": key.publicPem,
    });
    return { dir, key, env: { MLOPS_SIGNING_KEY: key.privatePem } };
  }

  it("publish signs, verify says who signed (exit 0); a changed file fails verify (exit 1) with its name", async () => {
    const { dir, key, env } = await project();
    const published = await runCli(["publish", "--allow-dirty", "--json"], { cwd: dir, env });
    expect(published.exitCode, published.stderr).toBe(0);
    const verified = await runCli(["verify", "churn@1"], { cwd: dir });
    expect(verified.exitCode, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`signed by the trusted key ${key.keyid}`);
    expect(verified.stdout).toContain("and its attachment(s) card, mlbom with the sha256 the signed manifest lists.");
    const registry = path.join(dir, ".mlops", "registry");
    const [version] = await (await import("node:fs/promises")).readdir(path.join(registry, "churn", "versions"));
    await writeFile(path.join(registry, "churn", "versions", version ?? "", "files", "model", "weights.bin"), "w2");
    const failed = await runCli(["verify", "churn@1"], { cwd: dir });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain(
      `Not verified: model/weights.bin of churn ${version} was changed after it was signed`,
    );
  });

  it("verify refuses a model card changed after signing (exit 1), naming the attachment", async () => {
    const { dir, env } = await project();
    expect((await runCli(["publish", "--allow-dirty"], { cwd: dir, env })).exitCode).toBe(0);
    const registry = path.join(dir, ".mlops", "registry");
    const [version] = await (await import("node:fs/promises")).readdir(path.join(registry, "churn", "versions"));
    const card = path.join(registry, "churn", "versions", version ?? "", "attachments", "card", "model-card.md");
    await writeFile(card, `${await readFile(card, "utf8")}\nAlso approved for credit decisions.\n`);
    const failed = await runCli(["verify", "churn@1"], { cwd: dir });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain(
      `Not verified: the card attachment (card/model-card.md) of churn ${version} was changed after it was signed`,
    );
  });

  it("signs an unsigned version with mlops sign, once", async () => {
    const { dir, env } = await project();
    const unsigned = await runCli(["publish", "--allow-dirty"], { cwd: dir });
    expect(unsigned.exitCode).toBe(0);
    expect(unsigned.stderr).toMatch(/churn v\S+ was published unsigned: \$MLOPS_SIGNING_KEY is not set/);
    const missing = await runCli(["verify", "churn@1"], { cwd: dir });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toMatch(
      /Not verified: churn v\S+ is not signed: churn\/versions\/v\S+\/model\.sig is missing/,
    );
    const signed = await runCli(["sign", "churn@1"], { cwd: dir, env });
    expect(signed.exitCode, signed.stderr).toBe(0);
    expect(signed.stdout).toMatch(/^Signed churn v\S+ with the key [0-9a-f]{64}/);
    const again = await runCli(["sign", "churn@1"], { cwd: dir, env });
    expect(again.stdout).toMatch(/already signed/);
    expect((await runCli(["verify", "churn@1"], { cwd: dir })).exitCode).toBe(0);
  });

  it("refuses a malformed signing key in one message, without a stack trace (exit 2)", async () => {
    const { dir } = await project();
    expect((await runCli(["publish", "--allow-dirty"], { cwd: dir })).exitCode).toBe(0);
    const missing = await runCli(["sign", "churn@1"], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("no key to sign with: $MLOPS_SIGNING_KEY is not set");
    expect(stackFrames(missing.stderr)).toEqual([]);
    const bad = await runCli(["sign", "churn@1"], {
      cwd: dir,
      env: { MLOPS_SIGNING_KEY: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" },
    });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain("the signing key from $MLOPS_SIGNING_KEY is not a PEM private key");
    expect(stackFrames(bad.stderr)).toEqual([]);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" });
    const wrongKind = await runCli(["publish", "--allow-dirty"], {
      cwd: dir,
      env: { MLOPS_SIGNING_KEY: rsa.toString() },
    });
    expect(wrongKind.exitCode).toBe(2);
    expect(wrongKind.stderr).toContain(
      "the signing key from $MLOPS_SIGNING_KEY is rsa, not an ECDSA P-256 or Ed25519 key",
    );
    expect(stackFrames(wrongKind.stderr)).toEqual([]);
  });

  it("checks trusted keys with the config: a missing file, a private key, a malformed inline key (file:line:col)", async () => {
    const { dir, key } = await project();
    await writeFile(
      path.join(dir, "mlops.yml"),
      CONFIG.replace(
        "trusted_keys: [keys/release.pub]",
        [
          "trusted_keys:",
          "      - keys/missing.pub",
          `      - ${JSON.stringify(key.privatePem)}`,
          '      - "-----BEGIN PUBLIC KEY-----garbage"',
        ].join("\n"),
      ),
    );
    const checked = await runCli(["check"], { cwd: dir });
    expect(checked.exitCode).toBe(2);
    expect(checked.stderr).toMatch(
      /mlops\.yml:8:9: .*the trusted key file keys\/missing\.pub does not exist or cannot be read/,
    );
    expect(checked.stderr).toMatch(/mlops\.yml:9:9: .*this trusted key is a private key/);
    expect(checked.stderr).toMatch(/mlops\.yml:10:9: .*this trusted key is not a PEM public key/);
    expect(stackFrames(checked.stderr)).toEqual([]);
  });

  it("with require: true, pull refuses an unsigned version (exit 1) and pulls a signed one", async () => {
    const { dir, env } = await project(
      CONFIG.replace("trusted_keys: [keys/release.pub]", "trusted_keys: [keys/release.pub]\n    require: true"),
    );
    expect((await runCli(["publish", "--allow-dirty"], { cwd: dir })).exitCode).toBe(0);
    const refused = await runCli(["pull", "churn@1", "--out", "out"], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/churn v\S+ is not signed/);
    expect(stackFrames(refused.stderr)).toEqual([]);
    expect((await runCli(["sign", "churn@1"], { cwd: dir, env })).exitCode).toBe(0);
    const pulled = await runCli(["pull", "churn@1", "--out", "out"], { cwd: dir });
    expect(pulled.exitCode, pulled.stderr).toBe(0);
    expect(await readFile(path.join(dir, "out", "model", "weights.bin"), "utf8")).toBe("w1");
  });
});

describe("mlops pull --registry without mlops.yml", () => {
  /** A signed version and an unsigned one in a folder registry, and a box with only the signer's public key. */
  async function deployBox() {
    const dir = await tempDir();
    const key = keyPair("ed25519");
    const other = keyPair("ed25519");
    await writeFiles(dir, {
      "project/mlops.yml": CONFIG,
      "project/model/weights.bin": "w1",
      "project/model/config.json": "{}\n",
      "project/keys/release.pub": key.publicPem,
      "box/release.pub": key.publicPem,
      "box/other.pub": other.publicPem,
    });
    const project = path.join(dir, "project");
    const env = { MLOPS_SIGNING_KEY: key.privatePem };
    expect((await runCli(["publish", "--allow-dirty"], { cwd: project, env })).exitCode).toBe(0);
    expect((await runCli(["publish", "--allow-dirty"], { cwd: project })).exitCode).toBe(0);
    return { box: path.join(dir, "box"), registry: path.join(project, ".mlops", "registry"), key };
  }

  it("--trusted-key pulls a version signed by that key, and refuses an unsigned one or another key's (exit 1)", async () => {
    const { box, registry, key } = await deployBox();
    const pull = (ref: string, ...flags: string[]) =>
      runCli(["pull", `churn@${ref}`, "--registry", registry, ...flags], { cwd: box });
    const signed = await pull("1", "--out", "model", "--trusted-key", "release.pub");
    expect(signed.exitCode, signed.stderr).toBe(0);
    expect(await readFile(path.join(box, "model", "model", "weights.bin"), "utf8")).toBe("w1");
    const unsigned = await pull("2", "--out", "model2", "--trusted-key", "release.pub");
    expect(unsigned.exitCode).toBe(1);
    expect(unsigned.stderr).toMatch(/churn v\S+ is not signed/);
    expect(unsigned.stderr).toContain("--trusted-key refuses it");
    expect(stackFrames(unsigned.stderr)).toEqual([]);
    const wrongKey = await pull("1", "--out", "model3", "--trusted-key", "other.pub");
    expect(wrongKey.exitCode).toBe(1);
    expect(wrongKey.stderr).toContain(`it is signed by the key ${key.keyid}, which is not among`);
    // Nothing was written for a refused version.
    const { readdir } = await import("node:fs/promises");
    expect((await readdir(box)).sort()).toEqual(["model", "other.pub", "release.pub"]);
    // The card of an unsigned version is refused too: it is only as trustworthy as the manifest listing its digest.
    const card = await pull("2", "--card", "card.md", "--trusted-key", "release.pub");
    expect(card.exitCode).toBe(1);
    expect((await pull("1", "--card", "card.md", "--trusted-key", "release.pub")).exitCode).toBe(0);
  });

  it("refuses --require-signature without a key, and a --trusted-key that is not a public key (exit 2)", async () => {
    const { box, registry } = await deployBox();
    const noKey = await runCli(["pull", "churn@1", "--registry", registry, "--out", "m", "--require-signature"], {
      cwd: box,
    });
    expect(noKey.exitCode).toBe(2);
    expect(noKey.stderr).toContain("--require-signature with --registry needs --trusted-key <file>");
    const missing = await runCli(["pull", "churn@1", "--registry", registry, "--out", "m", "--trusted-key", "no.pub"], {
      cwd: box,
    });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("cannot read the trusted key file no.pub");
    expect(stackFrames(missing.stderr)).toEqual([]);
  });

  it("--require-signature with mlops.yml verifies against registry.signing.trusted_keys though require is false", async () => {
    const { registry } = await deployBox();
    const project = path.dirname(path.dirname(registry));
    const refused = await runCli(["pull", "churn@2", "--out", "m", "--require-signature"], { cwd: project });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("--require-signature refuses it");
    const pulled = await runCli(["pull", "churn@1", "--out", "m", "--require-signature"], { cwd: project });
    expect(pulled.exitCode, pulled.stderr).toBe(0);
  });
});

describe("mlops deploy with registry.signing.require", () => {
  it("fails the deploy of a version that does not verify before its command runs, and deploys it once signed", async () => {
    const dir = await tempDir();
    const key = keyPair("ed25519");
    const config = CONFIG.replace(
      "trusted_keys: [keys/release.pub]",
      "trusted_keys: [keys/release.pub]\n    require: true",
    ).concat("deploy:\n  targets:\n    staging: { alias: staging, command: node deploy.cjs }\n");
    await writeFiles(dir, {
      "mlops.yml": config,
      "model/weights.bin": "w1",
      "keys/release.pub": key.publicPem,
      "deploy.cjs": 'require("node:fs").appendFileSync("deployed.log", process.env.MLOPS_VERSION + "\\n");\n',
    });
    expect((await runCli(["publish"], { cwd: dir })).exitCode).toBe(0);
    const refused = await runCli(["deploy", "staging", "--version", "1", "--force", "--json"], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    const result = JSON.parse(refused.stdout) as { verdict: string; moved: boolean; failure: string };
    expect(result).toMatchObject({ verdict: "fail", moved: false });
    expect(result.failure).toMatch(/^churn v\S+ is not signed: churn\/versions\/v\S+\/model\.sig is missing$/);
    await expect(readFile(path.join(dir, "deployed.log"), "utf8")).rejects.toThrow("ENOENT");

    const env = { MLOPS_SIGNING_KEY: key.privatePem };
    expect((await runCli(["sign", "churn@1"], { cwd: dir, env })).exitCode).toBe(0);
    const deployed = await runCli(["deploy", "staging", "--version", "1", "--force", "--json"], { cwd: dir });
    expect(deployed.exitCode, deployed.stderr).toBe(0);
    expect(await readFile(path.join(dir, "deployed.log"), "utf8")).toMatch(/^v\S+\n$/);
  });
});
