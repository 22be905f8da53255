// Runs s3rver (an S3-compatible server) for tests, in its own process so it can use --openssl-legacy-provider and be
// killed mid-request. argv: <data directory> <bucket>[,<bucket>...] [port]. Prints {"port": N} once listening; a port
// given again after a kill brings the server back where its clients expect it.
import S3rver from "s3rver";

const [directory, buckets = "test-bucket", port = "0"] = process.argv.slice(2);
const server = new S3rver({
  address: "127.0.0.1",
  port: Number(port),
  silent: true,
  directory,
  configureBuckets: buckets.split(",").map((name) => ({ name })),
  // Virtual-hosted addressing under a name that resolves nowhere (`<bucket>.s3.invalid`), for clients that reach the
  // server only through a proxy (test/store/s3-proxy.test.ts); 127.0.0.1 is path-style as before.
  serviceEndpoint: "invalid",
});
const { port: listening } = await server.run();
process.stdout.write(`${JSON.stringify({ port: listening })}\n`);
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
