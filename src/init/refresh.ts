import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { type LoadedConfig, loadConfig } from "../config/load.ts";
import { detectRepository, detectTraining, type Git, type RepositoryInfo, type TrainingInfo } from "./detect.ts";
import type { KitRef } from "./kit-ref.ts";
import { type PlannedFile, plannedWorkflows, workflowOptionsFor, writePlan } from "./plan.ts";
import { isUneditedWorkflow } from "./stamp.ts";
import { TEMPLATE_DEFAULTS, type WorkflowOptions } from "./workflows.ts";

/**
 * `mlops init --workflows` as data: the workflows regenerated from the mlops.yml on disk (through the real loader, so
 * a config that does not load stops it before anything is written), never touching mlops.yml. A workflow file that
 * init wrote and nobody edited since (./stamp.ts) is replaced; one edited by hand is kept unless forced. A workflow
 * mlops.yml no longer asks for (the retrain section removed) is deleted on the same terms.
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
  /** Init's own workflow files that mlops.yml no longer asks for: deleted by {@link applyRefresh}. */
  removed: string[];
  /** Workflow files mlops.yml no longer asks for, edited by hand: left as they are. */
  stale: string[];
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
  const edited = async (file: string): Promise<boolean> =>
    !request.force && existsSync(file) && !isUneditedWorkflow(await readFile(file, "utf8"));
  const planned = plannedWorkflows(workflowOptions, repository);
  for (const workflow of planned) ((await edited(workflow.file)) ? kept : files).push(workflow);

  const removed: string[] = [];
  const stale: string[] = [];
  const wanted = new Set(planned.map((f) => f.repoPath));
  // Every workflow init can write: the template defaults turn each optional one on.
  for (const workflow of plannedWorkflows(TEMPLATE_DEFAULTS, repository)) {
    if (wanted.has(workflow.repoPath) || !existsSync(workflow.file)) continue;
    ((await edited(workflow.file)) ? stale : removed).push(workflow.file);
  }
  return { files, kept, removed, stale, loaded, repository, training, workflowOptions };
}

/** Writes the planned files, then deletes init's own workflows that are no longer wanted. */
export async function applyRefresh(plan: RefreshPlan): Promise<void> {
  await writePlan(plan);
  for (const file of plan.removed) await rm(file, { force: true });
}
