/**
 * The highlight layer: the article's text, same font and wrapping, laid under the transparent text
 * area. Its text is invisible; only the marks' colours and underlines show through, so the editor
 * types in a plain text area while defects appear in place.
 *
 * The layer holds only the lines near the view: the lines (one block per line of the text) from a
 * viewport's height above what the text area shows to a viewport's height below it. A spacer above
 * them is exactly as tall as the lines left out there, so the drawn lines sit where the text area
 * lays out the same text; a spacer below gives the layer at least the text area's height, so both
 * scroll alike. The lines' heights come from laying them out in the layer itself (same box, same
 * width), once per text and width: a keystroke lays out and paints the lines near the view, never
 * the whole article, and a new answer from the service redraws only the drawn lines whose
 * highlights changed.
 */
import type { Diagnostic } from './api-types.js';
import type { Change } from './edits.js';
import { h } from './dom.js';
import { isWide, toRuns } from './highlights.js';

export interface Item extends Diagnostic {
  /** Stable while the text shifts around it; new for each lint answer. */
  key: number;
}

/** An edit that makes more lines than this (a paste) is measured and placed, not just drawn. */
const MAX_DRAWN_EDIT = 20;

export class Backdrop {
  private text = '';
  private lines: string[] = [''];
  /** Offset where each line starts; line i runs to starts[i + 1] - 1 (its line break). */
  private starts: number[] = [0];
  /**
   * Each line's laid-out height (NaN until measured). Those of the drawn lines may lag behind an
   * edit: they are read from the drawn blocks before the drawn range moves.
   */
  private heights: number[] = [NaN];
  private items: readonly Item[] = [];
  private activeKey: number | undefined;
  /** The drawn lines: [first, end). */
  private first = 0;
  private end = 0;
  private blocks: HTMLElement[] = [];
  /** What each drawn block shows, to keep the blocks a new answer or a scroll leaves as they were. */
  private signatures: string[] = [];
  /** The drawn blocks no longer match lines [first, end) (the text changed under them). */
  private stale = false;
  /** Scroll position (in the text area's terms) of the first drawn line's top. */
  private drawnTop = 0;
  private readonly above: HTMLElement;
  private readonly drawn: HTMLElement;
  private readonly below: HTMLElement;
  private width = -1;
  /** The scroll position the layer last took from the text area. */
  private followedTop = 0;
  private viewHeight = 0;
  private paddingTop = 0;
  /** One row of text: the guess for a line not measured yet. */
  private rowHeight = 30;

  constructor(
    private readonly root: HTMLElement,
    /** The text area whose scroll position the layer follows. */
    private readonly scroller: HTMLElement,
  ) {
    this.above = h('div', { class: 'layer-spacer' });
    this.drawn = h('div', { class: 'layer-lines', 'data-start': 0 });
    this.below = h('div', { class: 'layer-spacer' });
    root.replaceChildren(this.above, this.drawn, this.below);
    // A new width wraps every line differently: measure them all again.
    new ResizeObserver(() => this.resized()).observe(root);
    // Whatever scrolls the layer itself (bringing a highlight into view) moves the text area. The
    // layer's own echo of following the text area is not such a scroll: acting on it late, after
    // the text area has moved on, would pull the text area back.
    root.addEventListener('scroll', () => {
      const top = root.scrollTop;
      if (top === this.followedTop || top === scroller.scrollTop) return;
      scroller.scrollTop = top;
    });
  }

  /** Draws the text with its highlights, replacing only the drawn lines that differ. */
  render(text: string, items: readonly Item[], activeKey: number | undefined): void {
    this.items = items;
    this.activeKey = activeKey;
    if (text !== this.text) {
      this.syncHeights();
      // Lines that did not change keep their height; the others are measured together, once.
      const known = new Map<string, number>();
      this.lines.forEach((line, index) => {
        const height = this.heights[index]!;
        if (!Number.isNaN(height)) known.set(this.keyOf(line, index), height);
      });
      const lines = text.split('\n');
      this.lines = lines;
      this.starts = startsOf(lines, 0);
      this.heights = lines.map((line, index) => known.get(this.keyOf(line, index)) ?? NaN);
      this.text = text;
      this.stale = true;
      this.measure();
    }
    this.place(true);
    this.syncScroll();
    // A block kept from before may show an older active issue: the active mark is set apart.
    this.setActive(activeKey, true);
  }

