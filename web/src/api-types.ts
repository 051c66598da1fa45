/** The service's public JSON shapes, as the page reads them (see the HTTP API documentation). */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  category: string;
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  excerpt: string;
  suggestions: string[];
  url?: string;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  words: number;
  sentences: number;
  categories: Record<string, number>;
  penalty: number;
  truncated: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  summary: Summary;
}

export interface RuleInfo {
  id: string;
  category: string;
  severity: Severity;
  recommended: boolean;
  description: string;
  url?: string;
}

export interface SessionConfig {
  extends?: 'all';
  rules?: Record<string, SeveritySetting>;
}
