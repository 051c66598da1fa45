import type { Severity } from './api-types.js';

/** MQM categories in the order an editor reads them: accuracy, then fluency, then the rest. */
export const CATEGORY_ORDER = [
  'accuracy/omission',
  'accuracy/mistranslation',
  'accuracy/untranslated',
  'accuracy/number',
  'fluency/grammar',
  'fluency/punctuation',
  'fluency/spelling',
  'fluency/register',
  'terminology',
  'locale-convention',
  'style',
];

const CATEGORY_NAMES: Record<string, string> = {
  'accuracy/omission': 'Omission',
  'accuracy/mistranslation': 'Mistranslation',
  'accuracy/untranslated': 'Untranslated text',
  'accuracy/number': 'Numbers',
  'fluency/grammar': 'Grammar',
  'fluency/punctuation': 'Punctuation',
  'fluency/spelling': 'Spelling',
  'fluency/register': 'Register',
  terminology: 'Terminology',
  'locale-convention': 'Locale conventions',
  style: 'Style',
};

export function categoryName(category: string): string {
  return CATEGORY_NAMES[category] ?? category;
}

/** "Accuracy", "Fluency" or nothing: the MQM dimension. */
export function categoryDimension(category: string): string {
  const head = category.split('/')[0]!;
  return category.includes('/') ? head[0]!.toUpperCase() + head.slice(1) : '';
}

export function categoryRank(category: string): number {
  const index = CATEGORY_ORDER.indexOf(category);
  return index === -1 ? CATEGORY_ORDER.length : index;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Suggestion',
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A replacement as a button shows it: spaces made visible, empties named. */
export function describeReplacement(value: string): string {
  if (value === '') return 'Delete';
  if (value.trim() === '') return value === ' ' ? 'One space' : 'Whitespace';
  return value;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Shortens a flagged text for the list: one line, ellipsis in the middle when long. */
export function shortExcerpt(excerpt: string, max = 48): string {
  const flat = excerpt.replace(/\s+/g, ' ');
  if (flat.length <= max) return flat;
  const half = Math.floor((max - 1) / 2);
  return `${flat.slice(0, half)}…${flat.slice(flat.length - half)}`;
}
