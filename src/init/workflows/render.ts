import { Document, isScalar, type Node, Pair, Scalar, type ToStringOptions, YAMLMap, YAMLSeq } from "yaml";
import { Annotated, Note, type Workflow } from "./model.ts";

/**
 * Writes a workflow object as YAML with the `yaml` library's Document API: the library quotes every value that needs
 * it (a folder with `#`, a branch with `: `, a label with a comma), and the comments of the object (`Annotated`,
 * `Note`) go on the nodes they belong to, so the file reads like one written by hand.
 */
export function renderWorkflow(workflow: Workflow): string {
  const { header, ...body } = workflow;
  const document = new Document();
  const contents = build(body).node;
  // On the root mapping rather than the document: a document comment is followed by a blank line.
  contents.commentBefore = commentText(header);
  document.contents = contents;
  return document.toString(OUTPUT);
}

const OUTPUT: ToStringOptions = {
  // Never fold a long value (a description, an `if:`) onto a second line.
  lineWidth: 0,
  // An event with no filter is written `pull_request:`, as GitHub's docs write it, not `pull_request: null`.
  nullStr: "",
  // `[plan, leg]`, as prettier formats a flow list.
  flowCollectionPadding: false,
};

interface Built {
  node: Node;
  /** Comment lines for above the node: the caller puts them on the key (mapping) or the item (list). */
  above?: string;
}

function build(value: unknown): Built {
  if (value instanceof Annotated) return annotate(build(value.value), value.annotations);
  if (Array.isArray(value)) return { node: buildList(value) };
  if (value !== null && typeof value === "object") return { node: buildMapping(value) };
  return { node: new Scalar(value) };
}

function annotate(built: Built, annotations: Annotated<unknown>["annotations"]): Built {
  const { node } = built;
  if (annotations.after !== undefined) node.comment = commentText(annotations.after);
  if (annotations.doubleQuoted) {
    if (!isScalar(node)) throw new Error("only a scalar can be written double-quoted");
    node.type = Scalar.QUOTE_DOUBLE;
  }
  return { node, above: joinLines(built.above, annotations.above) };
}

function buildMapping(object: object): YAMLMap {
  const mapping = new YAMLMap();
  for (const [key, value] of Object.entries(object)) {
    // Optional keys left undefined are absent from the file.
    if (value === undefined) continue;
    const { node, above } = build(value);
    const keyNode = new Scalar(key);
    if (above !== undefined) keyNode.commentBefore = commentText(above);
    mapping.items.push(new Pair(keyNode, node));
  }
  return mapping;
}

function buildList(entries: unknown[]): YAMLSeq {
  const list = new YAMLSeq();
  let pendingNotes: string | undefined;
  for (const entry of entries) {
    if (entry instanceof Note) {
      pendingNotes = joinLines(pendingNotes, entry.text);
      continue;
    }
    const { node, above } = build(entry);
    const comment = joinLines(pendingNotes, above);
    if (comment !== undefined) node.commentBefore = commentText(comment);
    pendingNotes = undefined;
    list.items.push(node);
  }
  if (pendingNotes !== undefined) list.comment = commentText(pendingNotes);
  // A list of plain values reads best on one line (`needs: [plan, leg]`); a list of mappings (steps) as a block.
  list.flow =
    list.items.length > 0 &&
    list.items.every((item) => isScalar(item) && item.commentBefore === undefined && item.comment === undefined);
  return list;
}

function joinLines(first: string | undefined, second: string | undefined): string | undefined {
  if (first === undefined) return second;
  return second === undefined ? first : `${first}\n${second}`;
}

/** The library writes a comment as `#` + its text: a space after the `#` on every line. */
function commentText(text: string): string {
  return text
    .split("\n")
    .map((line) => ` ${line}`)
    .join("\n");
}
