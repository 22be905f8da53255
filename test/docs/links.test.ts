import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/temp.ts";

/**
 * Every link a reader can follow from the README and docs/ lands somewhere: relative paths name files of the
 * repository, anchors name headings (as GitHub makes their ids), and links to this repository's main branch on GitHub
 * name files that exist here. The hints and comments in src/ that send users to the docs are held to the same rule.
 */

const REPO_URL = "https://github.com/mlops-kit/mlops-kit";
const DOC_FILES = [
  "README.md",
  ...readdirSync(path.join(REPO, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks, where links and headings are what they look like. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, "");
}

/** GitHub's id for a heading: lower case, punctuation other than - and _ dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, "")
    .replace(/ /g, "-");
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(readFileSync(path.join(REPO, file), "utf8")).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading ?? "");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

function linksOf(file: string): string[] {
  const text = prose(readFileSync(path.join(REPO, file), "utf8")).replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
}

/** What is wrong with a link to `target` (a repository path with an optional #anchor), or undefined. */
function brokenTarget(target: string): string | undefined {
  const [file = "", anchor] = target.split("#");
  const full = path.join(REPO, file);
  if (!full.startsWith(REPO) || !existsSync(full)) return `no file ${file}`;
  if (anchor === undefined) return undefined;
  if (!file.endsWith(".md") || statSync(full).isDirectory()) return `#${anchor} on a file that is not markdown`;
  return anchorsOf(file).has(anchor) ? undefined : `no heading #${anchor} in ${file}`;
}

function brokenLink(from: string, link: string): string | undefined {
  if (link.startsWith("#")) return brokenTarget(`${from}${link}`);
  const onGitHub = new RegExp(`^${REPO_URL}/(?:blob|tree)/main/(.+)$`).exec(link);
  if (onGitHub) return brokenTarget(onGitHub[1] ?? "");
  if (link.startsWith(`${REPO_URL}#`)) return "an anchor of the repository's front page: link the docs/ page instead";
  if (/^[a-z]+:/.test(link)) return undefined;
  return brokenTarget(path.posix.join(path.posix.dirname(from), link));
}

describe("links in the README and docs/", () => {
  it("are there to check, and a wrong one is caught", () => {
    expect(DOC_FILES.flatMap(linksOf).length).toBeGreaterThan(40);
    expect(brokenLink("docs/README.md", "gate.md#no-such-heading")).toBe("no heading #no-such-heading in docs/gate.md");
    expect(brokenLink("docs/README.md", "nowhere.md")).toBe("no file docs/nowhere.md");
    expect(brokenLink("README.md", `${REPO_URL}/blob/main/docs/gate.md#rules`)).toBeUndefined();
    expect(brokenLink("README.md", `${REPO_URL}#configuration-reference`)).toMatch(/front page/);
  });

  it.each(DOC_FILES)("every link in %s resolves", (file) => {
    const links = linksOf(file);
    const broken = links.flatMap((link) => {
      const problem = brokenLink(file, link);
      return problem === undefined ? [] : [`${link}: ${problem}`];
    });
    expect(broken).toEqual([]);
  });

  it("the README links to the docs by absolute URL, so its links work on npmjs.com too", () => {
    const relative = linksOf("README.md").filter((link) => !link.startsWith("#") && !/^[a-z]+:/.test(link));
    expect(relative).toEqual([]);
  });

  it("docs/README.md indexes every page of docs/", () => {
    const index = new Set(linksOf("docs/README.md").map((link) => link.split("#")[0]));
    const pages = DOC_FILES.filter((file) => file.startsWith("docs/") && file !== "docs/README.md");
    expect(pages.filter((page) => !index.has(path.posix.basename(page)))).toEqual([]);
  });

  it("the hints and comments in src/ that point at the docs resolve", () => {
    const sources = (readdirSync(path.join(REPO, "src"), { recursive: true }) as string[])
      .filter((name) => name.endsWith(".ts"))
      .map((name) => path.posix.join("src", name.split(path.sep).join("/")));
    const urls = sources.flatMap((file) =>
      [...readFileSync(path.join(REPO, file), "utf8").matchAll(new RegExp(`${REPO_URL}[^\\s"'\`)]*`, "g"))].map(
        (m) => ({ file, url: m[0].replace(/[.,;:]+$/, "") }),
      ),
    );
    expect(urls.filter(({ url }) => url.includes("/docs/")).length).toBeGreaterThan(3);
    const broken = urls.flatMap(({ file, url }) => {
      if (!url.includes("#") && !/\/(blob|tree)\//.test(url)) return [];
      const problem = brokenLink("README.md", url);
      return problem === undefined ? [] : [`${file}: ${url}: ${problem}`];
    });
    expect(broken).toEqual([]);
  });
});
