/**
 * The smallest project whose registry is a GitHub repository: a metrics file for evaluate, a score rule for the gate
 * (or no gate, and nothing promoted), and `model/` published. The files, for writeFiles.
 */
export function githubRegistryProject(repository: string, options: { gate: boolean }): Record<string, string> {
  const gate = ["gate:", "  rules:", "    - { metric: score, min: 0.5, direction: higher }"];
  return {
    "mlops.yml": [
      "version: 1",
      "model: { name: churn }",
      "evaluate: { metrics_file: metrics.json }",
      ...(options.gate ? gate : []),
      options.gate ? "publish: { files: [model/] }" : "publish: { files: [model/], promote: false }",
      `registry: { uri: "github://${repository}" }`,
      "",
    ].join("\n"),
    "metrics.json": JSON.stringify({ score: 0.9 }),
  };
}
