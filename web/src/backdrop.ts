/**
 * The highlight layer: a copy of the article, same font and wrapping, laid under the transparent
 * text area. Its text is invisible; only the marks' colours and underlines show through, so the
 * editor types in a plain text area while defects appear in place.
 *
 * The copy is one block per line of the text. A keystroke redraws only the lines it touched (the
 * highlights after it keep their place relative to their line), and a new answer from the service
 * redraws only the lines whose highlights changed: a long article never lays out again as a whole.
 */
import type { Diagnostic } from './api-types.js';
import type { Change } from './edits.js';
import { h } from './dom.js';
import { isWide, toRuns } from './highlights.js';

export interface Item extends Diagnostic {
  /** Stable while the text shifts around it; new for each lint answer. */
  key: number;
}

export class Backdrop {
  private text = '';
  /** Offset where each line starts; line i runs to lineStarts[i + 1] - 1 (its line break). */
  private starts: number[] = [0];
  private blocks: HTMLElement[] = [];
  /** What each block shows, to skip the blocks a new answer leaves as they were. */
  private signatures: string[] = [];
  private activeKey: number | undefined;

  constructor(private readonly root: HTMLElement) {}

  /** Draws the text with its highlights, replacing only the lines that differ from what is shown. */
  render(text: string, items: readonly Item[], activeKey: number | undefined): void {
    const lines = text.split('\n');
    const starts: number[] = [];
    let at = 0;
    for (const line of lines) {
      starts.push(at);
      at += line.length + 1;
    }
    const buckets = bucketByLine(items, starts, text.length);
    const blocks: HTMLElement[] = [];
    const signatures: string[] = [];
    const reusable = new Map<string, HTMLElement[]>();
    this.signatures.forEach((signature, index) => {
      const list = reusable.get(signature) ?? [];
      list.push(this.blocks[index]!);
      reusable.set(signature, list);
    });
    lines.forEach((line, index) => {
      const last = index === lines.length - 1;
      const lineItems = buckets[index] ?? [];
      const signature = signatureOf(line, last, starts[index]!, lineItems);
      const kept = reusable.get(signature)?.shift();
      blocks.push(kept ?? this.drawLine(text, starts[index]!, line, last, lineItems));
      signatures.push(signature);
    });
    // Move blocks into place only where the order changed: untouched lines stay in the DOM.
    let cursor: ChildNode | null = this.root.firstChild;
    for (const block of blocks) {
      if (cursor === block) {
        cursor = cursor.nextSibling;
      } else {
        this.root.insertBefore(block, cursor);
      }
    }
    while (cursor) {
      const next: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
    this.text = text;
    this.starts = starts;
    this.blocks = blocks;
    this.signatures = signatures;
    // A block kept from before may show an older active issue: the active mark is set apart.
    this.setActive(activeKey, true);
  }

  /**
   * Follows one edit: redraws the lines it touched with the highlights that survived it (`items`,
   * already shifted), and moves the start of every later line. Nothing else is touched.
   */
  edit(text: string, change: Change | undefined, items: readonly Item[]): void {
    if (!change) return;
    const first = this.lineAt(change.start);
    const last = this.lineAt(change.oldEnd);
    const delta = change.newEnd - change.oldEnd;
    const from = this.starts[first]!;
    const oldEnd = (this.starts[last + 1] ?? this.text.length + 1) - 1;
    const lines = text.slice(from, oldEnd + delta).split('\n');
    const starts: number[] = [];
    let at = from;
    for (const line of lines) {
      starts.push(at);
      at += line.length + 1;
    }
    const regionEnd = oldEnd + delta;
    const touching = items.filter(
      (item) => item.offset <= regionEnd && item.offset + Math.max(1, item.length) > from,
    );
    const buckets = bucketByLine(touching, starts, text.length, regionEnd);
    const isLast = last === this.starts.length - 1;
    const blocks = lines.map((line, index) =>
      this.drawLine(
        text,
        starts[index]!,
        line,
        isLast && index === lines.length - 1,
        buckets[index] ?? [],
      ),
    );
    const signatures = lines.map(() => '');
    const next = this.blocks[last + 1] ?? null;
    for (const old of this.blocks.slice(first, last + 1)) old.remove();
    for (const block of blocks) this.root.insertBefore(block, next);
    const later = this.starts.slice(last + 1).map((start) => start + delta);
    this.starts = [...this.starts.slice(0, first), ...starts, ...later];
    this.blocks.splice(first, last + 1 - first, ...blocks);
    this.signatures.splice(first, last + 1 - first, ...signatures);
    this.text = text;
  }

  /** Marks the issue whose card is open, without redrawing anything. */
  setActive(key: number | undefined, force = false): void {
    if (key === this.activeKey && !force) return;
    for (const element of this.root.querySelectorAll('.is-active')) {
      element.classList.remove('is-active');
    }
    this.activeKey = key;
    if (key !== undefined) for (const mark of this.marksOf(key)) mark.classList.add('is-active');
  }

  marksOf(key: number): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(`mark[data-keys~="${key}"]`)];
  }

  private lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private drawLine(
    text: string,
    start: number,
    line: string,
    last: boolean,
    items: readonly Item[],
  ): HTMLElement {
    const block = h('div', { class: 'line' });
    const end = start + line.length;
    for (const run of toRuns(items, text.length, start, end)) {
      const slice = text.slice(run.start, run.end);
      if (run.top === -1 && run.wideTop === -1) {
        block.append(slice);
        continue;
      }
      let node: Node | string = slice;
      const shortKeys = run.covering.map((index) => items[index]!.key);
      const wideKeys = run.wide.map((index) => items[index]!.key);
      if (run.top !== -1) {
        const top = items[run.top]!;
        const keys = [...shortKeys, ...wideKeys];
        node = h(
          'mark',
          {
            class: classes('hl', top.severity, keys, this.activeKey),
            'data-key': top.key,
            'data-keys': keys.join(' '),
            'data-rule': top.ruleId,
          },
          node,
        );
      }
      if (run.wideTop !== -1) {
        const top = items[run.wideTop]!;
        node = h(
          'mark',
          {
            class: classes('hlw', top.severity, wideKeys, this.activeKey),
            'data-key': top.key,
            'data-keys': wideKeys.join(' '),
            'data-rule': top.ruleId,
          },
          node,
        );
      }
      block.append(node);
    }
    // Each line keeps its line break, so the layer's text is the article's; the last line has
    // none, and a space keeps it one line tall when it is empty, as the text area shows it.
    block.append(last ? ' ' : '\n');
    return block;
  }
}

