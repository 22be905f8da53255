import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small HTTP proxy in front of the S3 server that injects faults, so retries are tested against real responses on
 * a real socket: `plan` looks at each request (numbered from 1) and says whether to pass it on, answer it with an S3
 * error (403 AccessDenied, 404 NoSuchKey, 412 PreconditionFailed, 500 InternalError, 503 SlowDown) after reading its
 * body, pass it on but cut the response body off halfway, pass it on but stop the response halfway and hold the
 * connection open (a download caught in the middle, for kill tests), pass it on and drop the connection instead of
 * answering (the server did the work, the client never hears), or hold it: never forward it nor answer (a client
 * stuck there can be killed at a known point).
 */
export type Fault = "pass" | 403 | 404 | 412 | 500 | 503 | "truncate" | "stall" | "hold" | "lose-answer";

const ERROR_CODES: Record<403 | 404 | 412 | 500 | 503, string> = {
  403: "AccessDenied",
  404: "NoSuchKey",
  412: "PreconditionFailed",
  500: "InternalError",
  503: "SlowDown",
};

export interface FaultProxy {
  endpoint: string;
  /** Requests seen, and the faults injected, in order. */
  log: { method: string; url: string; fault: Fault; headers: http.IncomingHttpHeaders }[];
  /** Resolves once the next stalled response has sent half its body. */
  stalled(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(
  target: string,
  plan: (request: { method: string; url: string; n: number }) => Fault,
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const log: FaultProxy["log"] = [];
  const forwards = new Set<http.ClientRequest>();
  let onStall: (() => void) | undefined;
  const server = http.createServer((req, res) => {
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const fault = plan({ method, url, n: log.length + 1 });
    log.push({ method, url, fault, headers: req.headers });
    if (fault === "hold") {
      req.resume();
      return;
    }
    if (typeof fault === "number") {
      req.resume();
      req.on("end", () => {
        res.writeHead(fault, { "content-type": "application/xml", connection: "close" });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${ERROR_CODES[fault]}</Code><Message>injected</Message></Error>`,
        );
      });
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method, path: url, headers: req.headers },
      (answer) => {
        if (fault === "lose-answer") {
          answer.resume();
          answer.on("end", () => res.socket?.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (fault !== "truncate" && fault !== "stall") {
          answer.pipe(res);
          return;
        }
        const half = Math.floor(Number(answer.headers["content-length"] ?? 0) / 2);
        let sent = 0;
        answer.on("data", (chunk: Buffer) => {
          if (sent >= half) return;
          const part = chunk.subarray(0, half - sent);
          sent += part.length;
          res.write(part);
          if (sent < half) return;
          if (fault === "stall") {
            onStall?.();
            return;
          }
          answer.destroy();
          res.socket?.destroy();
        });
      },
    );
    forward.on("error", () => res.socket?.destroy());
    // A client that dies mid-request must not leave the server waiting for the rest of the body (a server waiting
    // on a request never stops).
    forwards.add(forward);
    forward.on("close", () => forwards.delete(forward));
    req.on("close", () => {
      if (!req.complete) forward.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    log,
    stalled: () => new Promise<void>((resolve) => (onStall = resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const forward of forwards) forward.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
