import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type LoadedConfig, loadConfig } from "../config/load.ts";
import { detectRepository, detectTraining, type Git, type RepositoryInfo, type TrainingInfo } from "./detect.ts";
import type { KitRef } from "./kit-ref.ts";
import { type PlannedFile, plannedWorkflows, workflowOptionsFor } from "./plan.ts";
import { isUneditedWorkflow } from "./stamp.ts";
import type { WorkflowOptions } from "./workflows.ts";

/**
 * `mlops init --workflows` as data: the workflows regenerated from the mlops.yml on disk (through the real loader, so
 * a config that does not load stops it before anything is written), never touching mlops.yml. A workflow file that
 * init wrote and nobody edited since (./stamp.ts) is replaced; one edited by hand is kept unless forced.
 */

export interface RefreshRequest {
  cwd: string;
  /** --config: mlops.yml to read. */
  config: string;
  python?: string;
  node?: string;
  kit: KitRef;
  /** --force: replace edited workflow files too. */
  force: boolean;
}

export interface RefreshPlan {
  /** What will be written: new files, init's own unedited files, and (forced) edited ones. */
  files: PlannedFile[];
  /** Workflow files edited by hand since init wrote them (or written by hand): left as they are. */
  kept: PlannedFile[];
  loaded: LoadedConfig;
  repository: RepositoryInfo;
  training: TrainingInfo;
  workflowOptions: WorkflowOptions;
}

export async function planRefresh(request: RefreshRequest, git: Git): Promise<RefreshPlan> {
  const loaded = await loadConfig(request.config, request.cwd);
  const [repository, training] = await Promise.all([
    detectRepository(loaded.root, git),
    detectTraining(loaded.root, { python: request.python, node: request.node }),
  ]);
  const workflowOptions = workflowOptionsFor(loaded, repository, training, path.basename(loaded.file), request.kit);
  const files: PlannedFile[] = [];
  const kept: PlannedFile[] = [];
  for (const planned of plannedWorkflows(workflowOptions, repository)) {
    const edited =
      !request.force && existsSync(planned.file) && !isUneditedWorkflow(await readFile(planned.file, "utf8"));
    (edited ? kept : files).push(planned);
  }
  return { files, kept, loaded, repository, training, workflowOptions };
}
