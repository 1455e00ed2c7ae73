// Incremental preview: the backend sends the page as top-level blocks, each
// with a key that leaves out source positions. A block whose key is already
// on screen keeps its DOM node (only its position attribute is refreshed);
// only new or changed blocks are parsed and inserted. Typing in one
// paragraph therefore touches one paragraph, and the page neither flickers
// nor jumps.
import type { PreviewBlock } from "./bindings";

/// The first and last source line of a `data-sourcepos` value ("3:1-5:20").
export function sourceLines(value: string | null): { start: number; end: number } | null {
  const m = value ? /^(\d+):\d+-(\d+):\d+$/.exec(value) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

/// The `data-sourcepos` of a block's own (outermost) start tag.
export function leadingSourcepos(html: string): string | null {
  const tagEnd = html.indexOf(">");
  const m = / data-sourcepos="([^"]*)"/.exec(tagEnd < 0 ? html : html.slice(0, tagEnd));
  return m ? m[1] : null;
}

const keys = new WeakMap<Element, string>();
let template: HTMLTemplateElement | undefined;

function build(block: PreviewBlock): Element {
  template ??= document.createElement("template");
  template.innerHTML = block.html;
  const first = template.content.firstElementChild;
  // A block that is bare text (rare) still needs an element to hold it.
  const node = first && template.content.childNodes.length === 1 ? first : wrap(template.content);
  keys.set(node, block.key);
  return node;
}

function wrap(content: DocumentFragment): Element {
  const div = document.createElement("div");
  div.append(...content.childNodes);
  return div;
}

/// Makes `container`'s children match `blocks`, touching only what changed.
/// Returns how many blocks were built (new or changed).
export function patchBlocks(container: HTMLElement, blocks: readonly PreviewBlock[]): number {
  for (const node of [...container.childNodes]) {
    if (node.nodeType !== Node.ELEMENT_NODE || !keys.has(node as Element)) node.remove();
  }
  const pool = new Map<string, Element[]>();
  for (const el of container.children) {
    const key = keys.get(el)!;
    const same = pool.get(key);
    if (same) same.push(el);
    else pool.set(key, [el]);
  }

  let built = 0;
  blocks.forEach((block, i) => {
    let node = pool.get(block.key)?.shift();
    if (node) {
      const pos = leadingSourcepos(block.html);
      if (pos !== null && node.getAttribute("data-sourcepos") !== pos) node.setAttribute("data-sourcepos", pos);
    } else {
      node = build(block);
      built += 1;
    }
    const here = container.children[i] ?? null;
    if (here !== node) container.insertBefore(node, here);
  });
  while (container.children.length > blocks.length) container.lastElementChild!.remove();
  return built;
}
