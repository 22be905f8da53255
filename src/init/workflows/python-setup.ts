import type { DvcRemote } from "../dvc.ts";
import type { PythonEnvironment } from "../python-env.ts";
import { pinned } from "./pinned.ts";
import { commentAbove, type ListWithNotes, note, type Step } from "./model.ts";
import type { DvcSetup } from "./options.ts";

/**
 * The steps that give training its Python environment, installed by the project's own tool and cached, and DVC with
 * its data.
 *
 * How training finds the environment: the kit's train and evaluate actions run the configured command themselves
 * (no login shell, no `activate`), so each installer that makes a virtual environment puts that environment's `bin`
 * first on PATH for the later steps (`$GITHUB_PATH`) and sets VIRTUAL_ENV or CONDA_PREFIX. mlops.yml then keeps the
 * plain command (`python train.py`, `dvc repro train`), which a user's `mlops run` runs in their own activated
 * environment too. Prefixing it instead (`uv run`, `poetry run`, `conda run -n`) would tie every local run to that
 * tool and an environment name, and would not reach the `python` a DVC stage starts.
 */

/** Steps for Python `version`, installing `environment` from `workingDirectory` (relative to the repository). */
export function pythonSetupSteps(
  version: string,
  environment: PythonEnvironment | undefined,
  workingDirectory: string,
): ListWithNotes<Step> {
  const folder = workingDirectory === "." ? undefined : workingDirectory;
  const inRepository = (file: string): string => (folder ? `${folder}/${file}` : file);
  const install = (tool: string, run: string[]): Step => ({
    name: `Install the training dependencies (${tool})`,
    "working-directory": folder,
    run: run.length === 1 ? run[0] : [...run, ""].join("\n"),
  });
  const setupPython = (cache?: "pip" | "pipenv" | "poetry", dependencyFile?: string): Step => ({
    uses: pinned("setupPython"),
    with: {
      "python-version": version,
      ...(cache && dependencyFile ? { cache, "cache-dependency-path": inRepository(dependencyFile) } : {}),
    },
  });
  // An environment's bin folder first on PATH for every later step, the kit's actions included (see above).
  const onPath = (bin: string, variable: "VIRTUAL_ENV" | "CONDA_PREFIX", prefix: string): string[] => [
    `echo "${bin}" >> "$GITHUB_PATH"`,
    `echo "${variable}=${prefix}" >> "$GITHUB_ENV"`,
  ];

  if (environment === undefined) {
    return [
      setupPython(),
      note(
        "No requirements.txt, pyproject.toml, Pipfile or environment.yml was found: install what training needs here.",
      ),
    ];
  }
  const lockfile = environment.lockfile;
  switch (environment.installer) {
    case "pip":
      return [
        setupPython("pip", environment.file),
        environment.file === "requirements.txt"
          ? install("pip", ["pip install -r requirements.txt"])
          : // Editable: the code that trains is the checkout's, the files the run cache key hashes.
            install("pip", ["pip install -e ."]),
      ];
    case "uv":
      return [
        setupPython(),
        { uses: pinned("setupUv"), with: { "enable-cache": true, ...(folder ? { "working-directory": folder } : {}) } },
        install("uv", [
          `uv sync${lockfile ? " --locked" : ""} --python "$(command -v python)"`,
          ...onPath("$PWD/.venv/bin", "VIRTUAL_ENV", "$PWD/.venv"),
        ]),
      ];
    case "poetry":
      return [
        // setup-python's poetry cache asks poetry where its cache is: poetry comes first.
        { name: "Install Poetry", run: "pipx install poetry" },
        setupPython("poetry", lockfile ?? environment.file),
        install("Poetry", [
          "poetry env use python",
          "poetry install --no-interaction",
          ...onPath("$(poetry env info --path)/bin", "VIRTUAL_ENV", "$(poetry env info --path)"),
        ]),
      ];
    case "pipenv":
      return [
        { name: "Install Pipenv", run: "pipx install pipenv" },
        setupPython("pipenv", lockfile ?? environment.file),
        install("Pipenv", [
          // --deploy: a Pipfile.lock out of date with the Pipfile fails here rather than training on other versions.
          `pipenv install --dev${lockfile ? " --deploy" : ""} --python "$(command -v python)"`,
          ...onPath("$(pipenv --venv)/bin", "VIRTUAL_ENV", "$(pipenv --venv)"),
        ]),
      ];
    case "conda":
      // The runner's own conda ($CONDA) makes the environment; the file names its Python, so no setup-python.
      return [
        {
          name: "Cache conda's downloads",
          uses: pinned("cache"),
          with: {
            path: "~/conda_pkgs_dir",
            key: `conda-\${{ runner.os }}-\${{ hashFiles('${inRepository(environment.file)}') }}`,
          },
        },
        // Accepting Anaconda's terms is the user's choice, not the kit's: the comment names both ways.
        commentAbove(
          [
            "Anaconda's defaults channel needs its Terms of Service accepted: list conda-forge and nodefaults under",
            "channels in the environment file, or accept them with CONDA_PLUGINS_AUTO_ACCEPT_TOS: yes in this step's env.",
          ].join("\n"),
          install("conda", [
            'export CONDA_PKGS_DIRS="$HOME/conda_pkgs_dir"',
            `"$CONDA/bin/conda" env create --quiet --file ${environment.file} --prefix "$RUNNER_TEMP/conda-env"`,
            ...onPath("$RUNNER_TEMP/conda-env/bin", "CONDA_PREFIX", "$RUNNER_TEMP/conda-env"),
          ]),
        ),
      ];
  }
}

