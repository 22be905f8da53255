// A publishing process for the GitHub kill test: opens the registry at argv[2].uri the way every door does
// (openRegistryAt, with the door's environment), publishes one version and prints its manifest. argv[2] is JSON:
// { uri, env, model, files, clockOffsetMs }; clockOffsetMs shifts the registry's clock, as in publisher-main.ts.
import { openRegistryAt } from "../../src/registry/open.ts";
import { publishInput } from "./publish.ts";

interface Request {
  uri: string;
  env: Record<string, string>;
  model: string;
  files: { path: string; source: string }[];
  clockOffsetMs: number;
}

const request = JSON.parse(process.argv[2] ?? "{}") as Request;
const registry = await openRegistryAt(request.uri, {
  root: process.cwd(),
  env: request.env,
  settings: {},
  now: () => new Date(Date.now() + request.clockOffsetMs),
  logger: { warn: (message) => process.stderr.write(`${message}\n`) },
});
const manifest = await registry.publish(publishInput({ model: request.model, files: request.files }));
process.stdout.write(`${JSON.stringify(manifest)}\n`);
