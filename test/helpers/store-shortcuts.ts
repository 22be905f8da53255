import type { ObjectStore } from "../../src/store/object-store.ts";

/**
 * A store with the shortcuts the tests were written with, spelled with the methods the kit uses: ObjectStore itself
 * offers one way to check, write a file and read one (`head`, `upload`, `download`), and these are those.
 */
export interface TestStore extends ObjectStore {
  /** Whether there is an object at `key`: `head` found one. */
  exists(key: string): Promise<boolean>;
  /** `upload`, without the digest. */
  putFile(key: string, file: string): Promise<void>;
  /** `download`: false when there is no such key. */
  getToFile(key: string, file: string): Promise<boolean>;
}

export function withShortcuts(store: ObjectStore): TestStore {
  return {
    ...store,
    exists: async (key) => (await store.head(key)) !== undefined,
    putFile: async (key, file) => {
      await store.upload(key, file);
    },
    getToFile: async (key, file) => (await store.download(key, file)) !== undefined,
  };
}
