// Incremental preview: the backend sends the page as top-level blocks, each
// with a key that leaves out source positions. A block whose key is already
// on screen keeps its DOM node (only its position attribute is refreshed),
// and the backend does not even send its HTML again; only new or changed
// blocks are parsed and inserted. Typing in one paragraph therefore touches
// one paragraph, and the page neither flickers nor jumps.
import type { PreviewBlock, PreviewSplice } from "./bindings";

/// The first and last source line of a `data-sourcepos` value ("3:1-5:20").
export function sourceLines(value: string | null): { start: number; end: number } | null {
  const m = value ? /^(\d+):\d+-(\d+):\d+$/.exec(value) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

const keys = new WeakMap<Element, string>();
let template: HTMLTemplateElement | undefined;

function build(key: string, html: string): Element {
  template ??= document.createElement("template");
  template.innerHTML = html;
  const first = template.content.firstElementChild;
  // A block that is bare text (rare) still needs an element to hold it.
  const node = first && template.content.childNodes.length === 1 ? first : wrap(template.content);
  keys.set(node, key);
  return node;
}

function wrap(content: DocumentFragment): Element {
  const div = document.createElement("div");
  div.append(...content.childNodes);
  return div;
}

/// The page the preview shows, and how it came from the page before it
/// when the backend sent only what changed (`Preview::splice`): the window
/// then patches that part alone.
export interface PreviewPage {
  blocks: readonly PreviewBlock[];
  change: { splice: PreviewSplice; blocks: readonly PreviewBlock[] } | null;
}

/// A `data-sourcepos` value moved `by` lines (the backend's `shift_pos`).
export function shiftPos(pos: string, by: number): string {
  const m = by === 0 ? null : /^(\d+):(\d+)-(\d+):(\d+)$/.exec(pos);
  return m ? `${Number(m[1]) + by}:${m[2]}-${Number(m[3]) + by}:${m[4]}` : pos;
}

/// The page `blocks` make of `page` as `splice` says, or `null` when
/// `page` is not the one the splice was made against.
export function splicePage(
  page: readonly PreviewBlock[],
  splice: PreviewSplice,
  blocks: readonly PreviewBlock[],
): PreviewBlock[] | null {
  const { head, tail, shift, length } = splice;
  if (page.length !== length || head + tail > length) return null;
  const kept = page.slice(length - tail);
  return [...page.slice(0, head), ...blocks, ...(shift === 0 ? kept : kept.map((b) => ({ ...b, pos: shiftPos(b.pos, shift) })))];
}

type Pool = Map<string, Element[]>;

function poolOf(nodes: Iterable<Element>): Pool {
  const pool: Pool = new Map();
  for (const el of nodes) {
    const key = keys.get(el);
    if (key === undefined) continue;
    const same = pool.get(key);
    if (same) same.push(el);
    else pool.set(key, [el]);
  }
  return pool;
}

/// How many blocks of each key come without HTML, or `null` when `pool`
/// cannot give each of them a node of its own. Checked before anything
/// moves, so a page that cannot be completed is left as it was.
function owed(blocks: readonly PreviewBlock[], pool: Pool): Map<string, number> | null {
  const wanted = new Map<string, number>();
  for (const block of blocks) {
    if (block.html !== null) continue;
    const n = (wanted.get(block.key) ?? 0) + 1;
    if (n > (pool.get(block.key)?.length ?? 0)) return null;
    wanted.set(block.key, n);
  }
  return wanted;
}

/// Puts `blocks` in `container` from child `start` on, reusing nodes from
/// `pool`; returns how many were built.
function place(container: HTMLElement, blocks: readonly PreviewBlock[], start: number, pool: Pool, wanted: Map<string, number>): number {
  let built = 0;
  blocks.forEach((block, i) => {
    // Reuse a node with this key, leaving enough for the blocks further
    // down that come without HTML (counted above).
    const spare = pool.get(block.key);
    const due = wanted.get(block.key) ?? 0;
    let node: Element | undefined;
    if (block.html === null) {
      node = spare!.shift();
      wanted.set(block.key, due - 1);
    } else if (spare && spare.length > due) {
      node = spare.shift();
    }
    if (!node) {
      node = build(block.key, block.html!);
      built += 1;
    }
    setPos(node, block.pos);
    const here = container.children[start + i] ?? null;
    if (here !== node) container.insertBefore(node, here);
  });
  return built;
}

function setPos(node: Element, pos: string) {
  if (node.getAttribute("data-sourcepos") === pos) return;
  if (pos) node.setAttribute("data-sourcepos", pos);
  else node.removeAttribute("data-sourcepos");
}

/// Makes `container`'s children match `blocks`, touching only what changed.
/// Returns how many blocks were built, or `null` when a block came without
/// HTML and no node on screen has its key: the caller must then ask for the
/// whole page (this only happens if the window and backend lost step).
export function patchBlocks(container: HTMLElement, blocks: readonly PreviewBlock[]): number | null {
  const pool = poolOf(container.children);
  const wanted = owed(blocks, pool);
  if (wanted === null) return null;
  for (const node of [...container.childNodes]) {
    if (node.nodeType !== Node.ELEMENT_NODE || !keys.has(node as Element)) node.remove();
  }
  const built = place(container, blocks, 0, pool, wanted);
  while (container.children.length > blocks.length) container.lastElementChild!.remove();
  return built;
}

/// Replaces the part of the page `splice` names with `blocks`, leaving the
/// blocks before and after it alone (only their positions move when lines
/// were added or removed above them): a keystroke touches one paragraph,
/// not the 1,400 blocks of a 100,000-word page. `null`, with nothing
/// changed, when the page on screen is not the one the splice was made
/// against: the caller patches the whole page instead.
export function patchSplice(container: HTMLElement, splice: PreviewSplice, blocks: readonly PreviewBlock[]): number | null {
  const { head, tail, shift, length } = splice;
  const children = container.children;
  if (children.length !== length || head + tail > length) return null;
  const replaced = Array.prototype.slice.call(children, head, length - tail) as Element[];
  if (replaced.some((el) => !keys.has(el))) return null;
  const pool = poolOf(replaced);
  const wanted = owed(blocks, pool);
  if (wanted === null) return null;
  const built = place(container, blocks, head, pool, wanted);
  // What is left of the replaced part now sits between the new blocks and
  // the kept tail.
  const end = head + blocks.length;
  while (children.length > end + tail) children[end].remove();
  if (shift !== 0) {
    for (let i = end; i < children.length; i++) setPos(children[i], shiftPos(children[i].getAttribute("data-sourcepos") ?? "", shift));
  }
  return built;
}
