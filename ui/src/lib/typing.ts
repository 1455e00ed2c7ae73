// The window's half of `type_body`: each keystroke stages the text for
// autosave and (when no preview is on its way) renders the preview, in one
// call. Once the backend holds the article's text, a keystroke carries only
// the editor's changes; if the backend's text is not the one they were made
// on (a call lost or overtaken), it answers "resend" and the keystroke is
// sent again with the whole text.
import type { ArticleId, BodyEdit, Preview, TextChange, Typed } from "./bindings";

export type TypeCall = (
  id: ArticleId,
  seq: number,
  base: string,
  edit: BodyEdit,
  since: number | null,
  render: boolean,
) => Promise<Typed>;

/// One keystroke: the text after it, and what changed.
export interface Keystroke {
  id: ArticleId;
  seq: number;
  base: string;
  text: string;
  edit: BodyEdit;
}

export class Keystrokes {
  // The newest edit sent for an article: the next one's changes apply to it.
  private chain: { id: ArticleId; seq: number; base: string; text: string } | null = null;

  constructor(private readonly call: TypeCall) {}

  /// The editor's text is no longer what was last sent (another article
  /// opened): the next keystroke sends the whole text.
  reset() {
    this.chain = null;
  }

  /// The keystroke for edit `seq`, as changes to the last one sent when
  /// there was one for this article.
  next(id: ArticleId, seq: number, base: string, text: string, changes: TextChange[] | null): Keystroke {
    const after = this.chain?.id === id ? this.chain.seq : null;
    this.chain = { id, seq, base, text };
    const edit: BodyEdit =
      after !== null && changes !== null
        ? { kind: "changes", after, length: text.length, changes }
        : { kind: "whole", body: text };
    return { id, seq, base, text, edit };
  }

  /// Sends a keystroke; its preview when `render` and the backend took it.
  async send(key: Keystroke, since: number | null, render: boolean): Promise<Preview | null> {
    let typed = await this.call(key.id, key.seq, key.base, key.edit, since, render);
    if (typed.kind === "resend") {
      typed = await this.call(key.id, key.seq, key.base, { kind: "whole", body: key.text }, since, render);
    }
    return typed.kind === "staged" ? typed.preview : null;
  }

  /// The preview of the newest text sent for `id`, without a new edit (the
  /// keystroke itself was sent while another preview was on its way).
  /// `null` when there is none or the backend does not hold it yet.
  async render(id: ArticleId, since: number | null): Promise<Preview | null> {
    const chain = this.chain;
    if (chain?.id !== id) return null;
    const same: BodyEdit = { kind: "changes", after: chain.seq, length: chain.text.length, changes: [] };
    const typed = await this.call(id, chain.seq, chain.base, same, since, true);
    return typed.kind === "staged" ? typed.preview : null;
  }
}

/// CodeMirror's changes as `type_body` takes them: positions in the text
/// before the change, in order.
export function changesOf(changes: {
  iterChanges(f: (fromA: number, toA: number, fromB: number, toB: number, inserted: { toString(): string }) => void): void;
}): TextChange[] {
  const out: TextChange[] = [];
  changes.iterChanges((from, to, _fromB, _toB, inserted) => out.push({ from, to, insert: inserted.toString() }));
  return out;
}
