import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { main } from "../src/cli/main.ts";
import { Random } from "../src/gate/significance/random.ts";
import { startFakeGitHub } from "../test/helpers/github-server.ts";

/**
 * `npm run demo:deploy`: governed delivery on examples/penguins, offline. GitHub is the kit's local stand-in for
 * api.github.com (the one the tests use: deployments, environments, run approvals, issues), reached through the real
 * Octokit; each `mlops` step runs as the job of a workflow run would, with the run's id and token.
 *
 * The walk: `mlops run` publishes v1 (nothing is promoted by publish: deploy targets own the aliases); alice approves
 * the production deploy, which makes v1 champion, and v1 also starts as the canary. v2 passes the offline gate but ships
 * with a serving config that sends body mass in kilograms: its canary serves three hours beside the champion (both
 * scored on every request, the champion in shadow), the judge finds drift, data-quality errors and an accuracy loss
 * against the champion on the same requests, and rolls the canary back to v1 by deploying it again; the deploy issue
 * says why. v3 serves its canary cleanly, passes, and bob approves its production deploy. `mlops models history`
 * shows every move with its approval and deployment; the stand-in's deployments show their statuses.
 */

const root = path.resolve(import.meta.dirname, "..");
const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
const bold = (text: string): string => (color ? `\u001b[1m${text}\u001b[0m` : text);
const run = promisify(execFile);

const REPOSITORY = "penguin-lab/penguins";
const TOKEN = "ghs_demo_deploy";
const HOUR = 3_600_000;
const BAKE_HOURS = 3;
const FEATURES = ["species", "island", "beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g"];
const CANARY_LOG = [
  "timestamp",
  "request_id",
  ...FEATURES,
  "prediction",
  "score",
  "champion_prediction",
  "champion_score",
  "latency_ms",
];

/** The deploy command of both targets: "ships" the version to the serving folder the simulated serving process reads. */
const DEPLOY_COMMAND = `import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
const { MLOPS_ALIAS: alias, MLOPS_VERSION: version, MLOPS_MODEL_DIR: files } = process.env;
// A release may carry serving settings of its own (releases/<version>.json); by default body mass is in grams.
const settings = existsSync(\`releases/\${version}.json\`) ? JSON.parse(await readFile(\`releases/\${version}.json\`, "utf8")) : {};
await rm(\`serving/\${alias}\`, { recursive: true, force: true });
await mkdir(\`serving/\${alias}\`, { recursive: true });
await cp(\`\${files}/model\`, \`serving/\${alias}/model\`, { recursive: true });
await writeFile(\`serving/\${alias}/release.json\`, JSON.stringify({ version, body_mass_unit: settings.body_mass_unit ?? "g" }));
console.log(\`serving \${version} as \${alias}\`);
console.log(\`environment_url=https://penguins.example.com/\${alias}\`);
`;

const DEPLOY_SECTION = `
# Governed delivery (docs/delivery.md): only a target's deploy job moves its alias, approved in its GitHub Environment.
deploy:
  targets:
    canary: { alias: canary, environment: canary, command: node deploy-serving.mjs }
    production: { alias: champion, environment: production, command: node deploy-serving.mjs }
  canary:
    target: canary
    promote_to: production
    bake: ${BAKE_HOURS}h
    window: hour
    logs: logs/canary/*.csv
    shadow: { prediction: champion_prediction, score: champion_score }
    rules:
      - { metric: rows, min: 20, description: The canary serves. }
      - { metric: quality_errors, max: 0, description: What it is sent obeys data.schema. }
      - { metric: drift_share, max: 0.2, description: At most one feature drifted from its training data. }
      - { metric: accuracy, max_regression: 0.03, significance: 0.95, description: No real loss against the champion on the same requests. }
`;

const work = await mkdtemp(path.join(os.tmpdir(), "mlops-kit-demo-deploy-"));
await cp(path.join(root, "examples/penguins"), work, {
  recursive: true,
  filter: (source) => !/[/\\](\.mlops|model|predictions\.csv|logs|labels|serving)$/.test(source),
});
const config = await readFile(path.join(work, "mlops.yml"), "utf8");
if (!config.includes("publish: { promote: champion }"))
  throw new Error("examples/penguins/mlops.yml changed: update the demo");
