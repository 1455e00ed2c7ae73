// Incremental preview: the backend sends the page as top-level blocks, each
// with a key that leaves out source positions. A block whose key is already
// on screen keeps its DOM node (only its position attribute is refreshed),
// and the backend does not even send its HTML again; only new or changed
// blocks are parsed and inserted. Typing in one paragraph therefore touches
// one paragraph, and the page neither flickers nor jumps.
import type { PreviewBlock } from "./bindings";

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

/// Makes `container`'s children match `blocks`, touching only what changed.
/// Returns how many blocks were built, or `null` when a block came without
/// HTML and no node on screen has its key: the caller must then ask for the
/// whole page (this only happens if the window and backend lost step).
export function patchBlocks(container: HTMLElement, blocks: readonly PreviewBlock[]): number | null {
  const pool = new Map<string, Element[]>();
  for (const el of container.children) {
    const key = keys.get(el);
    if (key === undefined) continue;
    const same = pool.get(key);
    if (same) same.push(el);
    else pool.set(key, [el]);
  }
  // Check first, so a page that cannot be completed is left as it was:
  // every block sent without HTML needs a node of its own on screen.
  const wanted = new Map<string, number>();
  for (const block of blocks) {
    if (block.html !== null) continue;
    const n = (wanted.get(block.key) ?? 0) + 1;
    if (n > (pool.get(block.key)?.length ?? 0)) return null;
    wanted.set(block.key, n);
  }
  for (const node of [...container.childNodes]) {
    if (node.nodeType !== Node.ELEMENT_NODE || !keys.has(node as Element)) node.remove();
  }

  let built = 0;
  blocks.forEach((block, i) => {
    // Reuse a node with this key, leaving enough for the blocks further
    // down that come without HTML (counted above).
    const spare = pool.get(block.key);
    const owed = wanted.get(block.key) ?? 0;
    let node: Element | undefined;
    if (block.html === null) {
      node = spare!.shift();
      wanted.set(block.key, owed - 1);
    } else if (spare && spare.length > owed) {
      node = spare.shift();
    }
    if (!node) {
      node = build(block.key, block.html!);
      built += 1;
    }
    if (node.getAttribute("data-sourcepos") !== block.pos) {
      if (block.pos) node.setAttribute("data-sourcepos", block.pos);
      else node.removeAttribute("data-sourcepos");
    }
    const here = container.children[i] ?? null;
    if (here !== node) container.insertBefore(node, here);
  });
  while (container.children.length > blocks.length) container.lastElementChild!.remove();
  return built;
}
