/**
 * The token a github:// registry is reached with, and where it came from (for messages). In order:
 * MLOPS_REGISTRY_TOKEN (an action's `registry-token` input, or a token a user keeps for the registry alone),
 * GITHUB_TOKEN, GH_TOKEN, and on a laptop the token the `gh` CLI holds (`gh auth token`), so that a user who has run
 * `gh auth login` needs nothing else. None at all reads a public repository anonymously and writes nothing.
 */

export interface RegistryToken {
  token: string | undefined;
  /** Where it came from, as a message names it: "GITHUB_TOKEN", "the gh CLI's login". */
  from: string;
}

export const REGISTRY_TOKEN_VARIABLE = "MLOPS_REGISTRY_TOKEN";

/** How long `gh auth token` may take: it reads a file or the system keyring, never the network. */
const GH_TIMEOUT_MS = 10_000;

export async function findRegistryToken(env: NodeJS.ProcessEnv, apiUrl: string): Promise<RegistryToken> {
  for (const [variable, from] of [
    [REGISTRY_TOKEN_VARIABLE, `${REGISTRY_TOKEN_VARIABLE} (an action's registry-token input)`],
    ["GITHUB_TOKEN", "GITHUB_TOKEN"],
    ["GH_TOKEN", "GH_TOKEN"],
  ] as const) {
    const token = env[variable];
    if (token) return { token, from };
  }
  // In a workflow the token is the job's (the action's input): a login on a self-hosted runner is not asked.
  if (env.GITHUB_ACTIONS === "true") return { token: undefined, from: "no token" };
  const token = await ghAuthToken(env, hostOf(apiUrl));
  return token ? { token, from: "the gh CLI's login (gh auth token)" } : { token: undefined, from: "no token" };
}

/** The GitHub host a REST root belongs to: api.github.com is github.com; Enterprise serves it at host/api/v3. */
function hostOf(apiUrl: string): string {
  try {
    const host = new URL(apiUrl).host;
    return host === "api.github.com" ? "github.com" : host;
  } catch {
    return "github.com";
  }
}

/** `gh auth token --hostname host`: its token, or undefined when gh is missing, logged out or slow. */
async function ghAuthToken(env: NodeJS.ProcessEnv, host: string): Promise<string | undefined> {
  // child_process (and net and dgram with it) is loaded only where gh is asked: every stage's action imports this
  // module for REGISTRY_TOKEN_VARIABLE, and starts without it (issue 22, start-up).
  const { execFile } = await import("node:child_process");
  return new Promise((resolve) => {
    execFile(
      "gh",
      ["auth", "token", "--hostname", host],
      { env, encoding: "utf8", timeout: GH_TIMEOUT_MS, windowsHide: true },
      (error, stdout) => {
        const token = stdout.trim();
        resolve(error || !/^\S+$/.test(token) ? undefined : token);
      },
    );
  });
}
