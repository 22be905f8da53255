import { ComponentType, HashAlgorithm } from "@cyclonedx/cyclonedx-library/Enums";
import { Bom, Component, LicenseExpression, Metadata, Property, Tools } from "@cyclonedx/cyclonedx-library/Models";
import { JSON as JsonFormat } from "@cyclonedx/cyclonedx-library/Serialize";
import { Spec1dot6 } from "@cyclonedx/cyclonedx-library/Spec";
import type { CardFacts, ValueIntervalFact } from "./facts.ts";

/**
 * A version's ML-BOM (docs/model-card.md): a CycloneDX 1.6 JSON bill of materials built with the CycloneDX library.
 * Its subject (`metadata.component`) is the model as a `machine-learning-model` component; the model's files are
 * `file` components with their sha256, each dataset a `data` component holding its files with their fingerprints.
 *
 * The library models no `modelCard` (10.3.0), so the model card is added to the normalised JSON here, in the shape of
 * the 1.6 schema: `modelParameters` (task, datasets by reference), `quantitativeAnalysis.performanceMetrics` (every
 * metric; a `confidenceInterval` only where one of the value was computed, over all rows or by slice) and
 * `considerations` from `card:`. The model component's version is the version's number (`v7`), its id a property.
 * No serial number and no random parts: the same facts give the same bytes.
 */

const MODEL_REF = "model";
const datasetRef = (dataset: string): string => `dataset:${dataset}`;

export function renderMlBom(facts: CardFacts): string {
  const bom = new Bom();
  // The version as people name it (`v7`); its id is a property.
  const model = new Component(ComponentType.MachineLearningModel, facts.model, {
    bomRef: MODEL_REF,
    version: `v${facts.sequence}`,
    ...(facts.description ? { description: facts.description } : {}),
  });
  if (facts.card?.license) model.licenses.add(new LicenseExpression(facts.card.license));
  for (const [name, value] of lineageProperties(facts)) model.properties.add(new Property(name, value));
  const kit = new Component(ComponentType.Application, "mlops-kit", { version: facts.kitVersion });
  bom.metadata = new Metadata({ timestamp: new Date(facts.createdAt), component: model, tools: new Tools() });
  bom.metadata.tools.components.add(kit);

  for (const file of facts.files) {
    const component = new Component(ComponentType.File, file.path, { bomRef: `file:${file.path}` });
    component.hashes.set(HashAlgorithm["SHA-256"], file.sha256);
    component.properties.add(new Property("mlops-kit:size", String(file.size)));
    bom.components.add(component);
    model.dependencies.add(component.bomRef);
  }
  for (const dataset of facts.data) {
    const data = new Component(ComponentType.Data, dataset.dataset, { bomRef: datasetRef(dataset.dataset) });
    const rows = facts.rows[dataset.dataset];
    if (rows !== undefined) data.properties.add(new Property("mlops-kit:rows", String(rows)));
    const profile = facts.profile?.dataset === dataset.dataset ? facts.profile : null;
    if (profile) {
      data.properties.add(new Property("mlops-kit:profile:sha256", profile.sha256));
      data.properties.add(new Property("mlops-kit:profile:rows", String(profile.rows)));
      data.properties.add(new Property("mlops-kit:profile:columns", String(profile.columns.length)));
    }
    for (const file of dataset.files) {
      const part = new Component(ComponentType.Data, file.path, {
        bomRef: `${datasetRef(dataset.dataset)}:${file.path}`,
      });
      if (file.sha256) part.hashes.set(HashAlgorithm["SHA-256"], file.sha256);
      if (file.etag) part.properties.add(new Property("mlops-kit:etag", file.etag));
      part.properties.add(new Property("mlops-kit:size", String(file.size)));
      data.components.add(part);
    }
    bom.components.add(data);
    model.dependencies.add(data.bomRef);
  }

  const normalized = new JsonFormat.Normalize.Factory(Spec1dot6).makeForBom().normalize(bom, { sortLists: true });
  const subject = (normalized.metadata as { component?: Record<string, unknown> } | undefined)?.component;
  if (subject) subject.modelCard = modelCard(facts);
  return `${JSON.stringify(normalized, null, 2)}\n`;
}

function lineageProperties(facts: CardFacts): [string, string][] {
  return [
    ["mlops-kit:version", facts.version],
    ["mlops-kit:sequence", String(facts.sequence)],
    ...(facts.git.sha ? [["mlops-kit:git:sha", facts.git.sha] as [string, string]] : []),
    ...(facts.git.ref ? [["mlops-kit:git:ref", facts.git.ref] as [string, string]] : []),
    ...(facts.git.dirty !== undefined ? [["mlops-kit:git:dirty", String(facts.git.dirty)] as [string, string]] : []),
    ...(facts.repository ? [["mlops-kit:repository", facts.repository] as [string, string]] : []),
    ...(facts.runUrl ? [["mlops-kit:run", facts.runUrl] as [string, string]] : []),
    ...(facts.gate ? [["mlops-kit:gate:verdict", facts.gate.verdict] as [string, string]] : []),
    ...(facts.gate?.baseline ? [["mlops-kit:gate:baseline", facts.gate.baseline] as [string, string]] : []),
    ...(facts.card?.authors ?? []).map((author) => ["mlops-kit:author", author] as [string, string]),
  ];
}

function modelCard(facts: CardFacts): Record<string, unknown> {
  const bounds = (interval: ValueIntervalFact) => ({
    confidenceInterval: { lowerBound: String(interval.low), upperBound: String(interval.high) },
  });
  const overall = new Map(facts.intervals.filter((i) => i.slice === null).map((i) => [i.metric, i]));
  const metrics = [
    ...Object.entries(facts.metrics).map(([type, value]) => {
      const interval = overall.get(type);
      return { type, value: String(value), ...(interval ? bounds(interval) : {}) };
    }),
    ...facts.intervals
      .filter((interval) => interval.slice !== null)
      .map((interval) => ({
        type: interval.metric,
        value: String(interval.value),
        slice: interval.slice,
        ...bounds(interval),
      })),
  ];
  const card = facts.card;
  const considerations = {
    ...(card?.intended_use ? { useCases: [card.intended_use] } : {}),
    ...(card?.limitations?.length || card?.out_of_scope?.length
      ? {
          technicalLimitations: [
            ...(card.limitations ?? []),
            ...(card.out_of_scope ?? []).map((use) => `Out of scope: ${use}`),
          ],
        }
      : {}),
  };
  return {
    modelParameters: {
      task: facts.task,
      ...(facts.data.length > 0 ? { datasets: facts.data.map((d) => ({ ref: datasetRef(d.dataset) })) } : {}),
    },
    ...(metrics.length > 0 ? { quantitativeAnalysis: { performanceMetrics: metrics } } : {}),
    ...(Object.keys(considerations).length > 0 ? { considerations } : {}),
  };
}
