/**
 * Third-party actions the workflow templates use, pinned to full commit SHAs with the version they are (STYLE.md,
 * PLATFORM.md "Pull requests, checks, security"). Each SHA was checked against several independent public
 * repositories that pin the same release. Update them together, and keep the version comment true.
 */
export const PINNED = {
  checkout: "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2",
  setupNode: "actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0",
  setupPython: "actions/setup-python@ece7cb06caefa5fff74198d8649806c4678c61a1 # v6.3.0",
  uploadArtifact: "actions/upload-artifact@043fb46d1a93c77aae656e7c1c64a875d1fc6a0a # v7.0.1",
  downloadArtifact: "actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1",
  /** Caches conda's package downloads (keyed on the environment file); the conda environment itself is not cached. */
  cache: "actions/cache@9255dc7a253b0ccc959486e2bca901246202afeb # v5.0.1",
  /** Installs uv and caches its downloads for uv projects (uv.lock or [tool.uv]). */
  setupUv: "astral-sh/setup-uv@08807647e7069bb48b6ef5acd8ec9567f424441b # v8.1.0",
  /** GitHub's build-provenance attestation (Sigstore-signed, stored by GitHub) of each published manifest. */
  attestBuildProvenance: "actions/attest-build-provenance@a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32 # v4.1.0",
  awsCredentials: "aws-actions/configure-aws-credentials@a03048d87541d1d9fcf2ecf528a4a65ba9bd7838 # v5.0.0",
} as const;

/**
 * Our own actions and reusable workflows, in the kit's repository. They are pinned like any other action, to the
 * commit of the kit `mlops init` runs from (src/init/kit-ref.ts, `KitActions` in workflows/options.ts).
 */
export const KIT_REPOSITORY = "mlops-kit/mlops-kit";
export const KIT_ACTIONS = `${KIT_REPOSITORY}/actions`;
export const KIT_WORKFLOWS = `${KIT_REPOSITORY}/.github/workflows`;
