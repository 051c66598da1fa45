/**
 * The service's in-process LintService, recording the config of every call so tests can check what
 * an adapter asked for.
 */
import type { LintService } from '../../src/http/lint-service.js';
import { createInProcessLintService } from '../../src/http/lint-service.js';

export function createRecordingLintService(): LintService & { calls: unknown[] } {
  const inner = createInProcessLintService();
  const calls: unknown[] = [];
  return {
    calls,
    lint(text, config) {
      calls.push(config);
      return inner.lint(text, config);
    },
    close: () => inner.close(),
  };
}
