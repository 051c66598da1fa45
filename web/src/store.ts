/**
 * What the page remembers. The article (and how it is read) and its Chinese source (and whether
 * the source pane is open) stay in localStorage so a reload loses nothing; rule and severity choices, ignored findings and the API token last for the
 * browser session only (sessionStorage), as the editor asked for.
 */
import type { Severity, SeveritySetting } from './api-types.js';
import type { Format } from './parts.js';

const ARTICLE_KEY = 'mtlint.article';
const SOURCE_KEY = 'mtlint.source';
const SOURCE_OPEN_KEY = 'mtlint.source-open';
const FORMAT_KEY = 'mtlint.format';
const SESSION_KEY = 'mtlint.session';
const TOKEN_KEY = 'mtlint.token';

export interface SessionChoices {
  /** Run every rule, not only the recommended ones. */
  all: boolean;
  /** Severity overrides by rule id. */
  rules: Record<string, SeveritySetting>;
  /** Which severities the page shows. */
  show: Record<Severity, boolean>;
  /** The issue list: grouped by category, or one list in the order of the text. */
  order: 'category' | 'document';
  /** Findings the editor chose to ignore (see `ignoreId`); never sent to the service. */
  ignored: string[];
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

export function loadSource(): string {
  try {
    return localStorage.getItem(SOURCE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** False when the browser refused (storage full or disabled). */
export function saveSource(source: string): boolean {
  try {
    if (source === '') localStorage.removeItem(SOURCE_KEY);
    else localStorage.setItem(SOURCE_KEY, source);
    return true;
  } catch {
    return false;
  }
}

export function loadSourceOpen(): boolean {
  try {
    return localStorage.getItem(SOURCE_OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveSourceOpen(open: boolean): void {
  try {
    if (open) localStorage.setItem(SOURCE_OPEN_KEY, '1');
    else localStorage.removeItem(SOURCE_OPEN_KEY);
  } catch {
    // The pane stays as it is on this page.
  }
}

export function loadFormat(): Format {
  try {
    const format = localStorage.getItem(FORMAT_KEY);
    return format === 'markdown' || format === 'html' ? format : 'text';
  } catch {
    return 'text';
  }
}

export function saveFormat(format: Format): void {
  try {
    if (format === 'text') localStorage.removeItem(FORMAT_KEY);
    else localStorage.setItem(FORMAT_KEY, format);
  } catch {
    // The format still applies to this page.
  }
}

/** The service's API token, for this tab only (sessionStorage: gone when the tab closes). */
export function loadToken(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Kept in memory for this page.
  }
}

export function loadSession(): SessionChoices {
  const fallback: SessionChoices = {
    all: false,
    rules: {},
    show: { error: true, warning: true, info: true },
    order: 'category',
    ignored: [],
  };
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return fallback;
    const parsed = JSON.parse(raw) as Partial<SessionChoices>;
    return {
      all: parsed.all === true,
      rules: typeof parsed.rules === 'object' && parsed.rules ? parsed.rules : {},
      show: { ...fallback.show, ...(parsed.show ?? {}) },
      order: parsed.order === 'document' ? 'document' : 'category',
      ignored: Array.isArray(parsed.ignored)
        ? parsed.ignored.filter((id): id is string => typeof id === 'string')
        : [],
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