function classes(
  base: 'hl' | 'hlw',
  severity: string,
  keys: readonly number[],
  activeKey: number | undefined,
): string {
  const list = [base, `${base}-${severity}`];
  if (activeKey !== undefined && keys.includes(activeKey)) list.push('is-active');
  return list.join(' ');
}

/** The items that paint on each line (an item spanning lines is in each of them). */
function bucketByLine(
  items: readonly Item[],
  starts: readonly number[],
  textLength: number,
  regionEnd = textLength,
): Item[][] {
  const buckets: Item[][] = starts.map(() => []);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  for (const item of items) {
    const start = Math.min(item.offset, Math.max(0, textLength - 1));
    if (start > regionEnd) continue;
    const end = Math.min(regionEnd, item.offset + Math.max(1, item.length) - 1);
    for (let line = lineOf(start); line <= lineOf(Math.max(start, end)); line++) {
      buckets[line]?.push(item);
    }
  }
  return buckets;
}

function signatureOf(line: string, last: boolean, start: number, items: readonly Item[]): string {
  const marks = items
    .map(
      (item) =>
        `${item.key}:${item.offset - start}:${item.length}:${item.severity}:${item.ruleId}:${isWide(item) ? 'w' : ''}`,
    )
    .join(',');
  return `${last ? 'L' : ''}|${marks}|${line}`;
}
