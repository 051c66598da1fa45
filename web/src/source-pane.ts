/**
 * The source pane: a text area for the Chinese original over its own highlight layer, built the
 * same way as the article's (text nodes only, the layer following the text area's scroll). It shows
 * at most a few marks: the open finding's source span, the source of the caret's sentence, and the
 * source sentences left out of the translation.
 */
import { h } from './dom.js';
import { sourceRuns, type SourceMark } from './source.js';

const LABEL: Record<SourceMark['kind'], string> = {
  finding: 'src-finding',
  aligned: 'src-aligned',
  unpaired: 'src-unpaired',
};

export class SourcePane {
  private shown = '';

  constructor(
    private readonly editor: HTMLTextAreaElement,
    private readonly layer: HTMLElement,
  ) {
    editor.addEventListener('scroll', () => {
      if (layer.scrollTop !== editor.scrollTop) layer.scrollTop = editor.scrollTop;
    });
    layer.addEventListener('scroll', () => {
      if (layer.scrollTop === editor.scrollTop) return;
      editor.scrollTop = layer.scrollTop;
      layer.scrollTop = editor.scrollTop;
    });
  }

  /** Draws the source with its marks (skipped when nothing changed). */
  render(text: string, marks: readonly SourceMark[]): void {
    const signature = `${marks.map((mark) => `${mark.kind}:${mark.start}:${mark.end}`).join(',')}|${text}`;
    if (signature === this.shown) return;
    this.shown = signature;
    const nodes: (Node | string)[] = [];
    for (const run of sourceRuns(text.length, marks)) {
      const slice = text.slice(run.start, run.end);
      if (run.kinds.length === 0) {
        nodes.push(slice);
        continue;
      }
      nodes.push(
        h(
          'mark',
          {
            class: run.kinds.map((kind) => LABEL[kind]).join(' '),
            'data-kinds': run.kinds.join(' '),
          },
          slice,
        ),
      );
    }
    // A space keeps the last line as tall as the text area shows it.
    nodes.push(' ');
    this.layer.replaceChildren(...nodes);
  }

  /** Scrolls the source so the first mark of a kind is in view (a third of the way down). */
  reveal(kind: SourceMark['kind'], smooth: boolean): void {
    const mark = this.layer.querySelector<HTMLElement>(`mark.${LABEL[kind]}`);
    if (!mark) return;
    const box = mark.getBoundingClientRect();
    const frame = this.editor.getBoundingClientRect();
    if (box.top >= frame.top + 12 && box.bottom <= frame.bottom - 12) return;
    this.editor.scrollTo({
      top: this.editor.scrollTop + (box.top - frame.top) - frame.height / 3,
      behavior: smooth ? 'smooth' : 'auto',
    });
  }
}
