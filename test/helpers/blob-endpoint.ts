import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AZURITE_ACCOUNT } from "./azurite.ts";

/**
 * The storage account's public host name (`devstoreaccount1.blob.core.windows.net`), answered by Azurite on loopback.
 *
 * Why a host name and not Azurite's 127.0.0.1 URL: @actions/cache downloads with the Azure SDK (BlockBlobClient:
 * Get Blob Properties, then ranged Get Blob, with the storage retry policy) only when the signed URL's host ends with
 * `.blob.core.windows.net` (lib/internal/cacheHttpClient.js `downloadCache`); any other host gets a plain GET. To
 * take the path github.com runners take, the signed URLs name that host, and the action reaches it through this
 * forward proxy (HTTP_PROXY, which the Azure SDK honours; @actions/http-client never proxies loopback, so the Twirp
 * calls go straight to the stand-in). The proxy forwards each request unchanged to Azurite, which reads the account
 * from the host name (its "production-style URL"), and it is where a test makes the blob store fail.
 */
export const BLOB_HOST = `${AZURITE_ACCOUNT}.blob.core.windows.net`;

export interface BlobEndpoint {
  /** HTTP_PROXY for the action's environment. */
  proxyUrl: string;
  /** `METHOD /container/blob` plus the range asked for, of every request that reached the endpoint. */
  requests: string[];
  /**
   * Answers blob requests with this 5xx from now on (Azure's ServerBusy), only those under `pathPrefix` when given
   * (`/<container>/<blob name prefix>`); null serves them again.
   */
  failWith(status: number | null, pathPrefix?: string): void;
  stop(): Promise<void>;
}

export async function startBlobEndpoint(azuritePort: number): Promise<BlobEndpoint> {
  const requests: string[] = [];
  const failures = new Map<string, number>();
  const failureFor = (pathname: string): number | undefined =>
    [...failures].find(([prefix]) => pathname.startsWith(prefix))?.[1];
  const server: Server = createServer((incoming, outgoing) => {
    // A forward proxy receives the absolute URL (`GET http://host/path?query`).
    const target = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? BLOB_HOST}`);
    if (target.hostname !== BLOB_HOST) {
      outgoing.writeHead(502, { "content-type": "text/plain" }).end(`this proxy only reaches ${BLOB_HOST}\n`);
      return;
    }
    const range = incoming.headers["x-ms-range"] ?? incoming.headers.range;
    requests.push(`${incoming.method} ${target.pathname}${range ? ` ${String(range)}` : ""}`);
    const failure = failureFor(target.pathname);
    if (failure !== undefined) {
      incoming.resume();
      // What Azure Storage answers when it sheds load (an XML error with x-ms-error-code).
      outgoing.writeHead(failure, { "content-type": "application/xml", "x-ms-error-code": "ServerBusy" });
      outgoing.end(
        `<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code>` +
          `<Message>The server is busy (a test made ${BLOB_HOST} fail).</Message></Error>`,
      );
      return;
    }
    const forwarded = httpRequest(
      {
        host: "127.0.0.1",
        port: azuritePort,
        method: incoming.method,
        path: `${target.pathname}${target.search}`,
        // The Host header stays the account's host name: Azurite takes the account from it.
        headers: { ...incoming.headers, host: BLOB_HOST },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", (error) => outgoing.destroy(error));
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    requests,
    failWith: (status, pathPrefix = "/") => {
      if (status === null) failures.delete(pathPrefix);
      else failures.set(pathPrefix, status);
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
