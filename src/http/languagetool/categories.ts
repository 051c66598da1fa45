import type { Category, Severity } from '../../core/index.js';

/**
 * How LanguageTool clients see our MQM categories. `issueType` is from the W3C ITS 2.0 localization
 * quality issue types, which LanguageTool uses (clients colour by it: `misspelling` red,
 * `typographical`/`grammar` amber, `style` blue); category ids reuse LanguageTool's own where one
 * means the same thing, so a client's `disabledCategories=PUNCTUATION` works unchanged.
 */
export interface LanguageToolCategory {
  id: string;
  name: string;
  issueType: string;
}

export const LANGUAGETOOL_CATEGORIES: Record<Category, LanguageToolCategory> = {
  'fluency/punctuation': { id: 'PUNCTUATION', name: 'Punctuation', issueType: 'typographical' },
  'fluency/grammar': { id: 'GRAMMAR', name: 'Grammar', issueType: 'grammar' },
  'fluency/spelling': { id: 'TYPOS', name: 'Possible Typo', issueType: 'misspelling' },
  'fluency/register': { id: 'REGISTER', name: 'Register', issueType: 'register' },
  'accuracy/omission': { id: 'OMISSION', name: 'Omission', issueType: 'omission' },
  'accuracy/mistranslation': {
    id: 'MISTRANSLATION',
    name: 'Mistranslation',
    issueType: 'mistranslation',
  },
  'accuracy/untranslated': { id: 'UNTRANSLATED', name: 'Untranslated', issueType: 'untranslated' },
  'accuracy/number': { id: 'NUMBERS', name: 'Numbers', issueType: 'numbers' },
  terminology: { id: 'TERMINOLOGY', name: 'Terminology', issueType: 'terminology' },
  style: { id: 'STYLE', name: 'Style', issueType: 'style' },
  'locale-convention': {
    id: 'LOCALE_CONVENTION',
    name: 'Locale convention',
    issueType: 'locale-violation',
  },
};

/**
 * LanguageTool's `type.typeName`: `UnknownWord` for spelling, `Hint` for what we only suggest
 * (severity `info`), `Other` for the rest.
 */
export function typeName(category: Category, severity: Severity): string {
  if (category === 'fluency/spelling') return 'UnknownWord';
  return severity === 'info' ? 'Hint' : 'Other';
}

/** Our categories named by a client's category id (ours or LanguageTool-style), case-insensitive. */
export function categoriesNamed(name: string): Category[] {
  const wanted = name.trim().toUpperCase();
  return (Object.keys(LANGUAGETOOL_CATEGORIES) as Category[]).filter(
    (category) =>
      LANGUAGETOOL_CATEGORIES[category].id === wanted || category.toUpperCase() === wanted,
  );
}
