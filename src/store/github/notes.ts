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

export function releaseNotes(manifestJson: string): string {
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
  lines.push(
    "",
    "This release is a model version kept by mlops-kit's registry (`mlops models show`); its assets are the model's " +
      "files and, last, its manifest. Do not edit or delete it by hand: `mlops models prune` removes versions.",
  );
  return lines.join("\n");
}
