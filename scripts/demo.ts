import { generateKeyPairSync } from "node:crypto";
import { appendFile, copyFile, cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { main } from "../src/cli/main.ts";
import { RUN_REPORT_FILE } from "../src/pipeline/run-report-file.ts";

/**
 * `npm run demo`: the whole pipeline on examples/penguins, on this machine, with the embedded defaults (a local folder
 * registry). Three runs tell the story of the gate: a baseline becomes champion; a better candidate passes and is
 * promoted; a regressed candidate is blocked, with the reasons. The champion then scores the example's new data (batch
 * scoring), and the registry records which version scored it. Every version is signed with a throwaway demo key, and
 * `mlops verify` checks each one at the end. Exits 0 when every run and every check ended as it should.
 */

const root = path.resolve(import.meta.dirname, "..");
const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
const bold = (text: string): string => (color ? `\u001b[1m${text}\u001b[0m` : text);

const work = await mkdtemp(path.join(os.tmpdir(), "mlops-kit-demo-"));
await cp(path.join(root, "examples/penguins"), work, {
  recursive: true,
  filter: (source) => !/[/\\](\.mlops|model|predictions\.csv|scores)$/.test(source),
});

// A throwaway signing key for this copy only (docs/registry.md "Signed versions"): publish signs with the private key
// from MLOPS_SIGNING_KEY, as a workflow would from a secret; mlops verify trusts the public key beside mlops.yml.
const demoKey = generateKeyPairSync("ed25519");
await mkdir(path.join(work, "keys"), { recursive: true });
await writeFile(path.join(work, "keys/demo.pub"), demoKey.publicKey.export({ type: "spki", format: "pem" }));
await appendFile(
  path.join(work, "mlops.yml"),
  "\n# Added by the demo: sign every version with a throwaway key.\n" +
    "registry:\n  signing: { key_env: MLOPS_SIGNING_KEY, trusted_keys: [keys/demo.pub] }\n",
);
const signingEnv = { MLOPS_SIGNING_KEY: demoKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString() };

console.log(bold("mlops-kit demo: validate, train, evaluate, gate and publish the Palmer Penguins example"));
console.log(`Working copy: ${work}\n(no cloud, no GitHub: the registry is the local folder .mlops/registry there)\n`);

interface Step {
  title: string;
  args: string[];
  expectedExit: number;
  why: string;
  /** Keep the gate's report as the job summary would show it, under this name (the next run overwrites .mlops/out). */
  summary?: string;
}

const steps: Step[] = [
  {
    title: "Baseline: the params in params.yml (measurements only)",
    args: ["run"],
    expectedExit: 0,
    why: "first run: value rules apply, change rules wait for a baseline; the model becomes champion",
  },
  {
    title: "A better candidate: add species and island, train longer",
    args: [
      "run",
      "--set",
      "features=[beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g, species, island]",
      "--set",
      "epochs=1000",
    ],
    expectedExit: 0,
    why: "it beats the champion, so it passes the gate and is promoted",
    summary: "promoted-gate.md",
  },
  {
    title: "A regressed candidate: stop training after 3 epochs",
    args: ["run", "--set", "epochs=3"],
    expectedExit: 1,
    why:
      "accuracy and log loss regress past their tolerances, and log loss's paired 95% interval lies wholly past it " +
      "(the regression is real): the gate fails (exit 1) and the champion stays",
    summary: "blocked-gate.md",
  },
  { title: "The registry: versions and aliases", args: ["models"], expectedExit: 0, why: "" },
  { title: "Who was champion when, and why", args: ["models", "history"], expectedExit: 0, why: "" },
  {
    title: "The model's page: versions, metrics over versions, alias history",
    args: ["models", "report"],
    expectedExit: 0,
    why: "one self-contained HTML file, as the main workflow keeps it",
  },
  {
    title: "Batch scoring: the champion scores the new season's birds (data/fresh.csv)",
    args: ["predict"],
    expectedExit: 0,
    why:
      "the input passed data.schema's feature rules, score.mjs wrote one prediction per bird in the monitor's log " +
      "format, and the result is complete under scores/ (named by version and input fingerprint)",
  },
  {
    title: "Which version scored what",
    args: ["predict", "history"],
    expectedExit: 0,
    why: "the registry's scoring log: a second `mlops predict` on the same birds would score nothing",
  },
];

const io = { stdout: process.stdout, stderr: process.stderr, env: { ...process.env, ...signingEnv }, cwd: work, color };
const surprises: string[] = [];
const runSteps = async (part: readonly Step[]): Promise<void> => {
  for (const [index, step] of part.entries()) {
    console.log(bold(`\n[${index + 1}/${part.length}] ${step.title}`));
    console.log(`$ mlops ${step.args.map((arg) => (/[\s[\]]/.test(arg) ? `'${arg}'` : arg)).join(" ")}\n`);
    const exitCode = await main(step.args, io);
    if (step.why) console.log(`\n→ exit ${exitCode}: ${step.why}.`);
    if (step.summary) {
      const kept = path.join(work, "summaries", step.summary);
      await mkdir(path.dirname(kept), { recursive: true });
      await copyFile(path.join(work, ".mlops/out/gate.md"), kept);
      const charts = [...(await readFile(kept, "utf8")).matchAll(/^ {4}title "(.+)"$/gm)].map((m) => m[1]);
      console.log(
        `The gate's job summary, as GitHub would show it (with its charts: ${charts.join(", ") || "none"}): ${kept}`,
      );
      if (!charts.includes("ROC curve")) surprises.push(`step ${index + 1}'s summary has no ROC curve`);
      const html = kept.replace(/\.md$/, ".html");
      await copyFile(path.join(work, ".mlops/out", RUN_REPORT_FILE), html);
      console.log(`The run's HTML report, one file with its plots (open it in a browser): ${html}`);
    }
    if (exitCode !== step.expectedExit)
      surprises.push(`mlops ${step.args.join(" ")} exited ${exitCode}, expected ${step.expectedExit}`);
  }
};
await runSteps(steps);

// Every version the runs published, verified against the demo's public key: signature, manifest and each file.
const published = (await readdir(path.join(work, ".mlops/registry/penguins/versions"))).sort();
if (published.length === 0) surprises.push("no version was published");
await runSteps(
  published.map((version) => ({
    title: `Verify ${version}: signed by the demo key, manifest, files and attachments as signed`,
    args: ["verify", `penguins@${version}`],
    expectedExit: 0,
    why: "",
  })),
);

if (surprises.length > 0) {
  console.error(`\nThe demo did not go as expected: ${surprises.join("; ")}.`);
  process.exitCode = 1;
} else {
  console.log(bold("\nDone. Every stage ran for real; look around in the working copy, or run `npm test` next."));
}
