/** Rule switches for the session: each rule's severity (or off), sent as config with every lint. */
import type { RuleInfo, SeveritySetting } from './api-types.js';
import { clear, h } from './dom.js';
import { categoryName, SEVERITY_LABEL } from './labels.js';

const SETTINGS: SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export function renderRules(
  container: HTMLElement,
  rules: readonly RuleInfo[],
  overrides: Record<string, SeveritySetting>,
  runAll: boolean,
  onChange: (ruleId: string, setting: SeveritySetting | undefined) => void,
): void {
  clear(container);
  if (rules.length === 0) {
    container.append(h('p', { class: 'muted small' }, 'The rule list is not available.'));
    return;
  }
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  for (const rule of sorted) {
    const selectId = `rule-${rule.id}`;
    const runsByDefault = rule.recommended || runAll;
    const select = h(
      'select',
      { id: selectId, 'data-rule': rule.id },
      h(
        'option',
        { value: '' },
        runsByDefault
          ? `Default (${SEVERITY_LABEL[rule.severity].toLowerCase()})`
          : 'Default (off)',
      ),
      ...SETTINGS.map((setting) =>
        h('option', { value: setting }, setting === 'off' ? 'Off' : SEVERITY_LABEL[setting]),
      ),
    );
    select.value = overrides[rule.id] ?? '';
    select.addEventListener('change', () =>
      onChange(rule.id, (select.value || undefined) as SeveritySetting | undefined),
    );
    container.append(
      h(
        'div',
        { class: 'rule' },
        h(
          'div',
          { class: 'rule-text' },
          h('label', { for: selectId, class: 'rule-id' }, rule.id),
          h(
            'span',
            { class: 'rule-description' },
            `${rule.description} · ${categoryName(rule.category)}`,
          ),
        ),
        select,
      ),
    );
  }
}
