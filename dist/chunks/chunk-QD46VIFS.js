import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/registry/backends/github-token.ts
var REGISTRY_TOKEN_VARIABLE = "MLOPS_REGISTRY_TOKEN";
var GH_TIMEOUT_MS = 1e4;
async function findRegistryToken(env, apiUrl) {
  for (const [variable, from] of [
    [REGISTRY_TOKEN_VARIABLE, `${REGISTRY_TOKEN_VARIABLE} (an action's registry-token input)`],
    ["GITHUB_TOKEN", "GITHUB_TOKEN"],
    ["GH_TOKEN", "GH_TOKEN"]
  ]) {
    const token2 = env[variable];
    if (token2) return { token: token2, from };
  }
  if (env.GITHUB_ACTIONS === "true") return { token: void 0, from: "no token" };
  const token = await ghAuthToken(env, hostOf(apiUrl));
  return token ? { token, from: "the gh CLI's login (gh auth token)" } : { token: void 0, from: "no token" };
}
function hostOf(apiUrl) {
  try {
    const host = new URL(apiUrl).host;
    return host === "api.github.com" ? "github.com" : host;
  } catch {
    return "github.com";
  }
}
async function ghAuthToken(env, host) {
  const { execFile } = await import("node:child_process");
  return new Promise((resolve) => {
    execFile(
      "gh",
      ["auth", "token", "--hostname", host],
      { env, encoding: "utf8", timeout: GH_TIMEOUT_MS, windowsHide: true },
      (error, stdout) => {
        const token = stdout.trim();
        resolve(error || !/^\S+$/.test(token) ? void 0 : token);
      }
    );
  });
}

export {
  REGISTRY_TOKEN_VARIABLE,
  findRegistryToken
};