await writeFile(
  path.join(work, "mlops.yml"),
  config.replace("publish: { promote: champion }", "publish: { promote: false }") + DEPLOY_SECTION,
);
await writeFile(path.join(work, "deploy-serving.mjs"), DEPLOY_COMMAND);

const github = await startFakeGitHub({
  repositories: {
    [REPOSITORY]: {
      visibility: "public",
      environments: { production: { reviewers: ["alice", "bob"], preventSelfReview: true }, canary: {} },
    },
  },
});
const sha = await headOf(github.url);

console.log(bold("mlops-kit demo: publish → approve → canary → an automatic rollback → a good canary promoted"));
console.log(`Working copy: ${work}\nGitHub: the local stand-in at ${github.url} (repository ${REPOSITORY})\n`);

const surprises: string[] = [];
let step = 0;
const STEPS = 11;
let runId = 100;

/** `mlops <args>`; with `asJob`, as a step of a new workflow run on main (its id, token, commit and actor). */
async function mlops(title: string, args: string[], expectedExit: number, why: string, asJob?: { actor: string }) {
  step += 1;
  console.log(bold(`\n[${step}/${STEPS}] ${title}`));
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (asJob) {
    runId += 1;
    Object.assign(env, {
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_TOKEN: TOKEN,
      GITHUB_SHA: sha,
      GITHUB_REF: "refs/heads/main",
      GITHUB_RUN_ID: String(runId),
      GITHUB_ACTOR: asJob.actor,
      GITHUB_EVENT_NAME: "push",
    });
    console.log(`(as a job of workflow run ${runId} on main, started by ${asJob.actor})`);
  }
  console.log(`$ mlops ${args.map((arg) => (/[\s[\]]/.test(arg) ? `'${arg}'` : arg)).join(" ")}\n`);
  const exitCode = await main(args, { stdout: process.stdout, stderr: process.stderr, env, cwd: work, color });
  if (why) console.log(`\n→ exit ${exitCode}: ${why}.`);
  if (exitCode !== expectedExit) surprises.push(`step ${step} exited ${exitCode}, expected ${expectedExit}`);
  return exitCode;
}

/** The run's reviews, as GitHub records them when a required reviewer approves the waiting job. */
function approve(user: string, comment: string, environment: string): void {
  github.setRunApprovals(REPOSITORY, runId + 1, [{ user, comment, state: "approved", environments: [environment] }]);
  console.log(`\n${user} approves the job waiting in the "${environment}" environment: "${comment}"`);
}

async function publish(title: string, set: string[]): Promise<string> {
  await mlops(
    title,
    ["run", ...set.flatMap((s) => ["--set", s])],
    0,
    "published; no alias moved (publish.promote is false)",
  );
  const published = JSON.parse(await readFile(path.join(work, ".mlops/out/publish.json"), "utf8")) as {
    version: string;
  };
  return published.version;
}

const random = new Random(2027);
const uniform = (): number => (random.nextUint32() + 0.5) / 4294967296;
type Penguin = Record<string, string>;

async function readCsv(file: string): Promise<Penguin[]> {
  const [header = "", ...lines] = (await readFile(path.join(work, file), "utf8")).trimEnd().split("\n");
  const columns = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i] ?? "", v])));
}
const csv = (columns: string[], rows: string[][]): string => [columns, ...rows].map((r) => `${r.join(",")}\n`).join("");

/**
 * Three hours of serving from `start`: every request scored by the canary (with its release's body-mass unit) and by
 * the champion in shadow, logged to logs/canary/<hour>.csv; each bird's true sex arrives the same day.
 */
