// A publishing process for kill tests: publishes one version through the registry core, as `mlops publish` does,
// and prints its manifest. argv[2] is JSON: { endpoint, bucket, prefix, credentials, model, files, clockOffsetMs }.
// clockOffsetMs shifts the registry's clock (not the process's): debris dated two days back is old enough for
// `mlops models clean` without waiting a day.
import { createRegistry } from "../../src/registry/registry.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { publishInput } from "./publish.ts";

interface Request {
  endpoint: string;
  bucket: string;
  prefix: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  model: string;
  files: { path: string; source: string }[];
  clockOffsetMs: number;
}

const request = JSON.parse(process.argv[2] ?? "{}") as Request;
const store = createS3Store(
  { bucket: request.bucket, prefix: request.prefix },
  { endpoint: request.endpoint, credentials: request.credentials },
);
const registry = createRegistry(store, () => new Date(Date.now() + request.clockOffsetMs));
const manifest = await registry.publish(publishInput({ model: request.model, files: request.files }));
process.stdout.write(`${JSON.stringify(manifest)}\n`);
