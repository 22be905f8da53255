import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/**
 * A forward proxy as corporate networks run them: it tunnels (CONNECT) each request to the host:port it names, with
 * every name taken to be this machine (127.0.0.1), so a host that resolves nowhere (`github.invalid`) is reachable
 * through it alone. `tunnels` lists each CONNECT's target, in order. With `credentials` (user:password) it asks for
 * them as such proxies do: a CONNECT without that Basic Proxy-Authorization gets 407 and is listed in `refused`.
 */
export interface ConnectProxy {
  /** The proxy's URL, without credentials (put them in as `http://user:password@host:port`). */
  url: string;
  tunnels: string[];
  refused: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(options: { credentials?: string } = {}): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const expected = options.credentials && `Basic ${Buffer.from(options.credentials).toString("base64")}`;
  const proxy = createServer((_request, response) => {
    // Only tunnels: a proxy asked for a plain-HTTP absolute URL would forward it, which this one does not model.
    response.writeHead(405).end();
  });
  proxy.on("connect", (request: IncomingMessage, client: Socket, head: Buffer) => {
    if (expected && request.headers["proxy-authorization"] !== expected) {
      refused.push(request.url ?? "");
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n');
      return;
    }
    tunnels.push(request.url ?? "");
    const port = Number(new URL(`http://${request.url ?? ""}`).port);
    const target = connect(port, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      target.write(head);
      target.pipe(client).pipe(target);
    });
    for (const socket of [client, target]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    target.on("error", () => client.destroy());
    client.on("error", () => target.destroy());
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    tunnels,
    refused,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"] as const;

/**
 * Clears every proxy variable of process.env (either case), sets `variables`, and returns what puts them all back as
 * they were: the kit reads them from process.env, as the runner's tools do.
 */
export function setProxyVariables(
  variables: Partial<Record<"HTTP_PROXY" | "HTTPS_PROXY" | "NO_PROXY", string>>,
): () => void {
  const saved = PROXY_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, variables);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
