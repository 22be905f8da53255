/**
 * The notes of a version's release: what the model version is, from its manifest (metrics, gate verdict, lineage,
 * run), so the release page describes the model rather than the project. Read loosely: the manifest was validated by
 * the registry that wrote it, and notes are for people, never read back.
 */

interface ManifestLike {
  model?: unknown;
  version?: unknown;
  sequence?: unknown;
  createdAt?: unknown;
  metrics?: Record<string, unknown>;
  gate?: { verdict?: unknown; baseline?: unknown } | null;
  git?: { sha?: unknown; ref?: unknown };
  data?: { dataset?: unknown; files?: { path?: unknown; sha256?: unknown; etag?: unknown }[] }[];
  runUrl?: unknown;
  actor?: unknown;
  kitVersion?: unknown;
  files?: { path?: unknown; size?: unknown }[];
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

/** GitHub refuses a release body longer than this (characters). */
export const RELEASE_BODY_LIMIT = 125_000;

/**
 * The notes of a version's release. With the version's model card (its markdown, src/card/model-card.ts) the notes are
 * the card: its body as it reads, its front matter folded away as YAML, cut at a line to stay within GitHub's limit
 * with room for `reserved` characters the caller adds (the kit's marker). Without one, a summary of the manifest.
 */
export function releaseNotes(manifestJson: string, card?: string, reserved = 0): string {
  if (card === undefined) return manifestNotes(manifestJson);
  let manifest: ManifestLike = {};
  try {
    manifest = JSON.parse(manifestJson) as ManifestLike;
  } catch {
    // The headline then says less; the card says the rest.
  }
  const head =
    `Model **${text(manifest.model) ?? "?"}**, version \`${text(manifest.version) ?? "?"}\`` +
    (manifest.sequence === undefined ? "" : ` (v${text(manifest.sequence)})`) +
    `, published by mlops-kit ${text(manifest.kitVersion) ?? ""} on ${text(manifest.createdAt) ?? "?"}. Its model card:`;
  const foot = FOOTER;
  const { front, body } = splitFrontMatter(card);
  const fence = "`".repeat(Math.max(3, ...[...front.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const folded = front
    ? `\n\n<details><summary>The card's front matter (YAML)</summary>\n\n${fence}yaml\n${front}\n${fence}\n\n</details>`
    : "";
  const budget = RELEASE_BODY_LIMIT - reserved - head.length - foot.length - folded.length - 8;
  return `${head}\n\n${bounded(body.trim(), budget)}${folded}\n\n${foot}`;
}

const FOOTER =
  "This release is a model version kept by mlops-kit's registry (`mlops models show`); its assets are the model's " +
  "files and, last, its manifest. Do not edit or delete it by hand: `mlops models prune` removes versions.";

const CUT_NOTE =
  "\n\n_The card is longer than a release's notes may be: the rest is in its asset (`mlops pull --card`)._";

/** The card's body within `budget` characters, cut at a line break (with a note) when it is longer. */
function bounded(body: string, budget: number): string {
  if (body.length <= budget) return body;
  const room = Math.max(0, budget - CUT_NOTE.length);
  const cut = body.lastIndexOf("\n", room);
  return `${body.slice(0, cut > 0 ? cut : room)}${CUT_NOTE}`;
}

function splitFrontMatter(card: string): { front: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  return match ? { front: match[1] ?? "", body: card.slice(match[0].length) } : { front: "", body: card };
}

function manifestNotes(manifestJson: string): string {
  let manifest: ManifestLike;
  try {
    manifest = JSON.parse(manifestJson) as ManifestLike;
  } catch {
    return "A model version published by mlops-kit.";
  }
  const lines = [
    `Model **${text(manifest.model) ?? "?"}**, version \`${text(manifest.version) ?? "?"}\`` +
      (manifest.sequence === undefined ? "" : ` (v${text(manifest.sequence)})`) +
      `, published by mlops-kit ${text(manifest.kitVersion) ?? ""} on ${text(manifest.createdAt) ?? "?"}.`,
    "",
  ];
  const metrics = Object.entries(manifest.metrics ?? {});
  if (metrics.length > 0) {
    lines.push("| metric | value |", "| --- | --- |");
    for (const [name, value] of metrics) lines.push(`| ${name} | ${text(value) ?? ""} |`);
    lines.push("");
  }
  const gate = manifest.gate;
  lines.push(
    `- Gate: ${gate ? `${text(gate.verdict) ?? "?"}${gate.baseline ? ` against ${text(gate.baseline)}` : ""}` : "not run"}`,
    `- Commit: ${text(manifest.git?.sha) ?? "unknown"}${manifest.git?.ref ? ` (${text(manifest.git.ref)})` : ""}`,
  );
  for (const dataset of manifest.data ?? []) {
    const prints = (dataset.files ?? []).map(
      (f) => `${text(f.path)} ${(text(f.sha256) ?? text(f.etag) ?? "").slice(0, 12)}`,
    );
    lines.push(`- Data ${text(dataset.dataset) ?? ""}: ${prints.join(", ")}`);
  }
  if (manifest.runUrl) lines.push(`- Run: ${text(manifest.runUrl)}`);
  if (manifest.actor) lines.push(`- By: ${text(manifest.actor)}`);
  lines.push("", FOOTER);
  return lines.join("\n");
}