async function serveCanary(deployedAt: number, population: readonly Penguin[]): Promise<number> {
  // From the next full hour: the hourly windows then hold the same requests whatever the clock says, so the demo's
  // verdicts are the same on every run (the requests are drawn from a seeded generator).
  const start = Math.ceil(deployedAt / HOUR) * HOUR;
  const release = JSON.parse(await readFile(path.join(work, "serving/canary/release.json"), "utf8")) as {
    version: string;
    body_mass_unit: string;
  };
  const birds = Array.from({ length: 240 }, () => population[Math.floor(uniform() * population.length)] ?? {});
  const times = birds.map(() => start + Math.floor(uniform() * BAKE_HOURS * HOUR)).sort((a, b) => a - b);
  const sent = birds.map((bird) =>
    release.body_mass_unit === "kg" ? { ...bird, body_mass_g: String(Number(bird.body_mass_g) / 1000) } : bird,
  );
  await mkdir(path.join(work, "serving/requests"), { recursive: true });
  const score = async (alias: string, requests: Penguin[]): Promise<Penguin[]> => {
    const input = `serving/requests/${alias}.csv`;
    const output = `serving/requests/${alias}-scored.csv`;
    await writeFile(
      path.join(work, input),
      csv(
        FEATURES,
        requests.map((r) => FEATURES.map((f) => r[f] ?? "")),
      ),
    );
    await run(
      process.execPath,
      ["predict.mjs", "--model", `serving/${alias}/model`, "--data", input, "--out", output],
      {
        cwd: work,
      },
    );
    return readCsv(output);
  };
  const canary = await score("canary", sent);
  const champion = await score("champion", birds);
  const hours = new Map<string, string[][]>();
  const labels = new Map<string, string[][]>();
  birds.forEach((bird, i) => {
    const at = new Date(times[i] ?? start).toISOString();
    const id = `${release.version.slice(-6)}-${String(i + 1).padStart(4, "0")}`;
    const row = [
      at,
      id,
      ...FEATURES.map((f) => sent[i]?.[f] ?? ""),
      canary[i]?.prediction ?? "",
      canary[i]?.score ?? "",
      champion[i]?.prediction ?? "",
      champion[i]?.score ?? "",
      (15 + 10 * uniform()).toFixed(1),
    ];
    hours.set(at.slice(0, 13), [...(hours.get(at.slice(0, 13)) ?? []), row]);
    labels.set(at.slice(0, 10), [...(labels.get(at.slice(0, 10)) ?? []), [id, bird.sex ?? ""]]);
  });
  await mkdir(path.join(work, "logs/canary"), { recursive: true });
  await mkdir(path.join(work, "labels"), { recursive: true });
  for (const [hour, rows] of hours) await writeFile(path.join(work, `logs/canary/${hour}.csv`), csv(CANARY_LOG, rows));
  for (const [date, rows] of labels) {
    const file = path.join(work, `labels/${date}.csv`);
    const before = await readFile(file, "utf8").catch(() => "request_id,sex\n");
    await writeFile(file, before + rows.map((r) => `${r.join(",")}\n`).join(""));
  }
  console.log(
    `Served ${birds.length} requests over ${BAKE_HOURS} hours on the canary (${release.version}, body mass in ${release.body_mass_unit}), ` +
      `the champion scoring each in shadow: logs/canary/*.csv; their labels in labels/.`,
  );
  return start + BAKE_HOURS * HOUR;
}

/** When the canary alias last moved: its bake starts there. */
async function canaryDeployedAt(): Promise<number> {
  const last = (await readHistory()).filter((move) => move.alias === "canary").at(-1);
  if (!last) throw new Error("the canary alias never moved");
  return Date.parse(last.at);
}

async function readHistory(): Promise<{ alias: string; at: string }[]> {
  let out = "";
  const capture = { write: (chunk: string) => ((out += chunk), true) };
  await main(["models", "history", "--json"], {
    stdout: capture,
    stderr: process.stderr,
    env: process.env,
    cwd: work,
    color: false,
  });
  return (JSON.parse(out) as { events: { alias: string; at: string }[] }).events;
}

const population = [...(await readCsv("data/train.csv")), ...(await readCsv("data/eval.csv"))];
const FEATURES_SET = `features=[${FEATURES.slice(2).join(", ")}, species, island]`;

