/**
 * The object store behind the registry (and later the data readers and the S3 run cache): keys are `/`-separated
 * relative paths. Two backends: a local folder (the embedded default) and S3.
 */
export interface ObjectStore {
  /** Where the store lives, for messages: a folder path or s3://bucket/prefix. */
  readonly location: string;
  /** The object's bytes, or undefined when there is no such key. */
  get(key: string): Promise<Buffer | undefined>;
  /** Writes a whole object at once; readers never see a partial object. */
  put(key: string, body: Buffer | string): Promise<void>;
  /** Streams a local file into the store. */
  putFile(key: string, file: string): Promise<void>;
  /** Streams an object into a local file; false when there is no such key. */
  getToFile(key: string, file: string): Promise<boolean>;
  /** All keys under a prefix (recursive), sorted. */
  list(prefix: string): Promise<string[]>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}
