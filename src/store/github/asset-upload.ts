import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { readBounded } from "../object-store.ts";
import { proxyAgentFor } from "../../net/proxy.ts";

/**
 * One release asset up to GitHub's uploads host, with node:http(s) rather than Octokit's fetch: fetch turns a Node
 * stream into a web stream and copies every chunk on the way, which held a 256 MiB upload to some 80% of what the same
 * bytes reach over node:http (`npm run bench:registry`). The request is the one Octokit would send (`POST
 * {upload_url}?name=`, the token, the API version); a refusal is thrown shaped like Octokit's RequestError (status,
 * response data and headers), so retries and messages (http.ts) treat it the same.
 */

export interface UploadedAsset {
  size: number;
  /** `sha256:<hex>` as GitHub computed it; null on servers that do not report it. */
  digest: string | null;
}

/** The most an answer of the uploads host is read: an asset's JSON, or an error's. */
const ANSWER_LIMIT = 1024 * 1024;

export async function postAsset(
  uploadUrl: string,
  name: string,
  token: string | undefined,
  size: number,
  body: Readable | Buffer,
): Promise<UploadedAsset> {
  // upload_url is a URI template: `.../assets{?name,label}`.
  const url = new URL(uploadUrl.replace(/\{[^}]*\}$/, ""));
  url.searchParams.set("name", name);
  const headers: Record<string, string> = {
    accept: "application/vnd.github+json",
    "content-type": "application/octet-stream",
    "content-length": String(size),
    "user-agent": "mlops-kit",
    "x-github-api-version": "2022-11-28",
    ...(token ? { authorization: `token ${token}` } : {}),
  };
  const send = url.protocol === "http:" ? httpRequest : httpsRequest;
  const agent = await proxyAgentFor(url);
  const answer = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = send(url, { method: "POST", headers, ...(agent ? { agent } : {}) }, resolve);
    request.on("error", reject);
    if (Buffer.isBuffer(body)) request.end(body);
    else pipeline(body, request).catch((error: unknown) => request.destroy(error as Error));
  });
  const text = (
    await readBounded(
      answer,
      () => new Error(`the uploads host answered more than ${ANSWER_LIMIT} bytes`),
      ANSWER_LIMIT,
    )
  ).toString("utf8");
  const data = parseJson(text);
  const status = answer.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    const message = typeof data === "object" && data && "message" in data ? String(data.message) : text.slice(0, 200);
    throw Object.assign(new Error(message || `the uploads host answered ${status}`), {
      status,
      response: { status, url: url.href, headers: answer.headers, data },
    });
  }
  const asset = data as { size?: unknown; digest?: unknown };
  return {
    size: typeof asset.size === "number" ? asset.size : -1,
    digest: typeof asset.digest === "string" ? asset.digest : null,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
