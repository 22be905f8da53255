import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline, Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/**
 * The part of `fetch` Octokit's request (@octokit/request's fetch wrapper) uses, on node:http(s). Octokit's default,
 * undici's fetch, cost every github:// process some 20 MiB of memory before its first byte (undici's code, loaded in
 * full, and its WebAssembly HTTP parser); a 256 MiB pull peaked over the 128 MiB the registry promises once its hashing
 * moved to a worker. What this keeps of fetch: the method, headers and a string or byte body out; the status, headers
 * and body back (`text`, `json`, `arrayBuffer`, or the body as a Node stream); redirects followed as fetch follows them
 * (a 303, and a 301 or 302 of a POST, become a GET; the authorization is not sent to another origin), or handed back
 * with `redirect: "manual"`; gzip, deflate and br answers decoded; an AbortSignal; a server silent for five minutes
 * fails the request (undici's own limits). A request that gets no answer rejects with a TypeError whose cause says why,
 * as fetch's does, so Octokit reports it the same way (a 500 without a response).
 */

/** What {@link nodeFetch} is asked: Octokit's subset of RequestInit. */
export interface NodeFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | null;
  redirect?: "follow" | "manual" | "error";
  signal?: AbortSignal | null;
}

/** The answer's headers, read as fetch's Headers are: by lowercase name, repeated values joined with ", ". */
export class AnswerHeaders implements Iterable<[string, string]> {
  readonly #values = new Map<string, string>();
  constructor(raw: IncomingHttpHeaders) {
    for (const name of Object.keys(raw).sort()) {
      const value = raw[name];
      if (value !== undefined) this.#values.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
  }
  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }
  [Symbol.iterator](): Iterator<[string, string]> {
    return this.#values.entries();
  }
}

export interface NodeFetchResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: AnswerHeaders;
  /** The (decoded) body as a Node stream; read it, or one of the methods below, once. */
  readonly body: Readable;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** fetch's own limit on redirects. */
const MAX_REDIRECTS = 20;
/** A server silent this long has gone away (undici's headers and body timeouts). */
const IDLE_SECONDS = 300;

export async function nodeFetch(input: string | URL, init: NodeFetchInit = {}): Promise<NodeFetchResponse> {
  let url = new URL(input);
  let method = (init.method ?? "GET").toUpperCase();
  let body = init.body ?? undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers ?? {})) headers[name.toLowerCase()] = value;
  headers["accept-encoding"] ??= "gzip, deflate, br";
  for (let redirects = 0; ; redirects++) {
    const answer = await send(url, method, headers, body, init.signal ?? undefined);
    const status = answer.statusCode ?? 0;
    const location = answer.headers.location;
    if (status < 300 || status >= 400 || status === 304 || !location || init.redirect === "manual")
      return response(answer, url, redirects > 0, method);
    answer.resume();
    if (init.redirect === "error") throw failed(new Error(`${url.href} redirects, and redirects were refused`));
    if (redirects >= MAX_REDIRECTS)
      throw failed(new Error(`more than ${MAX_REDIRECTS} redirects from ${String(input)}`));
    const next = new URL(location, url);
    if (status === 303 || ((status === 301 || status === 302) && method === "POST")) {
      if (method !== "HEAD") method = "GET";
      body = undefined;
      for (const name of ["content-type", "content-length", "content-encoding", "content-language"])
        delete headers[name];
    }
    // As fetch does: credentials stay with the origin they were given for.
    if (next.origin !== url.origin) {
      delete headers.authorization;
      delete headers.cookie;
    }
    url = next;
  }
}

/** One request, answered with its headers (the body not yet read); no answer at all is fetch's TypeError. */
function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  if (signal?.aborted) return Promise.reject(aborted(signal));
  const request = url.protocol === "http:" ? httpRequest : httpsRequest;
  const length = body === undefined ? undefined : Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method, headers: length === undefined ? headers : { ...headers, "content-length": String(length) } },
      (answer) => {
        signal?.removeEventListener("abort", onAbort);
        // Abandoned later (an abort while the body is read), the body fails as fetch's does.
        if (signal) {
          const stop = (): void => void answer.destroy(aborted(signal));
          signal.addEventListener("abort", stop, { once: true });
          answer.once("close", () => signal.removeEventListener("abort", stop));
        }
        resolve(answer);
      },
    );
    const onAbort = (): void => void outgoing.destroy(aborted(signal));
    signal?.addEventListener("abort", onAbort, { once: true });
    // The socket's idle limit covers waiting for the headers and, once they came, for each part of the body.
    outgoing.setTimeout(IDLE_SECONDS * 1000, () =>
      outgoing.destroy(new Error(`${url.host} sent nothing for ${IDLE_SECONDS} s`)),
    );
    outgoing.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? aborted(signal) : failed(error));
    });
    outgoing.end(body);
  });
}

function response(answer: IncomingMessage, url: URL, redirected: boolean, method: string): NodeFetchResponse {
  const status = answer.statusCode ?? 0;
  // These carry no body: read the (empty) message to its end, so the connection goes back to the pool.
  const bodiless = method === "HEAD" || status === 204 || status === 205 || status === 304;
  if (bodiless) answer.resume();
  const body = bodiless ? Readable.from([]) : decoded(answer);
  const bytes = async (): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  return {
    status,
    statusText: answer.statusMessage ?? "",
    ok: status >= 200 && status < 300,
    url: url.href,
    redirected,
    headers: new AnswerHeaders(answer.headers),
    body,
    text: async () => (await bytes()).toString("utf8"),
    json: async () => JSON.parse((await bytes()).toString("utf8")) as unknown,
    arrayBuffer: async () => {
      const buffer = await bytes();
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    },
  };
}

/** The body as the server meant it: gzip, deflate and br decoded (asked for in accept-encoding, as fetch asks). */
function decoded(answer: IncomingMessage): Readable {
  const encoding = (answer.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? createGunzip()
      : encoding === "deflate"
        ? createInflate()
        : encoding === "br"
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) return answer;
  // A failure on either side destroys both; the reader sees it on the decoder.
  return pipeline(answer, decoder, () => undefined);
}

/** fetch's way of saying a request got no answer: a TypeError with the reason as its cause. */
function failed(cause: Error): TypeError {
  return new TypeError("fetch failed", { cause });
}

/** As fetch rejects an aborted request: with the signal's reason (an AbortError unless the caller gave another). */
function aborted(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException("This operation was aborted", "AbortError");
}
