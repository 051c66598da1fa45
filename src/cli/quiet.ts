/** `--quiet`: the report of errors only. */
import type { LintReport } from '../formatters/index.js';

/**
 * --quiet: only error-severity diagnostics are shown, and the counts shown are theirs (as in
 * ESLint). The gate and the exit code still use every diagnostic, and penalties stay as computed.
 */
export function errorsOnly(report: LintReport): LintReport {
  const files = report.files.map((file) => {
    const diagnostics = file.result.diagnostics.filter((d) => d.severity === 'error');
    const categories: Record<string, number> = {};
    for (const d of diagnostics) categories[d.category] = (categories[d.category] ?? 0) + 1;
    return {
      ...file,
      result: {
        diagnostics,
        summary: { ...file.result.summary, warnings: 0, infos: 0, categories },
      },
    };
  });
  return { ...report, files, totals: { ...report.totals, warnings: 0, infos: 0 } };
}
