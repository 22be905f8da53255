import type { Agent } from "node:http";
import { getProxyUrl } from "@actions/http-client/lib/proxy";

/**
 * The proxy the environment names for a host (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, as the runner and
 * @actions/http-client read them; loopback never), for every request the kit sends: the registry's (S3, the GitHub API,
 * release assets), the data readers', alerts' (webhooks, the Pushgateway). On a self-hosted runner that reaches the
 * internet only through a proxy, a request that went around it would fail. @actions/http-client, which brings the
 * tunnelling agent and undici's proxy dispatcher, loads undici too (some 20 MiB): it is imported only behind a proxy.
 */

/** Node's http(s) agent for `url`: none (Node's own) without a proxy, else one that tunnels through it. */
export async function proxyAgentFor(url?: URL): Promise<Agent | undefined> {
  if (!url || !getProxyUrl(url)) return undefined;
  const { HttpClient } = await import("@actions/http-client");
  const agent = new HttpClient("mlops-kit").getAgent(url.href) as Agent & { sockets: unknown };
  // The AWS SDK uses an agent it is given only when the agent can be destroyed (else it builds a plain one from its
  // fields, which goes around the proxy); the tunnelling agent has no `destroy`: it gets one that ends its tunnels.
  if (typeof (agent as Partial<Agent>).destroy !== "function") {
    const tunnels = agent.sockets;
    agent.destroy = () => {
      if (Array.isArray(tunnels)) for (const socket of tunnels as { destroy(): void }[]) socket.destroy();
    };
  }
  return agent;
}

/**
 * `fetch` for requests to `url`'s host: undefined without a proxy (the caller's own fetch will do), else undici's
 * fetch with the proxy dispatcher @actions/github builds (its getProxyFetch). Node's global fetch ignores the proxy
 * variables (Node 20 and 22).
 */
export function proxiedFetch(url: URL): typeof fetch | undefined {
  if (!getProxyUrl(url)) return undefined;
  let proxied: Promise<typeof fetch> | undefined;
  const load = async (): Promise<typeof fetch> => {
    const [{ HttpClient }, { fetch: undiciFetch }] = await Promise.all([
      import("@actions/http-client"),
      import("undici"),
    ]);
    const dispatcher = new HttpClient("mlops-kit").getAgentDispatcher(url.href);
    return ((input: string | URL, init?: object) =>
      undiciFetch(input, { ...init, dispatcher })) as unknown as typeof fetch;
  };
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    (await (proxied ??= load()))(input, init);
}

/**
 * The status a proxy refused a tunnel with, else undefined: from the tunnelling agent's error ("tunneling socket could
 * not be established, statusCode=407", filed under ECONNRESET as if the connection had dropped) or undici's ("Proxy
 * response (407) !== 200 when HTTP Tunneling", which fetch wraps as the cause of "fetch failed"). 407: the proxy wants
 * credentials (or others than the proxy URL holds); 403: it forbids the host.
 */
export function tunnelRefusal(error: unknown): number | undefined {
  for (let at = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    const status =
      /^tunneling socket could not be established, statusCode=(\d+)/.exec(at.message)?.[1] ??
      /^Proxy response \((\d+)\) !== 200 when HTTP Tunneling/.exec(at.message)?.[1];
    if (status !== undefined) return Number(status);
  }
  return undefined;
}

/** Whether asking the proxy again may help: only when its refusal said "later". */
export function refusalIsTransient(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** One sentence for a refused tunnel to `server`, with what to check. */
export function describeTunnelRefusal(status: number, server: string): { message: string; hint: string } {
  return status === 407
    ? {
        message: `the proxy refused to reach ${server} without credentials it accepts (407 Proxy Authentication Required)`,
        hint: "put the proxy's user and password in HTTPS_PROXY / HTTP_PROXY as http://user:password@host:port (URL-encoded)",
      }
    : {
        message: `the proxy refused to reach ${server} (it answered ${status})`,
        hint: "ask for the host to be allowed through the proxy, or list it in NO_PROXY when it is reachable directly",
      };
}
