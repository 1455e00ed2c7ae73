// Incremental preview: the rendered HTML is compared block by block (the
// article's top-level elements) with what is on screen, and only blocks that
// changed are replaced. Source positions are left out of the comparison:
// typing a line shifts every later block's positions but not its content,
// so those blocks keep their DOM nodes and only get new position numbers.

const SOURCEPOS = / data-sourcepos="[^"]*"/g;

/// A block's identity for reuse: its HTML without source positions.
export function blockKey(outerHtml: string): string {
  return outerHtml.replace(SOURCEPOS, "");
}

/// The first and last source line of a `data-sourcepos` value ("3:1-5:20").
export function sourceLines(value: string | null): { start: number; end: number } | null {
  const m = value ? /^(\d+):\d+-(\d+):\d+$/.exec(value) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

const keys = new WeakMap<Element, string>();

/// Makes `container`'s children match `html`, touching only what changed.
/// Returns how many blocks were inserted (new or changed).
export function patchBlocks(container: HTMLElement, html: string): number {
  const template = document.createElement("template");
  template.innerHTML = html;
  const incoming = [...template.content.children];

  // Text between blocks is only the serialiser's newlines.
  for (const node of [...container.childNodes]) {
    if (node.nodeType !== Node.ELEMENT_NODE) node.remove();
  }
  const pool = new Map<string, Element[]>();
  for (const el of container.children) {
    const key = keys.get(el) ?? blockKey(el.outerHTML);
    const same = pool.get(key);
    if (same) same.push(el);
    else pool.set(key, [el]);
  }

  let inserted = 0;
  incoming.forEach((fresh, i) => {
    const key = blockKey(fresh.outerHTML);
    let node = pool.get(key)?.shift();
    if (node) {
      const pos = fresh.getAttribute("data-sourcepos");
      if (pos !== null && node.getAttribute("data-sourcepos") !== pos) node.setAttribute("data-sourcepos", pos);
    } else {
      node = fresh;
      keys.set(node, key);
      inserted += 1;
    }
    const here = container.children[i] ?? null;
    if (here !== node) container.insertBefore(node, here);
  });
  while (container.children.length > incoming.length) container.lastElementChild!.remove();
  return inserted;
}
