import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  getProxyUrl
} from "./chunk-VLGHGLBD.js";
import {
  describePathProblem,
  relativePathProblem
} from "./chunk-SN54LWLO.js";
import {
  ExternalError,
  InputError
} from "./chunk-XOZC47AQ.js";

// src/store/keys.ts
function checkKey(key) {
  const problem = relativePathProblem(key);
  if (problem) throw new InputError(`refusing object key "${key}": ${describePathProblem(problem)}`);
  if (key.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw new InputError(`refusing object key "${key}": it has an empty, "." or ".." segment`);
  }
  return key;
}
function checkPrefix(prefix) {
  const bare = prefix.replace(/\/$/, "");
  return bare === "" ? "" : checkKey(bare);
}

// src/store/object-store.ts
var ObjectExistsError = class extends ExternalError {
  constructor(location, key) {
    super(`${location}/${key} exists already; a create-only write does not replace it`, {
      hint: "two writers drew the same key; publish again"
    });
  }
};
var MAX_GET_BYTES = 16 * 1024 * 1024;
async function readBounded(body, tooLarge, limit = MAX_GET_BYTES) {
  const chunks = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
var ObjectTooLargeError = class extends ExternalError {
  constructor(location, key) {
    super(
      `${location}/${key} holds more than ${MAX_GET_BYTES / (1024 * 1024)} MiB, more than any object mlops-kit writes there`,
      {
        hint: "it was written outside mlops-kit; remove it (or restore it from the bucket's versioning)"
      }
    );
  }
};
var CorruptObjectError = class extends ExternalError {
  key;
  expected;
  actual;
  /** What the store knows of how it came to differ (GitHub: the asset whose reported digest is another). */
  explanation;
  constructor(location, key, expected, actual) {
    super(
      `${location}/${key} is corrupted: expected ${expected.size} bytes with sha256 ${expected.sha256.slice(0, 12)}\u2026, got ${actual.size} bytes with sha256 ${actual.sha256.slice(0, 12)}\u2026`,
      { hint: "the stored object was changed or damaged after it was written" }
    );
    this.key = key;
    this.expected = expected;
    this.actual = actual;
  }
};
var READ_CHUNK = 4 * 1024 * 1024;

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
function tunnelRefusal(error) {
  for (let at = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    const status = /^tunneling socket could not be established, statusCode=(\d+)/.exec(at.message)?.[1] ?? /^Proxy response \((\d+)\) !== 200 when HTTP Tunneling/.exec(at.message)?.[1];
    if (status !== void 0) return Number(status);
  }
  return void 0;
}
function refusalIsTransient(status) {
  return status >= 500 || status === 429 || status === 408;
}
function describeTunnelRefusal(status, server) {
  return status === 407 ? {
    message: `the proxy refused to reach ${server} without credentials it accepts (407 Proxy Authentication Required)`,
    hint: "put the proxy's user and password in HTTPS_PROXY / HTTP_PROXY as http://user:password@host:port (URL-encoded)"
  } : {
    message: `the proxy refused to reach ${server} (it answered ${status})`,
    hint: "ask for the host to be allowed through the proxy, or list it in NO_PROXY when it is reachable directly"
  };
}

export {
  checkKey,
  checkPrefix,
  ObjectExistsError,
  MAX_GET_BYTES,
  readBounded,
  ObjectTooLargeError,
  CorruptObjectError,
  READ_CHUNK,
  proxyAgentFor,
  proxiedFetch,
  tunnelRefusal,
  refusalIsTransient,
  describeTunnelRefusal
};
