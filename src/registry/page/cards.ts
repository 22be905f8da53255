import type { Block, Section } from "../../report/blocks.ts";
import { formatBytes, formatNumber } from "../../report/format.ts";
import type { Manifest } from "../manifest.ts";
import { type ModelPage, versionLabel } from "./gather.ts";

/**
 * Each version's card and lineage, newest first, each in a collapsed block: where it came from (commit, run, who),
 * what it was gated against, its metrics and slices, params, the fingerprints of its data, and its files with size
 * and sha256. Manifests store point metrics only, so the page's card has no intervals to show: it points at the
 * version's model card and ML-BOM (the `card` and `mlbom` attachments, src/card/), which have them, and how to fetch them.
 */
export function versionCards(page: ModelPage): Section {
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, id] of Object.entries(page.aliases)) aliasesOf.set(id, [...(aliasesOf.get(id) ?? []), alias]);
  const newestFirst = [...page.versions].reverse();
  return {
    title: "Version cards",
    status: newestFirst.length > 0 ? "ok" : "skipped",
    headline: `${newestFirst.length} card(s), newest first`,
    blocks:
      newestFirst.length === 0
        ? [{ kind: "text", text: "No versions yet." }]
        : newestFirst.map((manifest) => versionCard(manifest, aliasesOf.get(manifest.version) ?? [])),
  };
}

function versionCard(m: Manifest, aliases: readonly string[]): Block {
  const summary =
    `${versionLabel(m)} ${m.version}: gate ${m.gate?.verdict ?? "not run"}` +
    (aliases.length > 0 ? `, ${aliases.join(", ")}` : "");
  return { kind: "details", summary, terminal: "verbose", blocks: cardBlocks(m) };
}

/** Where the version's model card and ML-BOM are, and the commands that fetch them (verified); none before cards. */
function modelCardBlocks(m: Manifest): Block[] {
  const { card, mlbom } = m.attachments;
  if (!card && !mlbom) {
    return [{ kind: "text", text: "No model card or ML-BOM: the version was published before mlops-kit made them." }];
  }
  const fetch = (flag: string, file: { path: string }): string =>
    `mlops pull ${m.model}@${m.version} ${flag} ${file.path.split("/").pop() ?? file.path}`;
  const what = [
    ...(card ? [`its model card (${card.path}, sha256 ${card.sha256}: metrics with intervals, data, lineage)`] : []),
    ...(mlbom ? [`its ML-BOM (${mlbom.path}, CycloneDX 1.6, sha256 ${mlbom.sha256})`] : []),
  ];
  return [
    { kind: "text", text: `The version carries ${what.join(" and ")}; fetch ${what.length > 1 ? "them" : "it"} with:` },
    {
      kind: "code",
      text: [...(card ? [fetch("--card", card)] : []), ...(mlbom ? [fetch("--bom", mlbom)] : [])].join("\n"),
    },
  ];
}

function cardBlocks(m: Manifest): Block[] {
  const source = [
    m.repository ?? null,
    m.git.ref ?? "no ref",
    m.git.sha ?? "no commit",
    ...(m.git.dirty
      ? [`+ uncommitted changes (${m.git.diff ?? "no diff hash"}: ${(m.git.changed ?? []).join(", ")})`]
      : []),
  ]
    .filter((part): part is string => part !== null)
    .join(" ");
  const lineage: string[][] = [
    ["version", `${versionLabel(m)} ${m.version}`],
    ["created", `${m.createdAt} by ${m.actor ?? "unknown"}`],
    ["source", source],
    ["run", m.runUrl ?? "—"],
    [
      "gate",
      m.gate ? `${m.gate.verdict}${m.gate.baseline ? ` against ${m.gate.baseline}` : " (no baseline)"}` : "not run",
    ],
    ...(m.chain
      ? [
          [
            "stage results",
            `train run ${m.chain.trainRun ?? "none"}, evaluation ${m.chain.evaluation ?? "none"}, gate ${m.chain.gate ?? "none"}`,
          ],
        ]
      : []),
    ["kit", `mlops-kit ${m.kitVersion}, ${m.format}`],
  ];
  const blocks: Block[] = [{ kind: "table", table: { headers: ["lineage", ""], rows: lineage } }];
  if (m.runUrl) blocks.push({ kind: "link", text: "The run that published it", url: m.runUrl });
  blocks.push(...modelCardBlocks(m));

  const metrics = Object.entries(m.metrics);
  blocks.push(
    metrics.length === 0
      ? { kind: "text", text: "No metrics." }
      : {
          kind: "table",
          table: {
            headers: ["metric", "value"],
            align: ["left", "right"],
            rows: metrics.map(([name, value]) => [name, formatNumber(value)]),
          },
        },
  );
  if (m.slices.length > 0) {
    const names = [...new Set(m.slices.flatMap((slice) => Object.keys(slice.metrics)))];
    blocks.push({
      kind: "table",
      table: {
        headers: ["slice", "rows", ...names],
        align: ["left", "right", ...names.map(() => "right" as const)],
        rows: m.slices.map((slice) => [
          `${slice.column} = ${slice.value}`,
          String(slice.rows),
          ...names.map((name) => (slice.metrics[name] === undefined ? "—" : formatNumber(slice.metrics[name]))),
        ]),
      },
    });
  }
  const params = Object.entries(m.params);
  if (params.length > 0) {
    blocks.push({
      kind: "table",
      table: { headers: ["param", "value"], rows: params.map(([name, value]) => [name, JSON.stringify(value) ?? "—"]) },
    });
  }
  const data = m.data.flatMap((dataset) =>
    dataset.files.map((file) => [
      dataset.dataset,
      file.path,
      formatBytes(file.size),
      file.sha256 ? `sha256 ${file.sha256}` : `etag ${file.etag ?? ""}`,
    ]),
  );
  blocks.push(
    data.length === 0
      ? { kind: "text", text: "No data fingerprints recorded." }
      : { kind: "table", table: { headers: ["dataset", "file", "size", "fingerprint"], rows: data } },
  );
  blocks.push({
    kind: "table",
    table: {
      headers: ["file", "size", "sha256"],
      align: ["left", "right", "left"],
      rows: [
        ...m.files.map((file) => [file.path, formatBytes(file.size), file.sha256]),
        ...Object.entries(m.attachments).map(([name, file]) => [
          `${file.path} (attachment: ${name})`,
          formatBytes(file.size),
          file.sha256,
        ]),
      ],
    },
  });
  return blocks;
}
