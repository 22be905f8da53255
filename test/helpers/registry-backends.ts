import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, onTestFinished } from "vitest";
import type { RegistryScheme } from "../../src/registry/backends/index.ts";
import { createGitHubStore } from "../../src/store/github-store.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import type { ObjectStore } from "../../src/store/object-store.ts";
import { createS3Store, type S3Options } from "../../src/store/s3-store.ts";
import { type FakeGitHub, startFakeGitHub } from "./github-server.ts";
import { RGW_START_TIMEOUT_MS, rgwBucket, rgwCluster, rgwSkipReason, startRgwGateway } from "./rgw.ts";
import { startS3Server, type S3Server } from "./s3-server.ts";
import { type TestStore, withShortcuts } from "./store-shortcuts.ts";

/**
 * The object stores every registry and store suite runs on, as one table (`describe.each(storeBackends())` with
 * {@link useBackend} inside): a folder; s3rver, fast, with no conditional writes; and Ceph's RADOS Gateway, a real
 * S3 server that honours them; and GitHub's stand-in (helpers/github-server.ts) reached through the real Octokit, a
 * fresh repository per place. Each row names the registry backend it stands for (src/registry/backends/); every
 * backend has at least one row (test/registry/backend-table.test.ts). A new backend is one more row.
 */

export type BackendName = "folder" | "s3rver" | "rgw" | "github";

/** Where an S3 backend keeps a test's objects, and how to reach it. */
export interface S3Target {
  endpoint: string;
  bucket: string;
  /** A prefix no other test uses. */
  prefix: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** What an AWS client or the mlops CLI needs in its environment. */
  env: Record<string, string>;
}

