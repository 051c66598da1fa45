import type { Category, Config, Rule, SeveritySetting } from '../../core/index.js';
import { categoriesNamed } from './categories.js';

/** A bad request, answered as LanguageTool does: a status and a plain-text `Error: ...` line. */
export class LanguageToolRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'LanguageToolRequestError';
  }
}

export interface LanguageVariant {
  name: string;
  code: string;
}

/** The variants we answer to; the rules are the same for each, the name is the client's. */
export const LANGUAGES: readonly LanguageVariant[] = [
  { name: 'English', code: 'en' },
  { name: 'English (US)', code: 'en-US' },
  { name: 'English (GB)', code: 'en-GB' },
];

/** A form or query value as express hands it: a string, or several when the key repeats. */
export type ParamValue = string | string[] | undefined;

export function param(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name] as ParamValue;
  if (Array.isArray(value)) return value.find((item) => typeof item === 'string');
  return typeof value === 'string' ? value : undefined;
}

/** `en-US`, `en-GB`, `en` or `auto` (English, or a language found in the text). */
export function resolveLanguage(requested: string | undefined): {
  language: LanguageVariant;
  auto: boolean;
} {
  if (requested === undefined || requested.trim() === '') {
    throw new LanguageToolRequestError("Missing 'language' parameter, e.g. 'language=en-US'");
  }
  const code = requested.trim();
  if (code.toLowerCase() === 'auto') return { language: LANGUAGES[1]!, auto: true };
  const known = LANGUAGES.find((variant) => variant.code.toLowerCase() === code.toLowerCase());
  if (known) return { language: known, auto: false };
  // en-AU, en-CA...: same rules; report the generic variant back.
  if (/^en[-_]/i.test(code)) return { language: LANGUAGES[0]!, auto: false };
  // LanguageTool's own sentence for a language it does not have: clients match on its wording
  // (some stop asking for that language), so it is kept word for word.
  throw new LanguageToolRequestError(
    `'${code}' is not a language code known to LanguageTool. Supported language codes are: ${LANGUAGES.map((variant) => variant.code).join(', ')}. mtlint checks English only; 'auto' answers other languages without matches.`,
  );
}

/** The English variant named in LanguageTool's `preferredVariants` (`en-GB,de-AT`), if any. */
export function preferredVariant(value: string | undefined): LanguageVariant | undefined {
  const wanted = list(value).map((code) => code.toLowerCase());
  return LANGUAGES.find((variant) => wanted.includes(variant.code.toLowerCase()));
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A client's rule id: ours (`stray-punctuation`) or LanguageTool-style (`STRAY_PUNCTUATION`). */
function ruleNamed(name: string, rules: ReadonlyMap<string, Rule>): Rule | undefined {
  return rules.get(name) ?? rules.get(name.toLowerCase().replace(/_/g, '-'));
}

/**
 * LanguageTool's rule parameters as an mtlint config. `level=picky` runs every rule (preset `all`);
 * `enabledOnly=true` runs only the rules and categories named. Unknown rule and category ids are
 * ignored, as LanguageTool ignores them.
 */
export function configFromParams(
  params: Record<string, unknown>,
  rules: ReadonlyMap<string, Rule>,
): Config {
  const enabledOnly = param(params, 'enabledOnly')?.toLowerCase() === 'true';
  const enabledRules = list(param(params, 'enabledRules'));
  const disabledRules = list(param(params, 'disabledRules'));
  const enabledCategories = list(param(params, 'enabledCategories')).flatMap(categoriesNamed);
  const disabledCategories = list(param(params, 'disabledCategories')).flatMap(categoriesNamed);

  if (enabledOnly && enabledRules.length === 0 && enabledCategories.length === 0) {
    throw new LanguageToolRequestError(
      "You cannot specify 'enabledOnly' without 'enabledRules' or 'enabledCategories'",
    );
  }

  const settings: Record<string, SeveritySetting> = {};
  const inCategories = (categories: Category[]) =>
    [...rules.values()].filter((rule) => categories.includes(rule.meta.category));

  if (enabledOnly) {
    for (const rule of rules.values()) settings[rule.meta.id] = 'off';
  }
  for (const rule of inCategories(enabledCategories)) settings[rule.meta.id] = rule.meta.severity;
  for (const rule of inCategories(disabledCategories)) settings[rule.meta.id] = 'off';
  for (const name of enabledRules) {
    const rule = ruleNamed(name, rules);
    if (rule) settings[rule.meta.id] = rule.meta.severity;
  }
  for (const name of disabledRules) {
    const rule = ruleNamed(name, rules);
    if (rule) settings[rule.meta.id] = 'off';
  }

  const picky = param(params, 'level')?.toLowerCase() === 'picky';
  const config: Config = {};
  if (picky) config.extends = 'all';
  if (Object.keys(settings).length > 0) config.rules = settings;
  return config;
}
