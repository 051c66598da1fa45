/**
 * What the page remembers. The article stays in localStorage so a reload loses nothing; rule and
 * severity choices last for the browser session only (sessionStorage), as the editor asked for.
 */
import type { Severity, SeveritySetting } from './api-types.js';

const ARTICLE_KEY = 'mtlint.article';
const SESSION_KEY = 'mtlint.session';

export interface SessionChoices {
  /** Run every rule, not only the recommended ones. */
  all: boolean;
  /** Severity overrides by rule id. */
  rules: Record<string, SeveritySetting>;
  /** Which severities the page shows. */
  show: Record<Severity, boolean>;
}

export function loadArticle(): string {
  try {
    return localStorage.getItem(ARTICLE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** False when the browser refused (storage full or disabled). */
export function saveArticle(text: string): boolean {
  try {
    if (text === '') localStorage.removeItem(ARTICLE_KEY);
    else localStorage.setItem(ARTICLE_KEY, text);
    return true;
  } catch {
    return false;
  }
}

export function loadSession(): SessionChoices {
  const fallback: SessionChoices = {
    all: false,
    rules: {},
    show: { error: true, warning: true, info: true },
  };
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return fallback;
    const parsed = JSON.parse(raw) as Partial<SessionChoices>;
    return {
      all: parsed.all === true,
      rules: typeof parsed.rules === 'object' && parsed.rules ? parsed.rules : {},
      show: { ...fallback.show, ...(parsed.show ?? {}) },
    };
  } catch {
    return fallback;
  }
}

export function saveSession(choices: SessionChoices): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(choices));
  } catch {
    // A session preference that cannot be kept is still applied for this page.
  }
}
