import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGitHubApi } from "../../src/store/github/http.ts";
import { nodeFetch } from "../../src/store/github/node-fetch.ts";
import { setProxyVariables, startConnectProxy } from "../helpers/connect-proxy.ts";

/**
 * The registry's Octokit sends its requests through node:http (src/store/github/node-fetch.ts) instead of undici's
 * fetch. The GitHub registry's tests (test/registry/github*.test.ts, test/github/*) run it against the stand-in for
 * api.github.com; these pin down, against two real HTTP servers on loopback (two origins), the parts of fetch those
 * never reach: redirects as fetch follows them, credentials kept to their origin, compressed answers, an abort, and
 * a request that gets no answer, as Octokit reports each.
 */

let main: Server;
let other: Server;
let mainUrl: string;
let otherUrl: string;
/** Resolves when /never has been asked (the test then aborts it). */
let neverAsked: () => void = () => undefined;

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Echoes what arrived: the method, the headers that matter here, the body. */
async function echo(request: IncomingMessage, response: ServerResponse, server: string): Promise<void> {
  const text = await body(request);
  response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  response.end(
    JSON.stringify({
      server,
      method: request.method,
      authorization: request.headers.authorization ?? null,
      contentType: request.headers["content-type"] ?? null,
      contentLength: request.headers["content-length"] ?? null,
      body: text,
    }),
  );
}

async function listen(server: Server): Promise<string> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  other = createServer((request, response) => void echo(request, response, "other"));
  main = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const redirect = (status: number, location: string): void => {
      response.writeHead(status, { location });
      response.end("moved");
    };
    switch (url.pathname) {
      case "/echo":
        return void echo(request, response, "main");
      case "/json":
        response.setHeader("x-many", ["a", "b"]);
        response.writeHead(200, { "content-type": "application/json" });
        return void response.end('{"answer":42}');
      case "/gzip":
        response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        return void response.end(gzipSync(JSON.stringify({ asked: request.headers["accept-encoding"] })));
      case "/same":
        return redirect(302, "/echo");
      case "/elsewhere":
        return redirect(302, `${otherUrl}/echo`);
      case "/see-other":
        return void body(request).then(() => redirect(303, "/echo"));
      case "/temporary":
        return void body(request).then(() => redirect(307, "/echo"));
      case "/loop":
        return redirect(302, "/loop");
      case "/empty":
        response.writeHead(204);
        return void response.end();
      case "/missing":
        response.writeHead(404, { "content-type": "application/json" });
        return void response.end('{"message":"Not Found","documentation_url":"https://docs.github.com"}');
      case "/never":
        return neverAsked();
      default:
        response.writeHead(500);
        response.end();
    }
  });
  [mainUrl, otherUrl] = await Promise.all([listen(main), listen(other)]);
});

afterAll(async () => {
  main.closeAllConnections();
  other.closeAllConnections();
  await Promise.all([new Promise((resolve) => main.close(resolve)), new Promise((resolve) => other.close(resolve))]);
});

const octokit = (token: string | undefined = "t0ken", apiUrl = mainUrl) =>
  createGitHubApi({
    repository: { owner: "o", repo: "r" },
    token,
    tokenFrom: "GITHUB_TOKEN",
    apiUrl,
    retrySeconds: 0,
  }).octokit;

describe("the registry's Octokit over node:http", () => {
  it("sends the method, the token and a JSON body with its length, and reads the answer's status, headers, data", async () => {
    const sent = await octokit().request("POST /echo", { field: "ü" });
    expect(sent.status).toBe(200);
    expect(sent.data).toEqual({
      server: "main",
      method: "POST",
      authorization: "token t0ken",
      contentType: "application/json; charset=utf-8",
      contentLength: String(Buffer.byteLength('{"field":"ü"}')),
      body: '{"field":"ü"}',
    });
    const read = await octokit(undefined).request("GET /json");
    expect(read.data).toEqual({ answer: 42 });
    // Repeated headers read as fetch's Headers read them.
    expect(read.headers["x-many"]).toBe("a, b");
  });

  it("asks for compressed answers and decodes them", async () => {
    const answer = await octokit().request("GET /gzip");
    expect(answer.data).toEqual({ asked: "gzip, deflate, br" });
  });

  it("follows redirects as fetch does: the token only to its own origin, a 303 as a GET, a 307 as it was", async () => {
    expect((await octokit().request("GET /same")).data).toMatchObject({ server: "main", authorization: "token t0ken" });
    expect((await octokit().request("GET /elsewhere")).data).toMatchObject({ server: "other", authorization: null });
    expect((await octokit().request("POST /see-other", { a: 1 })).data).toMatchObject({
      method: "GET",
      body: "",
      contentType: null,
    });
    expect((await octokit().request("POST /temporary", { a: 1 })).data).toMatchObject({
      method: "POST",
      body: '{"a":1}',
    });
  });

  it("hands a redirect back as it came with redirect: manual, its body a Node stream", async () => {
    const answer = await nodeFetch(`${mainUrl}/elsewhere`, { redirect: "manual" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`${otherUrl}/echo`);
    expect(await answer.text()).toBe("moved");
  });

  it("gives up on a redirect loop, and on redirects refused, as a request with no answer", async () => {
    await expect(octokit().request("GET /loop")).rejects.toMatchObject({
      status: 500,
      response: undefined,
      message: expect.stringContaining("more than 20 redirects") as unknown,
    });
    await expect(nodeFetch(`${mainUrl}/same`, { redirect: "error" })).rejects.toThrow(TypeError);
  });

  it("reads an answer with no body, and a refusal's message and status, as Octokit's RequestError", async () => {
    expect((await octokit().request("DELETE /empty")).status).toBe(204);
    await expect(octokit().request("GET /missing")).rejects.toMatchObject({
      status: 404,
      message: "Not Found - https://docs.github.com",
      response: { data: { message: "Not Found" } },
    });
  });

  it("reports a server that does not answer as Octokit reports fetch's failures: a 500 without a response", async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(octokit("t0ken", url).request("GET /json")).rejects.toMatchObject({
      status: 500,
      response: undefined,
      message: expect.stringContaining("ECONNREFUSED") as unknown,
    });
  });

  it("stops a request when its signal aborts, as fetch does", async () => {
    const controller = new AbortController();
    const asked = new Promise<void>((resolve) => (neverAsked = resolve));
    const request = octokit().request("GET /never", { request: { signal: controller.signal } });
    await asked;
    controller.abort();
    await expect(request).rejects.toMatchObject({ name: "AbortError" });
    await expect(nodeFetch(`${mainUrl}/json`, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("goes through the proxy the environment names for the API host (undici's fetch, loaded only then)", async () => {
    const proxy = await startConnectProxy();
    const restore = setProxyVariables({ HTTP_PROXY: proxy.url });
    try {
      // A host that resolves nowhere: only the proxy can reach it.
      const port = new URL(mainUrl).port;
      const answer = await octokit("t0ken", `http://registry.invalid:${port}`).request("GET /json");
      expect(answer.data).toEqual({ answer: 42 });
      expect(proxy.tunnels).toEqual([`registry.invalid:${port}`]);
    } finally {
      restore();
      await proxy.close();
    }
  });
});
