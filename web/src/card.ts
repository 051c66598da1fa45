/**
 * The card under an activated issue: severity and category, the message, the rule's explanation,
 * one-click fixes, and a switch to turn the rule off for the session.
 */
import type { RuleInfo } from './api-types.js';
import type { Item } from './backdrop.js';
import { clear, h, richMessage } from './dom.js';
import { categoryName, describeReplacement, SEVERITY_LABEL } from './labels.js';

export interface CardHandlers {
  apply(item: Item, replacement: string): void;
  disableRule(ruleId: string): void;
  ignore(item: Item): void;
  step(direction: 1 | -1): void;
  close(): void;
}

export function renderCard(
  card: HTMLElement,
  item: Item,
  rule: RuleInfo | undefined,
  position: { index: number; total: number },
  handlers: CardHandlers,
): void {
  clear(card);
  const docs = docsHref(item.url || rule?.url);
  const fixes = item.suggestions.slice(0, 6);
  card.className = `card card-${item.severity}`;
  card.append(
    h(
      'header',
      { class: 'card-head' },
      h('span', { class: `badge badge-${item.severity}` }, SEVERITY_LABEL[item.severity]),
      h('span', { class: 'card-category' }, categoryName(item.category)),
      h('span', { class: 'card-position' }, `${position.index + 1} of ${position.total}`),
      button('card-step', 'Previous issue', '‹', () => handlers.step(-1)),
      button('card-step', 'Next issue', '›', () => handlers.step(1)),
      button('card-close', 'Close', '×', () => handlers.close()),
    ),
    h('p', { class: 'card-message', id: 'card-message' }, richMessage(item.message)),
    h(
      'p',
      { class: 'card-explain' },
      h('span', { class: 'card-rule' }, item.ruleId),
      rule?.description ? ` — ${rule.description}.` : '',
    ),
    docs === undefined
      ? ''
      : h(
          'p',
          { class: 'card-docs' },
          h(
            'a',
            { class: 'rule-link', href: docs, target: '_blank', rel: 'noopener noreferrer' },
            `How ${item.ruleId} works, with examples`,
          ),
        ),
    fixes.length > 0
      ? h(
          'div',
          { class: 'fixes', role: 'group', 'aria-label': 'Fixes' },
          ...fixes.map((value, index) => {
            const fix = h(
              'button',
              {
                type: 'button',
                class: `fix${index === 0 ? ' fix-best' : ''}`,
                'data-value': value,
                'aria-label':
                  value === ''
                    ? `Delete “${item.excerpt}”`
                    : `Replace “${item.excerpt}” with “${value}”`,
              },
              value === ''
                ? h(
                    'span',
                    { class: 'fix-delete' },
                    `${describeReplacement(value)} `,
                    h('code', { class: 'quoted' }, item.excerpt),
                  )
                : describeReplacement(value),
            );
            fix.addEventListener('click', () => handlers.apply(item, value));
            return fix;
          }),
        )
      : h('p', { class: 'muted small' }, 'No automatic fix: edit the text, or check the source.'),
    h(
      'footer',
      { class: 'card-foot' },
      button('link-button ignore-button', undefined, 'Ignore this one', () =>
        handlers.ignore(item),
      ),
      button('link-button', undefined, `Turn off ${item.ruleId} for this session`, () =>
        handlers.disableRule(item.ruleId),
      ),
    ),
  );
}

/**
 * The rule's documentation as a link: a diagnostic's `url` is relative to the service
 * (`rules/<id>/README.md`), so it resolves against the page, which the service serves. Only http(s)
 * addresses become links.
 */
export function docsHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, document.baseURI);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:'
      ? resolved.href
      : undefined;
  } catch {
    return undefined;
  }
}

function button(
  className: string,
  label: string | undefined,
  text: string,
  onClick: () => void,
): HTMLButtonElement {
  const element = h(
    'button',
    { type: 'button', class: className, 'aria-label': label, title: label },
    text,
  );
  element.addEventListener('click', onClick);
  return element;
}

/**
 * Places the card under the last line of the issue (so it never hides the flagged text), or above
 * its first line when there is no room below, inside the editor's frame and clear of its edges.
 * Returns false when the issue is out of the editor's view (scrolled away, or not among the drawn
 * lines): a card left where it was, or pinned to the frame's edge, would point at other text.
 */
export function placeCard(
  card: HTMLElement,
  stack: HTMLElement,
  marks: readonly HTMLElement[],
): boolean {
  const last = marks.at(-1);
  const first = marks.at(0);
  if (!last || !first) return false;
  const frame = stack.getBoundingClientRect();
  const lastRects = last.getClientRects();
  const below = lastRects[lastRects.length - 1] ?? last.getBoundingClientRect();
  const above = first.getClientRects()[0] ?? first.getBoundingClientRect();
  if (below.bottom <= frame.top || above.top >= frame.bottom) return false;
  const width = card.offsetWidth || 380;
  const height = card.offsetHeight;
  const left = Math.max(8, Math.min(below.left - frame.left, frame.width - width - 8));
  let top = below.bottom - frame.top + 8;
  if (top + height > frame.height - 8 && above.top - frame.top - height - 8 >= 8) {
    top = above.top - frame.top - height - 8;
  }
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(Math.max(8, Math.min(top, frame.height - height - 8)))}px`;
  return true;
}