  /**
   * Follows one edit: redraws the drawn lines it touched with the highlights that survived it
   * (`items`, already shifted), and moves the start of every later line. An edit near the view
   * (typing) touches nothing else; one away from it (a fix, Clear) measures its own lines.
   */
  edit(text: string, change: Change | undefined, items: readonly Item[]): void {
    this.items = items;
    if (!change) return;
    const first = this.lineAt(change.start);
    const last = this.lineAt(change.oldEnd);
    const delta = change.newEnd - change.oldEnd;
    const from = this.starts[first]!;
    const oldEnd = (this.starts[last + 1] ?? this.text.length + 1) - 1;
    const lines = text.slice(from, oldEnd + delta).split('\n');
    const starts = startsOf(lines, from);
    const removed = last + 1 - first;
    // Typing stays within the drawn lines; a paste of many lines is measured and placed instead.
    const inside = first >= this.first && last < this.end && lines.length <= MAX_DRAWN_EDIT;
    // Moving the drawn range needs the drawn lines' heights as they were laid out.
    if (!inside) this.syncHeights();
    this.lines.splice(first, removed, ...lines);
    this.starts.splice(first, removed, ...starts);
    for (let index = first + lines.length; index < this.starts.length; index++) {
      this.starts[index]! += delta;
    }
    this.heights.splice(first, removed, ...lines.map(() => NaN));
    this.text = text;
    if (inside) {
      const regionEnd = oldEnd + delta;
      const touching = items.filter(
        (item) => item.offset <= regionEnd && item.offset + Math.max(1, item.length) > from,
      );
      const buckets = bucketByLine(touching, starts, text.length, regionEnd);
      const blocks = lines.map((line, index) =>
        this.drawLine(first + index, line, buckets[index] ?? []),
      );
      const at = first - this.first;
      const next = this.blocks[at + removed] ?? null;
      for (const old of this.blocks.slice(at, at + removed)) old.remove();
      for (const block of blocks) this.drawn.insertBefore(block, next);
      this.blocks.splice(at, removed, ...blocks);
      this.signatures.splice(at, removed, ...lines.map(() => ''));
      this.end += lines.length - removed;
      return;
    }
    this.measure();
    if (last < this.first) {
      // Above the view: the drawn blocks stay as they are, lower down by the lines added.
      this.first += lines.length - removed;
      this.end += lines.length - removed;
      this.drawn.dataset.start = String(this.starts[this.first]);
      this.setSpacers();
    } else if (first >= this.end && this.end > this.first) {
      this.setSpacers();
    } else {
      this.stale = true;
      this.place(true);
    }
    this.syncScroll();
  }

  /**
   * Follows the text area's scroll: draws the lines near the view when it has moved past those
   * drawn, and gives the layer the same scroll position.
   */
  follow(): void {
    this.place(false);
    this.syncScroll();
  }

