/**
 * The highlight layer: a copy of the article, same font and wrapping, laid under the transparent
 * text area. Its text is invisible; only the marks' colours and underlines show through, so the
 * editor types in a plain text area while defects appear in place.
 */
import type { Diagnostic } from './api-types.js';
import { h } from './dom.js';
import { toRuns } from './highlights.js';

export interface Item extends Diagnostic {
  /** Stable while the text shifts around it; new for each lint answer. */
  key: number;
}

export function renderBackdrop(
  backdrop: HTMLElement,
  text: string,
  items: readonly Item[],
  activeKey: number | undefined,
): void {
  const fragment = document.createDocumentFragment();
  for (const run of toRuns(items, text.length)) {
    const slice = text.slice(run.start, run.end);
    if (run.top === -1) {
      fragment.append(slice);
      continue;
    }
    const top = items[run.top]!;
    const keys = run.covering.map((index) => items[index]!.key);
    const underneath = run.covering
      .filter((index) => index !== run.top)
      .map((index) => items[index]!.severity);
    const classes = ['hl', `hl-${top.severity}`];
    if (activeKey !== undefined && keys.includes(activeKey)) classes.push('is-active');
    if (underneath.length > 0 && top.severity !== 'info') classes.push('hl-nested');
    fragment.append(
      h(
        'mark',
        {
          class: classes.join(' '),
          'data-key': top.key,
          'data-keys': keys.join(' '),
          'data-rule': top.ruleId,
        },
        slice,
      ),
    );
  }
  // A final newline in a text area opens a line; in a block it does not without something after it.
  fragment.append(' ');
  backdrop.replaceChildren(fragment);
}

export function marksOf(backdrop: HTMLElement, key: number): HTMLElement[] {
  return [...backdrop.querySelectorAll<HTMLElement>('mark')].filter((mark) =>
    (mark.dataset.keys ?? '').split(' ').includes(String(key)),
  );
}
