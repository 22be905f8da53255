/**
 * Training in a Jupyter notebook (train.ipynb): how `mlops init` runs it and reads it. A notebook runs top to bottom
 * with nbclient's `jupyter execute`, in a Python kernel (ipykernel), and writes nothing beside itself; what its code
 * cells import and name is read from the cells, as a script's lines are.
 */

/** The command that runs a notebook headless, as a script runs: every cell in order, a failing cell fails it. */
export function notebookCommand(notebook: string): string {
  return `jupyter execute ${notebook}`;
}

/** The notebook a `jupyter execute <notebook.ipynb>` command runs, or null (any other command). */
export function notebookOfCommand(command: string): string | null {
  return /^jupyter\s+execute(?:\s+--\S+)*\s+([\w./-]+\.ipynb)(?:\s|$)/.exec(command.trim())?.[1] ?? null;
}

/**
 * The code cells' source of a notebook's JSON (nbformat 4: `cells[].cell_type` "code", `source` a string or a list of
 * lines), one cell after the other; null when the text is not such a notebook. Markdown cells are left out: a path in
 * prose is not one the code reads.
 */
export function notebookSource(text: string): string | null {
  let notebook: unknown;
  try {
    notebook = JSON.parse(text);
  } catch {
    return null;
  }
  const cells = (notebook as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(cells)) return null;
  const code: string[] = [];
  for (const cell of cells) {
    const { cell_type: type, source } = (cell ?? {}) as { cell_type?: unknown; source?: unknown };
    if (type !== "code") continue;
    if (typeof source === "string") code.push(source);
    else if (Array.isArray(source)) code.push(source.filter((line) => typeof line === "string").join(""));
  }
  return code.join("\n");
}

/** The code in a training script's text: a notebook's code cells (null when it is no notebook), any other file whole. */
export function scriptCode(script: string, text: string): string | null {
  return script.endsWith(".ipynb") ? notebookSource(text) : text;
}

/**
 * What a notebook needs installed besides its own imports: nbclient (for `jupyter execute`) and a kernel (ipykernel);
 * the `jupyter` package brings both, `notebook`, `jupyterlab` and `nbconvert` bring nbclient. Null when the
 * environment file names them, else the note that says what to add.
 */
export function notebookRunnerNote(
  notebooks: readonly string[],
  environmentFile: string | null,
  environment: string,
): string | null {
  const names = new Set(
    environment
      .toLowerCase()
      .split(/[^a-z0-9_.-]+/)
      .map((name) => name.replace(/_/g, "-")),
  );
  const runner = ["jupyter", "nbclient", "nbconvert", "notebook", "jupyterlab"].some((name) => names.has(name));
  const kernel = ["jupyter", "ipykernel", "notebook", "jupyterlab"].some((name) => names.has(name));
  if (runner && kernel) return null;
  const missing = [...(runner ? [] : ["nbclient"]), ...(kernel ? [] : ["ipykernel"])].join(" and ");
  const [subject, it] =
    notebooks.length === 1 ? [`${notebooks[0]} runs`, "it"] : [`${notebooks.join(" and ")} run`, "them"];
  const what = environmentFile
    ? `add ${missing} to ${environmentFile}`
    : `install ${missing} in the workflows' marked step`;
  return `${subject} with \`jupyter execute\`: ${what}, or the workflows cannot run ${it}`;
}
