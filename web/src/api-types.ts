/**
 * The service's public JSON shapes, as the page reads them. The diagnostic and summary are the
 * engine's own types (type-only imports: nothing of the engine is bundled).
 */
export type {
  Diagnostic,
  LintResult,
  Severity,
  SeveritySetting,
  Summary,
} from '../../src/core/types.js';
import type { Severity, SeveritySetting } from '../../src/core/types.js';

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
