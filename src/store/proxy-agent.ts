import type { Agent } from "node:http";
import { getProxyUrl } from "@actions/http-client/lib/proxy";

/**
 * The connection agent for a request to `url` that the kit sends itself (an asset's upload and the signed URL of its
 * download on github://, every S3 call): none (Node's own) unless the environment names a proxy for that host
 * (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, as the runner and @actions/http-client read them; loopback never); then
 * @actions/http-client's tunnelling agent through it, the one its own requests use. On a self-hosted runner that
 * reaches the internet only through a proxy, a registry whose bytes went around it would fail at its first call.
 */
export async function proxyAgentFor(url?: URL): Promise<Agent | undefined> {
  if (!url || !getProxyUrl(url)) return undefined;
  // Loaded only behind a proxy: its module loads undici too, some 20 MiB no other process needs.
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
