import type { Agent } from "node:http";
import { getProxyUrl } from "@actions/http-client/lib/proxy";

/**
 * The connection agent for a request the kit sends on node:http(s) itself (an asset's upload, the signed URL of its
 * download): none (Node's own) unless the environment names a proxy for that host (HTTPS_PROXY, HTTP_PROXY, NO_PROXY,
 * as the runner and @actions/http-client read them); then @actions/http-client's tunnelling agent through it, the one
 * its requests use. The API calls go through the same proxy (http.ts): on a self-hosted runner that reaches the
 * internet only through one, a registry whose bytes went around it would fail at its first upload.
 */
export async function proxyAgentFor(url: URL): Promise<Agent | undefined> {
  if (!getProxyUrl(url)) return undefined;
  // Loaded only behind a proxy: its module loads undici too, some 20 MiB no other github:// process needs.
  const { HttpClient } = await import("@actions/http-client");
  return new HttpClient("mlops-kit").getAgent(url.href);
}
