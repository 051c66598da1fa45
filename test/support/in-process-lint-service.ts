/**
 * TEST HARNESS: a LintService that lints on the calling thread with `createMtLinter`, one linter per
 * distinct config. The service's real implementation (worker threads, limits) replaces it in the app.
 */
import type { LintResult } from '../../src/core/index.js';
import type { LintService } from '../../src/http/routes/lint-service-contract.js';
import { createMtLinter } from '../../src/linter.js';

export function createInProcessLintService(): LintService & { calls: unknown[] } {
  const linters = new Map<string, ReturnType<typeof createMtLinter>>();
  const calls: unknown[] = [];
  return {
    calls,
    async lint(text: string, config?: unknown): Promise<LintResult> {
      calls.push(config);
      const key = JSON.stringify(config ?? {});
      let linter = linters.get(key);
      if (!linter) {
        linter = createMtLinter(config ?? {});
        linters.set(key, linter);
      }
      return linter.lint(text);
    },
    async close() {
      linters.clear();
    },
  };
}
