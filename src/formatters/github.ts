import type { Severity } from '../core/index.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on its line of the pull
 * request (`::error file=...,line=...,col=...::message`).
 */
export const github: Formatter = (report) => {
  const out: string[] = [];
  for (const file of report.files) {
    for (const d of file.result.diagnostics) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`mtlint (${d.ruleId})`)}`,
      ].join(',');
      const best = d.suggestions[0];
      const suggestion =
        best === undefined
          ? ''
          : best === ''
            ? ' Suggestion: delete it.'
            : ` Suggestion: \`${best}\`.`;
      out.push(`::${COMMAND[d.severity]} ${properties}::${escapeData(d.message + suggestion)}`);
    }
  }
  const { totals } = report;
  out.push(
    `mtlint: ${totals.errors} errors, ${totals.warnings} warnings, ${totals.infos} infos in ` +
      `${totals.files} files; penalty ${totals.penalty} per 100 words`,
  );
  for (const failure of report.gate.failures) {
    out.push(`::error title=${escapeProperty('mtlint quality gate')}::${escapeData(failure)}`);
  }
  return out.join('\n') + '\n';
};

/** The escaping the Actions runner undoes for a command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also may not contain the separators `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
