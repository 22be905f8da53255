import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small HTTP proxy in front of the S3 server that injects faults, so retries are tested against real responses on
 * a real socket: `plan` looks at each request (numbered from 1) and says whether to pass it on, answer it with an S3
 * error (500 InternalError, 503 SlowDown) after reading its body, pass it on but cut the response body off halfway, or
 * pass it on but stop halfway and hold the connection open (a transfer caught in the middle, for kill tests).
 */
export type Fault = "pass" | 500 | 503 | "truncate" | "stall";

export interface FaultProxy {
  endpoint: string;
  /** Requests seen, and the faults injected, in order. */
  log: { method: string; url: string; fault: Fault }[];
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
  let onStall: (() => void) | undefined;
  const server = http.createServer((req, res) => {
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const fault = plan({ method, url, n: log.length + 1 });
    log.push({ method, url, fault });
    if (fault === 500 || fault === 503) {
      req.resume();
      req.on("end", () => {
        const code = fault === 503 ? "SlowDown" : "InternalError";
        res.writeHead(fault, { "content-type": "application/xml", connection: "close" });
        res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected</Message></Error>`);
      });
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method, path: url, headers: req.headers },
      (answer) => {
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
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
