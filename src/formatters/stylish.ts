import type { Diagnostic, Severity } from '../core/index.js';
import type { FileReport, Formatter } from './types.js';

const ANSI = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  underline: '\u001b[4m',
  reset: '\u001b[0m',
} as const;

const SEVERITY_COLOUR: Record<Severity, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  info: ANSI.blue,
};

/**
 * The default, for people: one line per diagnostic, `file:line:col  severity  message  ruleId`
 * (columns aligned within a file, so a terminal can open the place), then each file's counts and
 * penalty, then the totals and any failed quality gate.
 */
export const stylish: Formatter = (report, options = {}) => {
  const paint = (code: string, text: string) =>
    options.color ? `${code}${text}${ANSI.reset}` : text;
  const out: string[] = [];

  for (const file of report.files) {
    if (file.result.diagnostics.length === 0) continue;
    out.push(...fileBlock(file, paint), '');
  }

  const { totals } = report;
  const problems = totals.errors + totals.warnings + totals.infos;
  const counts =
    `${plural(problems, 'problem')} (${plural(totals.errors, 'error')}, ` +
    `${plural(totals.warnings, 'warning')}, ${plural(totals.infos, 'info', 'infos')})`;
  const tail = `in ${plural(totals.files, 'file')}, ${plural(totals.words, 'word')}, penalty ${totals.penalty} per 100 words`;
  const mark = totals.errors > 0 ? '✖' : problems > 0 ? '⚠' : '✔';
  const colour = totals.errors > 0 ? ANSI.red : problems > 0 ? ANSI.yellow : '';
  out.push(
    colour ? paint(ANSI.bold + colour, `${mark} ${counts} ${tail}`) : `${mark} ${counts} ${tail}`,
  );
  for (const failure of report.gate.failures) {
    out.push(paint(ANSI.bold + ANSI.red, `✖ Quality gate failed: ${failure}`));
  }
  return out.join('\n') + '\n';
};

function fileBlock(file: FileReport, paint: (code: string, text: string) => string): string[] {
  const rows = file.result.diagnostics.map((d: Diagnostic) => ({
    place: `${file.path}:${d.line}:${d.column}`,
    severity: d.severity,
    message: d.message,
    ruleId: d.ruleId,
  }));
  const placeWidth = Math.max(...rows.map((row) => row.place.length));
  const severityWidth = Math.max(...rows.map((row) => row.severity.length));
  const messageWidth = Math.max(...rows.map((row) => row.message.length));
  const lines = rows.map(
    (row) =>
      `${row.place.padEnd(placeWidth)}  ` +
      `${paint(SEVERITY_COLOUR[row.severity], row.severity.padEnd(severityWidth))}  ` +
      `${row.message.padEnd(messageWidth)}  ${paint(ANSI.dim, row.ruleId)}`,
  );
  const { summary } = file.result;
  lines.push(
    paint(
      ANSI.dim,
      `${file.path}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ` +
        `${plural(summary.infos, 'info', 'infos')}; ${plural(summary.words, 'word')}, ` +
        `penalty ${summary.penalty} per 100 words` +
        (summary.truncated ? ` (only the first ${file.result.diagnostics.length} listed)` : ''),
    ),
  );
  return lines;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
