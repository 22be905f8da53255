import { createRegistry } from "../src/registry/registry.ts";
import { createS3Store } from "../src/store/s3-store.ts";
import { modelFileOnly } from "./publish-input.ts";

/**
 * One transfer of the S3 half of `npm run bench:registry`, in a process of its own, bundled as the kit ships and run
 * by plain `node` (bench/bundle.ts): `publish <endpoint> <file> [model]` or `pull <endpoint> <dir> [model]`, through
 * the registry on the bucket `bench` (credentials from the environment, as s3rver's helper sets them). Publishing
 * computes the file's sha256 from the bytes as they are sent; pulling verifies it in the same pass.
 */

const [action = "", endpoint = "", target = "", model = "bench"] = process.argv.slice(2);
const store = createS3Store({ bucket: "bench", prefix: "registry" }, { endpoint });
const registry = createRegistry(store);
if (action === "publish") {
  await registry.publish(modelFileOnly(model, target));
} else if (action === "pull") {
  const latest = (await registry.versions(model)).at(-1);
  if (!latest) throw new Error("nothing published yet");
  await registry.pull(latest, target);
} else {
  throw new Error(`unknown worker action ${action}`);
}