  /** Draws the lines around an offset (an issue about to be brought into view) if they are not. */
  reveal(offset: number): void {
    const line = this.lineAt(offset);
    if (line >= this.first && line < this.end) return;
    this.syncHeights();
    if (this.width === -1) this.readBox();
    const top = this.topOf(line);
    this.drawRange(top - this.viewHeight, top + 2 * this.viewHeight);
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

  /** The marks of an issue among the drawn lines. */
  marksOf(key: number): HTMLElement[] {
    return [...this.drawn.querySelectorAll<HTMLElement>(`mark[data-keys~="${key}"]`)];
  }

  private resized(): void {
    const rewrapped = this.readBox();
    this.measure();
    this.place(rewrapped);
    this.syncScroll();
  }

  /**
   * Reads the layer's box: its height (the view), its top padding, a row's height, and its width.
   * A new width wraps every line differently: all heights are measured again (true).
   */
  private readBox(): boolean {
    const width = this.root.clientWidth;
    this.viewHeight = this.root.clientHeight;
    const style = getComputedStyle(this.root);
    this.paddingTop = parseFloat(style.paddingTop) || 0;
    this.rowHeight = parseFloat(style.lineHeight) || this.rowHeight;
    if (width === this.width) return false;
    this.width = width;
    this.heights.fill(NaN);
    return true;
  }

  private syncScroll(): void {
    const top = this.scroller.scrollTop;
    if (this.root.scrollTop !== top) this.root.scrollTop = top;
    this.followedTop = this.root.scrollTop;
  }

  /**
   * Lays out the lines whose height is not known, as plain text in a hidden block of the layer
   * itself (marks change neither wrapping nor height), and reads their heights. One layout for all
   * of them: a pasted article costs one layout of its text, a keystroke none.
   */
  private measure(): void {
    if (this.root.clientWidth !== this.width) this.readBox();
    if (this.width === 0) return;
    const missing: number[] = [];
    this.heights.forEach((height, index) => {
      if (Number.isNaN(height)) missing.push(index);
    });
    if (missing.length === 0) return;
    const probe = h('div', { class: 'layer-measure', 'aria-hidden': 'true' });
    for (const index of missing) {
      probe.append(h('div', { class: 'line' }, this.lines[index]! + this.endOf(index)));
    }
    this.root.append(probe);
    const rows = probe.children;
    missing.forEach((line, index) => {
      this.heights[line] = rows[index]!.getBoundingClientRect().height;
    });
    probe.remove();
  }

  /** Reads the drawn lines' heights back from their blocks (after edits within them). */
  private syncHeights(): void {
    if (this.stale || this.root.clientWidth === 0) return;
    this.blocks.forEach((block, index) => {
      this.heights[this.first + index] = block.getBoundingClientRect().height;
    });
  }

  /**
   * Draws the lines from a viewport's height above the view to one below it, when the lines drawn
   * no longer cover half a viewport's height either side of it (or always, with `force`).
   */
  private place(force: boolean): void {
    if (this.width === -1) this.readBox();
    const view = this.viewHeight;
    const top = this.scroller.scrollTop;
    const bottom = top + view;
    if (!force) {
      const drawnBottom = this.drawnTop + this.sum(this.first, this.end);
      const coversTop = this.first === 0 || this.drawnTop <= top - view / 2;
      const coversBottom = this.end >= this.lines.length || drawnBottom >= bottom + view / 2;
      if (coversTop && coversBottom) return;
    }
    this.syncHeights();
    this.drawRange(top - view, bottom + view);
  }

  /** Draws the lines that meet [from, to) (scroll positions), reusing blocks already drawn. */
  private drawRange(from: number, to: number): void {
    let y = this.paddingTop;
    let first = this.lines.length - 1;
    for (let index = 0; index < this.lines.length; index++) {
      const next = y + this.heightOf(index);
      if (next > from) {
        first = index;
        break;
      }
      y = next;
    }
    const drawnTop = y;
    let end = first + 1;
    y += this.heightOf(first);
    while (end < this.lines.length && y < to) y += this.heightOf(end++);

    const buckets = bucketByLine(
      this.items,
      this.starts.slice(first, end),
      this.text.length,
      (this.starts[end] ?? this.text.length + 1) - 1,
      this.starts[first],
    );
    const reusable = new Map<string, HTMLElement[]>();
    this.signatures.forEach((signature, index) => {
      if (signature === '') return;
      const list = reusable.get(signature) ?? [];
      list.push(this.blocks[index]!);
      reusable.set(signature, list);
    });
    const blocks: HTMLElement[] = [];
    const signatures: string[] = [];
    for (let line = first; line < end; line++) {
      const lineItems = buckets[line - first] ?? [];
      const signature = this.signatureOf(line, lineItems);
      const kept = reusable.get(signature)?.shift();
      blocks.push(kept ?? this.drawLine(line, this.lines[line]!, lineItems));
      signatures.push(signature);
    }
    // Move blocks into place only where the order changed: lines still drawn stay in the DOM.
    let cursor: ChildNode | null = this.drawn.firstChild;
    for (const block of blocks) {
      if (cursor === block) cursor = cursor.nextSibling;
      else this.drawn.insertBefore(block, cursor);
    }
    while (cursor) {
      const next: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
    this.first = first;
    this.end = end;
    this.blocks = blocks;
    this.signatures = signatures;
    this.drawnTop = drawnTop;
    this.stale = false;
    this.drawn.dataset.start = String(this.starts[first]);
    this.setSpacers();
  }

  /**
   * The spacer above is exactly the lines not drawn there; the one below adds a viewport's height,
   * so the layer can always scroll as far as the text area even while a drawn line's new height is
   * not yet counted.
   */
  private setSpacers(): void {
    this.drawnTop = this.paddingTop + this.sum(0, this.first);
    this.above.style.height = `${this.drawnTop - this.paddingTop}px`;
    this.below.style.height = `${this.sum(this.end, this.lines.length) + this.viewHeight}px`;
  }

  private sum(from: number, to: number): number {
    let total = 0;
    for (let index = from; index < to; index++) total += this.heightOf(index);
    return total;
  }

  private topOf(line: number): number {
    return this.paddingTop + this.sum(0, line);
  }

  private heightOf(line: number): number {
    const height = this.heights[line]!;
    return Number.isNaN(height) ? this.rowHeight : height;
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

  /**
   * Each line keeps its line break, so a line's text is the article's; the last line has none, and
   * a space keeps it one line tall when it is empty, as the text area shows it.
   */
  private endOf(line: number): string {
    return line === this.lines.length - 1 ? ' ' : '\n';
  }

  private keyOf(line: string, index: number): string {
    return (index === this.lines.length - 1 ? 'L' : '') + line;
  }

  private signatureOf(line: number, items: readonly Item[]): string {
    const start = this.starts[line]!;
    const marks = items
      .map(
        (item) =>
          `${item.key}:${item.offset - start}:${item.length}:${item.severity}:${item.ruleId}:${isWide(item) ? 'w' : ''}`,
      )
      .join(',');
    return `${this.endOf(line) === ' ' ? 'L' : ''}|${marks}|${this.lines[line]}`;
  }

  private drawLine(line: number, content: string, items: readonly Item[]): HTMLElement {
    const block = h('div', { class: 'line' });
    const start = this.starts[line]!;
    const end = start + content.length;
    for (const run of toRuns(items, this.text.length, start, end)) {
      const slice = this.text.slice(run.start, run.end);
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
    block.append(this.endOf(line));
    return block;
  }
}

function startsOf(lines: readonly string[], from: number): number[] {
  const starts: number[] = [];
  let at = from;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return starts;
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

/**
 * The items that paint on each of the lines starting at `starts` (an item spanning lines is in
 * each of them); items outside [regionStart, regionEnd] are left out.
 */
function bucketByLine(
  items: readonly Item[],
  starts: readonly number[],
  textLength: number,
  regionEnd = textLength,
  regionStart = 0,
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
    const end = Math.min(regionEnd, item.offset + Math.max(1, item.length) - 1);
    if (start > regionEnd || end < regionStart) continue;
    const from = Math.max(start, regionStart);
    for (let line = lineOf(from); line <= lineOf(Math.max(from, end)); line++) {
      buckets[line]?.push(item);
    }
  }
  return buckets;
}
