import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RegistrySection } from "../../src/config/schema/registry.ts";
import { UserError } from "../../src/errors.ts";
import {
  REGISTRY_BACKENDS,
  registryBackend,
  registryScheme,
  resolveRegistryUri,
  reusableWorkflowsNeeds,
} from "../../src/registry/backends/index.ts";
import { openRegistryAt } from "../../src/registry/open.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { publishInput } from "../helpers/publish.ts";
import { storeBackends, useBackend } from "../helpers/registry-backends.ts";

/**
 * The registry's backend table (src/registry/backends/): how `registry.uri` is read by scheme, that every row is
 * covered by the shared contract suites (helpers/registry-backends.ts), and that each row opens, through the same
 * door every command uses, the place those suites test.
 */

describe("the registry backend table", () => {
  it("has a row of the contract suites for every backend", () => {
    const covered = new Set(storeBackends().map((backend) => backend.scheme));
    expect(REGISTRY_BACKENDS.map((backend) => backend.scheme).filter((scheme) => !covered.has(scheme))).toEqual([]);
  });

  it("reads registry.uri by scheme: s3://bucket/prefix, else a folder (as before the table)", () => {
    expect(resolveRegistryUri("s3://ml-models/registry/").location).toEqual({
      scheme: "s3",
      bucket: "ml-models",
      prefix: "registry",
    });
    expect(resolveRegistryUri("s3://ml-models").location).toEqual({ scheme: "s3", bucket: "ml-models", prefix: "" });
    expect(resolveRegistryUri("models/registry").location).toEqual({ scheme: "folder", path: "models/registry" });
    // The config's path rules refuse other schemes first; `pull --registry` has always read them as a folder.
    expect(resolveRegistryUri("gs://bucket").location).toEqual({ scheme: "folder", path: "gs://bucket" });
    expect(() => resolveRegistryUri("s3://No_Such/x")).toThrow(UserError);
    expect(() => resolveRegistryUri("s3://No_Such/x")).toThrow(
      '"s3://No_Such/x" is not a valid s3://bucket/prefix URI',
    );
    expect(registryScheme(undefined)).toBe("folder");
    expect(registryScheme("s3://ml-models/registry")).toBe("s3");
  });

  it("gives every setting of the registry section to a backend (retry_seconds serves S3 and GitHub alike)", () => {
    const used = new Set(REGISTRY_BACKENDS.flatMap((backend) => Object.keys(backend.settings.shape)));
    // signing is the doors', the same on every backend.
    expect([...used, "uri", "signing"].sort()).toEqual(Object.keys(RegistrySection.shape).sort());
    expect(Object.keys(registryBackend("github").settings.shape)).toEqual(["retry_seconds"]);
  });

  it("reads github://owner/repo, and refuses a malformed one", () => {
    expect(resolveRegistryUri("github://octo-org/models").location).toEqual({
      scheme: "github",
      owner: "octo-org",
      repo: "models",
    });
    expect(resolveRegistryUri("github://octo-org/models.registry/").location).toMatchObject({
      repo: "models.registry",
    });
    for (const bad of ["github://octo-org", "github://octo-org/models/extra", "github://-octo/models", "github://o/.."])
      expect(() => resolveRegistryUri(bad)).toThrow(`"${bad}" is not a valid github://owner/repo URI`);
    expect(registryScheme("github://octo-org/models")).toBe("github");
  });

  it("says what workflow jobs need: nothing for a folder, OIDC and AWS credentials for S3, contents for GitHub", () => {
    expect(registryBackend("folder").workflow).toEqual({ permissions: { read: {}, write: {} }, credentials: [] });
    expect(registryBackend("s3").workflow).toEqual({
      permissions: { read: { "id-token": "write" }, write: { "id-token": "write" } },
      credentials: ["aws-oidc"],
    });
    // The job's own GITHUB_TOKEN: nothing to sign in to, `contents: write` only where versions are written.
    expect(registryBackend("github").workflow).toEqual({
      permissions: { read: { contents: "read" }, write: { contents: "write" } },
      credentials: [],
    });
    // The reusable workflows leave the github row out: a called job may not ask more than its caller grants, and
    // `contents: write` there would fail every S3 caller's run at startup (test/workflows/templates.test.ts).
    expect(reusableWorkflowsNeeds()).toEqual({
      permissions: { read: { "id-token": "write" }, write: { "id-token": "write" } },
      credentials: ["aws-oidc"],
    });
  });
});

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "mlops-backend-table-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(storeBackends().map((backend) => [backend.label, backend] as const))(
  "the %s row opens, through openRegistryAt, the place the contract suites test",
  (_label, backend) => {
    useBackend(backend);

    it("publishes where the row's own stores see it", async () => {
      const place = await mkdtemp(path.join(dir, "place-"));
      const store = backend.place(place)();
      // The place exists once a store on it answers (the stand-in makes a repository asynchronously).
      await store.list("");
      // The place's own location is its URI: a folder's path, or s3://bucket/prefix on the row's server.
      const uri = store.location;
      const door = backend.door();
      const now = () => new Date(Date.UTC(2026, 0, 1));
      const registry = await openRegistryAt(uri, {
        root: place,
        env: door.env,
        settings: door.settings,
        now,
        logger: { warn: (message) => expect.fail(message) },
      });
      expect(resolveRegistryUri(uri).location.scheme).toBe(backend.scheme);
      expect(registry.location).toBe(store.location);
      await writeFile(path.join(place, "weights.bin"), "weights");
      const published = await registry.publish(
        publishInput({ model: "churn", files: [{ path: "weights.bin", source: path.join(place, "weights.bin") }] }),
      );
      const seen = await createRegistry(store, now).resolve("churn", published.version);
      expect(seen?.files).toEqual([{ path: "weights.bin", size: 7, sha256: sha256("weights") }]);
    });
  },
);
