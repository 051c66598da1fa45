/** The side panel: the article's score, and its issues grouped by category. */
import type { Summary } from './api-types.js';
import type { Item } from './backdrop.js';
import { clear, h, richMessage } from './dom.js';
import {
  categoryDimension,
  categoryName,
  categoryRank,
  plural,
  SEVERITY_LABEL,
  shortExcerpt,
} from './labels.js';

export function renderScore(
  container: HTMLElement,
  summary: Summary | undefined,
  items: readonly Item[],
): void {
  clear(container);
  if (!summary) {
    container.append(h('p', { class: 'muted' }, 'The score appears once the article is checked.'));
    return;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const item of items) counts[item.severity]++;
  container.append(
    h(
      'div',
      { class: 'score-main' },
      h('span', { class: 'score-value', id: 'penalty' }, summary.penalty.toFixed(2)),
      h(
        'span',
        { class: 'score-label' },
        'penalty points per 100 words',
        h('span', { class: 'score-note' }, 'MQM-style; lower is better, 0 is clean'),
      ),
    ),
    h(
      'ul',
      { class: 'tally', 'aria-label': 'Issues by severity' },
      h(
        'li',
        { class: 'tally-error' },
        h('strong', {}, String(counts.error)),
        ' ',
        counts.error === 1 ? 'error' : 'errors',
      ),
      h(
        'li',
        { class: 'tally-warning' },
        h('strong', {}, String(counts.warning)),
        ' ',
        counts.warning === 1 ? 'warning' : 'warnings',
      ),
      h(
        'li',
        { class: 'tally-info' },
        h('strong', {}, String(counts.info)),
        ' ',
        counts.info === 1 ? 'suggestion' : 'suggestions',
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      `${plural(summary.words, 'word')} · ${plural(summary.sentences, 'sentence')}`,
      summary.truncated ? ' · list cut at the service’s limit' : '',
    ),
  );
}

export interface IssueListHandlers {
  activate(key: number, from: HTMLElement): void;
}

/**
 * Either groups in MQM order, each with its count and its items in text order, or one list in the
 * order of the text; one tab stop for the list either way.
 */
export function renderIssues(
  container: HTMLElement,
  items: readonly Item[],
  activeKey: number | undefined,
  emptyMessage: string,
  order: 'category' | 'document' = 'category',
): void {
  const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
  clear(container);
  if (items.length === 0) {
    container.append(h('p', { class: 'empty' }, emptyMessage));
    return;
  }
  if (order === 'document') {
    const sorted = [...items].sort((a, b) => a.offset - b.offset || a.length - b.length);
    const tabStop = activeKey ?? sorted[0]!.key;
    container.append(
      issueList(
        {
          class: 'issue-list issue-list-document',
          'aria-label': 'Issues in the order of the text',
        },
        sorted.map((item) => issueEntry(item, activeKey, tabStop, true)),
      ),
    );
    refocus(container, focusedKey);
    return;
  }
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const group = groups.get(item.category) ?? [];
    group.push(item);
    groups.set(item.category, group);
  }
  const ordered = [...groups.entries()].sort(
    ([a], [b]) => categoryRank(a) - categoryRank(b) || a.localeCompare(b),
  );
  const tabStop = activeKey ?? ordered[0]![1][0]!.key;
  for (const [category, group] of ordered) {
    const titleId = `group-${category.replace(/\W/g, '-')}`;
    const dimension = categoryDimension(category);
    container.append(
      h(
        'section',
        { class: 'group', 'aria-labelledby': titleId },
        h(
          'h3',
          { class: 'group-title', id: titleId },
          h('span', {}, categoryName(category)),
          dimension && h('span', { class: 'group-dimension' }, dimension),
          h(
            'span',
            { class: 'group-count', 'aria-label': plural(group.length, 'issue') },
            String(group.length),
          ),
        ),
        issueList(
          { class: 'issue-list' },
          group.map((item) => issueEntry(item, activeKey, tabStop, false)),
        ),
      ),
    );
  }
  refocus(container, focusedKey);
}

/** Issues per chunk of the list (see `issueList`). */
const CHUNK = 24;

/**
 * A list of issues in chunks: a chunk out of sight is not laid out or painted until scrolled to.
 * The chunks are invisible to assistive technology (role none), so the list reads as one. Chunks
 * rather than single entries, because the browser checks each such element on every frame,
 * keystrokes in the article included.
 */
function issueList(
  attributes: Record<string, string>,
  entries: readonly HTMLElement[],
): HTMLElement {
  const chunks: HTMLElement[] = [];
  for (let at = 0; at < entries.length; at += CHUNK) {
    chunks.push(h('div', { class: 'issue-chunk', role: 'none' }, ...entries.slice(at, at + CHUNK)));
  }
  return h('div', { ...attributes, role: 'list' }, ...chunks);
}

function refocus(container: HTMLElement, focusedKey: string | undefined): void {
  if (focusedKey !== undefined) {
    const again = container.querySelector<HTMLElement>(`.issue[data-key="${focusedKey}"]`);
    again?.focus({ preventScroll: true });
  }
}

function issueEntry(
  item: Item,
  activeKey: number | undefined,
  tabStop: number,
  withCategory: boolean,
): HTMLElement {
  return h(
    'div',
    { role: 'listitem' },
    h(
      'button',
      {
        type: 'button',
        class: `issue issue-${item.severity}${item.key === activeKey ? ' is-active' : ''}`,
        'data-key': item.key,
        'data-rule': item.ruleId,
        tabindex: item.key === tabStop ? 0 : -1,
        'aria-current': item.key === activeKey ? 'true' : undefined,
      },
      h('span', { class: `sev sev-${item.severity}`, 'aria-hidden': 'true' }),
      h(
        'span',
        { class: 'issue-text' },
        h(
          'span',
          { class: 'issue-top' },
          h('span', { class: 'visually-hidden' }, `${SEVERITY_LABEL[item.severity]}: `),
          h('q', { class: 'issue-excerpt' }, shortExcerpt(item.excerpt) || '(empty)'),
          h('span', { class: 'issue-line' }, `line ${item.line}`),
        ),
        h('span', { class: 'issue-message' }, richMessage(item.message)),
        withCategory && h('span', { class: 'issue-category' }, categoryName(item.category)),
      ),
    ),
  );
}

/** Arrow keys, Home and End move between issues (a roving tab stop); Enter or Space opens one. */
export function wireIssueKeys(container: HTMLElement, handlers: IssueListHandlers): void {
  container.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('.issue');
    if (button) handlers.activate(Number(button.dataset.key), button);
  });
  container.addEventListener('keydown', (event) => {
    const current = (event.target as HTMLElement).closest<HTMLElement>('.issue');
    if (!current) return;
    const buttons = [...container.querySelectorAll<HTMLElement>('.issue')];
    const at = buttons.indexOf(current);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, at + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    for (const button of buttons) button.tabIndex = -1;
    buttons[next]!.tabIndex = 0;
    buttons[next]!.focus();
  });
}