/** Installs DVC with its remote's extra, and pulls the tracked data before training when a remote is configured. */
export function dvcSteps(dvc: DvcSetup, workingDirectory: string): ListWithNotes<Step> {
  const folder = workingDirectory === "." ? undefined : workingDirectory;
  const extra = dvc.remote?.extra;
  const steps: ListWithNotes<Step> = [
    // pipx: DVC in its own environment, so it neither needs nor changes the training dependencies.
    { name: "Install DVC", run: `pipx install "dvc${extra ? `[${extra}]` : ""}"` },
  ];
  if (dvc.remote) {
    steps.push(
      commentAbove(
        [
          `DVC remote "${dvc.remote.name}" (${dvc.remote.type}) needs ${remoteCredentials(dvc.remote)}`,
          "Pull requests from forks get no secrets and no OIDC token.",
        ].join("\n"),
        { name: "Fetch the data DVC tracks (dvc pull)", "working-directory": folder, run: "dvc pull" },
      ),
    );
  }
  return steps;
}

/** What a runner needs to read a DVC remote of this type. Pull requests from forks get no secrets and no OIDC token. */
function remoteCredentials(remote: DvcRemote): string {
  switch (remote.type) {
    case "s3":
      return [
        "AWS credentials: a role assumed by OIDC before this step (as for an S3 registry)",
        "that may read the bucket, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from secrets in this step's env.",
      ].join("\n");
    case "gs":
    case "gcs":
      return [
        "Google Cloud credentials: google-github-actions/auth by OIDC (workload identity",
        "federation) before this step, or GOOGLE_APPLICATION_CREDENTIALS.",
      ].join("\n");
    case "azure":
      return [
        "Azure credentials: AZURE_STORAGE_CONNECTION_STRING from a secret in this step's env,",
        "or azure/login by OIDC before it.",
      ].join("\n");
    case "gdrive":
      return "a service account: GDRIVE_CREDENTIALS_DATA from a secret in this step's env.";
    case "ssh":
      return "an SSH key for the host, from a secret, written to ~/.ssh before this step.";
    case "http":
    case "https":
    case "webdav":
    case "webdavs":
      return [
        "nothing when its URL is public; otherwise a user and password from secrets",
        "(`dvc remote modify --local <name> user|password ...` in a step before this one).",
      ].join("\n");
    default:
      return `the credentials DVC's docs name for ${remote.type} remotes, from secrets in this step's env.`;
  }
}
