import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A chat webhook on loopback (issue 19): a real node:http server that records every request it gets and answers from
 * a script, one reply per request, the last reply repeated once the script runs out. A reply of `hang` never answers,
 * for the timeout case. The URL carries a token in its path, as Slack's and Discord's do, so tests can check it never
 * leaks into a message.
 */

export interface ReceivedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
}

export type ScriptedReply =
  { status: number; headers?: Record<string, string>; body?: string | ((request: ReceivedRequest) => string) } | "hang";

export interface WebhookReceiver {
  /** The webhook's URL, secret path included. */
  url: string;
  /** The secret part of the URL, to check it never shows. */
  secret: string;
  requests: ReceivedRequest[];
  stop(): Promise<void>;
}

export const WEBHOOK_SECRET_PATH = "/services/T0MLOPSKIT/B0WEBHOOK/s3cr3t-t0ken-that-must-not-leak";

export async function startWebhookReceiver(script: ScriptedReply[]): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const received: ReceivedRequest = {
        method: request.method ?? "",
        path: request.url ?? "",
        contentType: request.headers["content-type"],
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(received);
      const reply = script[Math.min(requests.length - 1, script.length - 1)] ?? { status: 200 };
      if (reply === "hang") return;
      const body = typeof reply.body === "function" ? reply.body(received) : (reply.body ?? "ok");
      response.writeHead(reply.status, { "content-type": "text/plain", ...reply.headers });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${WEBHOOK_SECRET_PATH}`,
    secret: WEBHOOK_SECRET_PATH,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL nothing listens on: a port the system handed out, then closed again. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${WEBHOOK_SECRET_PATH}`;
}
