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