/** An S3 server of one test's own, which it may kill and bring back on the same port. */
export interface OwnS3Server extends S3Target {
  /** As a crash: SIGKILL, now. */
  kill(): Promise<void>;
  /** After a kill: the same server again, same data, same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StoreBackend {
  name: BackendName;
  /** The row of the registry's backend table it stands for. */
  scheme: RegistryScheme;
  /** For test titles. */
  label: string;
  /** Why it cannot run here (RGW outside CI without the packages); undefined when it can. */
  skip: string | undefined;
  /**
   * A fresh, empty place (a folder under `dir`, or a new prefix on the server) and a way to open stores on it: each
   * call a new store with its own S3 client, as separate jobs would have, all seeing the same objects.
   */
  place(dir: string): (options?: S3Options) => TestStore;
  /** A store on a fresh, empty place: `place(dir)(options)`. */
  open(dir: string, options?: S3Options): TestStore;
  /** The shared server of this file, with a fresh prefix (S3 backends only). */
  target(): S3Target | undefined;
  /** The GitHub stand-in the row's repositories live on (the github backend only). */
  github?: () => FakeGitHub;
  /** What a door needs to open the row's place by its URI: the environment (tokens, endpoints) and settings. */
  door(): { env: Record<string, string>; settings: { endpoint?: string } };
  /** A server of the test's own to kill and restart (S3 backends only). */
  ownServer(): Promise<OwnS3Server | undefined>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const BUCKET = "mlops-tests";

const freshPrefix = (): string => `t-${randomBytes(4).toString("hex")}`;

function s3Store(target: S3Target, options: S3Options = {}): TestStore {
  return withShortcuts(
    createS3Store(
      { bucket: target.bucket, prefix: target.prefix },
      { endpoint: target.endpoint, credentials: target.credentials, ...options },
    ),
  );
}

function folderBackend(): StoreBackend {
  return {
    name: "folder",
    scheme: "folder",
    label: "local folder",
    skip: undefined,
    place: (dir) => () => withShortcuts(createLocalStore(path.join(dir, "registry"))),
    open: (dir) => withShortcuts(createLocalStore(path.join(dir, "registry"))),
    target: () => undefined,
    door: () => ({ env: {}, settings: {} }),
    ownServer: () => Promise.resolve(undefined),
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
}

/** What makes one S3 server a backend: its shared server for the file, and servers of a test's own. */
interface S3ServerKind {
  name: "s3rver" | "rgw";
  label: string;
  skip: string | undefined;
  start(): Promise<Omit<S3Target, "prefix">>;
  stop(): Promise<void>;
  ownServer(): Promise<Omit<OwnS3Server, "prefix">>;
}

function s3Backend(kind: S3ServerKind): StoreBackend {
  let shared: Omit<S3Target, "prefix"> | undefined;
  const target = (): S3Target => {
    if (!shared) throw new Error(`the ${kind.name} backend was not started (useBackend)`);
    return { ...shared, prefix: freshPrefix() };
  };
  return {
    name: kind.name,
    scheme: "s3",
    label: kind.label,
    skip: kind.skip,
    place: () => {
      const place = target();
      return (options) => s3Store(place, options);
    },
    open: (_dir, options) => s3Store(target(), options),
    target,
    door: () => {
      const place = target();
      return { env: place.env, settings: { endpoint: place.endpoint } };
    },
    ownServer: async () => ({ ...(await kind.ownServer()), prefix: freshPrefix() }),
    start: async () => {
      shared = await kind.start();
    },
    stop: () => kind.stop(),
  };
}

function s3rverBackend(): StoreBackend {
  let server: S3Server | undefined;
  const reach = (at: S3Server) => ({ endpoint: at.endpoint, credentials: at.credentials, env: at.env, bucket: BUCKET });
  return s3Backend({
    name: "s3rver",
    label: "s3 (s3rver)",
    skip: undefined,
    start: async () => {
      server = await startS3Server([BUCKET]);
      return reach(server);
    },
    stop: async () => {
      await server?.stop();
    },
    ownServer: async () => {
      const own = await startS3Server([BUCKET]);
      return {
        ...reach(own),
        kill: () => Promise.resolve(own.kill()),
        restart: () => own.restart(),
        stop: () => own.stop(),
      };
    },
  });
}

function rgwBackend(): StoreBackend {
  return s3Backend({
    name: "rgw",
    label: "s3 (rgw)",
    skip: rgwSkipReason(),
    start: async () => {
      const cluster = await rgwCluster();
      await rgwBucket(cluster, BUCKET);
      return { endpoint: cluster.endpoint, bucket: BUCKET, credentials: cluster.credentials, env: cluster.env };
    },
    stop: () => Promise.resolve(),
    ownServer: async () => {
      const cluster = await rgwCluster();
      const gateway = await startRgwGateway(cluster);
      return {
        endpoint: gateway.endpoint,
        bucket: BUCKET,
        credentials: cluster.credentials,
        env: cluster.env,
        kill: () => gateway.kill(),
        restart: () => gateway.restart(),
        stop: () => gateway.stop(),
      };
    },
  });
}

/** The write token every test's stores use on the stand-in (any token the stand-in was not told of may write). */
export const GITHUB_TEST_TOKEN = "ghs_registry_tests";

/** Forwards every call once `ready` has settled: the stand-in's repository is made asynchronously. */
function whenReady(ready: Promise<unknown>, store: ObjectStore): ObjectStore {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]): Promise<unknown> => {
        await ready;
        return (value as (...given: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function githubBackend(): StoreBackend {
  let server: FakeGitHub | undefined;
  const running = (): FakeGitHub => {
    if (!server) throw new Error("the github backend was not started (useBackend)");
    return server;
  };
  const place = () => {
    const github = running();
    const repository = `octo-org/models-${randomBytes(4).toString("hex")}`;
    const ready = github.addRepository(repository);
    const [owner = "", repo = ""] = repository.split("/");
    return () =>
      withShortcuts(
        whenReady(
          ready,
          createGitHubStore({
            repository: { owner, repo },
            token: GITHUB_TEST_TOKEN,
            tokenFrom: "GITHUB_TOKEN",
            apiUrl: github.url,
            retrySeconds: 30,
          }),
        ),
      );
  };
  return {
    name: "github",
    scheme: "github",
    label: "github (stand-in)",
    skip: undefined,
    place,
    open: () => place()(),
    target: () => undefined,
    github: running,
    door: () => ({ env: { GITHUB_TOKEN: GITHUB_TEST_TOKEN, GITHUB_API_URL: running().url }, settings: {} }),
    ownServer: () => Promise.resolve(undefined),
    start: async () => {
      server = await startFakeGitHub();
    },
    stop: async () => {
      await server?.stop();
    },
  };
}

const makers: Record<BackendName, () => StoreBackend> = {
  folder: folderBackend,
  s3rver: s3rverBackend,
  rgw: rgwBackend,
  github: githubBackend,
};

/** The backends by name (default: all), fresh for this test file. */
export function storeBackends(names: readonly BackendName[] = ["folder", "s3rver", "rgw", "github"]): StoreBackend[] {
  return names.map((name) => makers[name]());
}

/** A server of the test's own, stopped when the test ends, to kill and restart (S3 backends only). */
export async function killableServer(backend: StoreBackend): Promise<OwnS3Server> {
  const server = await backend.ownServer();
  if (!server) throw new Error(`${backend.label} has no server to kill`);
  onTestFinished(() => server.stop());
  return server;
}

/**
 * The hooks a backend's describe block needs: its server up before the tests and down after; a backend that cannot
 * run here skips each test with the reason (never under CI, where the global setup fails instead).
 */
export function useBackend(backend: StoreBackend): void {
  beforeAll(async () => {
    if (!backend.skip) await backend.start();
  }, RGW_START_TIMEOUT_MS);
  afterAll(() => backend.stop());
  beforeEach((context) => {
    if (backend.skip) context.skip(backend.skip);
  });
}
