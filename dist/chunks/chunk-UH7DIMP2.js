import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  getProxyUrl
} from "./chunk-VLGHGLBD.js";

// src/net/proxy.ts
async function proxyAgentFor(url) {
  if (!url || !getProxyUrl(url)) return void 0;
  const { HttpClient } = await import("./lib-TEIQYLMU.js");
  const agent = new HttpClient("mlops-kit").getAgent(url.href);
  if (typeof agent.destroy !== "function") {
    const tunnels = agent.sockets;
    agent.destroy = () => {
      if (Array.isArray(tunnels)) for (const socket of tunnels) socket.destroy();
    };
  }
  return agent;
}
function proxiedFetch(url) {
  if (!getProxyUrl(url)) return void 0;
  let proxied;
  const load = async () => {
    const [{ HttpClient }, { fetch: undiciFetch }] = await Promise.all([
      import("./lib-TEIQYLMU.js"),
      import("./undici-F3XELXVZ.js")
    ]);
    const dispatcher = new HttpClient("mlops-kit").getAgentDispatcher(url.href);
    return ((input, init) => undiciFetch(input, { ...init, dispatcher }));
  };
  return async (input, init) => (await (proxied ??= load()))(input, init);
}

export {
  proxyAgentFor,
  proxiedFetch
};
