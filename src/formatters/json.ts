import type { Formatter } from './types.js';

/**
 * For machines: per file the same `{diagnostics, summary}` objects as the HTTP service's
 * `POST /v1/lint`, with the file's `path` (and, when fixing, `output`: the fixed text, as in
 * ESLint's JSON); then the run's totals and quality gate.
 */
export const json: Formatter = (report) =>
  JSON.stringify(
    {
      files: report.files.map(({ path, result, output }) => ({
        path,
        diagnostics: result.diagnostics,
        summary: result.summary,
        ...(output === undefined ? {} : { output }),
      })),
      totals: report.totals,
      gate: report.gate,
    },
    null,
    2,
  ) + '\n';