const v1 = await publish("Train and publish v1", [FEATURES_SET, "epochs=1000"]);
approve("alice", "v1 reviewed: accuracy and slices look right", "production");
await mlops(
  "Deploy v1 to production: the job waits in the production environment until a reviewer approves",
  ["deploy", "production", "--version", v1],
  0,
  "alice's approval is read from the run's approvals API and kept in champion's history",
  { actor: "carol" },
);
await mlops(
  "v1 is the canary too, until a candidate comes",
  ["deploy", "canary", "--version", v1],
  0,
  "the canary environment has no required reviewers",
  { actor: "carol" },
);

const v2 = await publish("Train and publish v2: more epochs", [FEATURES_SET, "epochs=1500"]);
await mkdir(path.join(work, "releases"), { recursive: true });
await writeFile(path.join(work, `releases/${v2}.json`), JSON.stringify({ body_mass_unit: "kg" }));
console.log(
  `\nv2's release ships a serving config with body mass in kilograms (releases/${v2}.json): a train/serve skew the offline gate cannot see.`,
);
await mlops("Deploy v2 as the canary", ["deploy", "canary", "--version", v2], 0, "v2 serves a share of the traffic", {
  actor: "carol",
});
const firstStart = await canaryDeployedAt();
const firstServed = await serveCanary(firstStart, population);
await mlops(
  `Judge the canary after its ${BAKE_HOURS}-hour bake`,
  ["canary", "--now", new Date(firstServed + 60_000).toISOString()],
  1,
  "the expected outcome: body mass in kilograms breaks data.schema's minimum and drifts, and against the champion on the same requests the accuracy loss is real; the canary was rolled back to v1 by deploying it again, and the deploy issue says why",
  { actor: "carol" },
);

await rm(path.join(work, "logs/canary"), { recursive: true, force: true });
const v3 = await publish("Train and publish v3: more epochs, with the serving config fixed", [
  FEATURES_SET,
  "epochs=2000",
]);
await mlops("Deploy v3 as the canary", ["deploy", "canary", "--version", v3], 0, "", { actor: "carol" });
const secondStart = await canaryDeployedAt();
const secondServed = await serveCanary(secondStart, population);
await mlops(
  `Judge the canary after its ${BAKE_HOURS}-hour bake`,
  ["canary", "--now", new Date(secondServed + 60_000).toISOString()],
  0,
  "v3 passes: no drift, no errors, no real loss against the champion; in the workflow the production job runs next",
  { actor: "carol" },
);
approve("bob", "canary passed; ship it", "production");
await mlops("Deploy v3 to production", ["deploy", "production", "--version", v3], 0, "bob approved; v3 is champion", {
  actor: "carol",
});

await mlops("The alias history: every move, who approved it, its deployment", ["models", "history"], 0, "");
console.log(bold("\nThe repository's deployments (GitHub's Environments page shows the newest of each):"));
for (const deployment of github.deployments(REPOSITORY)) {
  const version = typeof deployment.payload === "string" ? "" : String(deployment.payload.version);
  const states = deployment.statuses.map((s) => s.state).join(" → ");
  console.log(`#${deployment.id} ${deployment.environment.padEnd(10)} ${version.padEnd(28)} ${states}`);
}
const issues = github.issues.filter((issue) => issue.body.includes("mlops-kit:deploy:"));
for (const issue of issues) {
  console.log(
    bold(`\nThe deploy issue #${issue.number}, "${issue.title}": `) +
      `opened when the canary was rolled back, ${issue.state === "closed" ? "closed by v3's good canary deploy" : "still open"}.`,
  );
}

await github.stop();
if (surprises.length > 0) {
  console.error(`\nThe demo did not go as expected: ${surprises.join("; ")}.`);
  process.exitCode = 1;
} else {
  console.log(bold(`\nDone. Look around in the working copy: serving/, logs/canary/, .mlops/out/, .mlops/registry.`));
}

/** The commit the stand-in repository's main branch is at (deployments are of a commit the repository has). */
async function headOf(api: string): Promise<string> {
  const response = await fetch(`${api}/repos/${REPOSITORY}/git/ref/heads/main`, {
    headers: { authorization: `token ${TOKEN}`, accept: "application/vnd.github+json" },
  });
  const body = (await response.json()) as { object?: { sha?: string } };
  if (!body.object?.sha) throw new Error(`the stand-in has no main branch for ${REPOSITORY}`);
  return body.object.sha;
}
