import { styleText } from 'node:util';
import stringWidth from 'string-width';
import type { Diagnostic, Severity } from '../core/index.js';
import type { FileReport, Formatter } from './types.js';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_COLOUR: Record<Severity, Style> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
};

/** Without a width (the Node API), lay out for the common terminal. */
const DEFAULT_WIDTH = 80;
/** The message column never gets narrower than this, however long the paths and rule ids. */
const MIN_MESSAGE_WIDTH = 24;
const GAP = '  ';

/**
 * The default, for people: one line per diagnostic, `file:line:col  severity  message  ruleId`
 * (columns aligned within a file by display width, so `。` counts two; the place first, so a
 * terminal can open it), then each file's counts and penalty, then the totals and any failed
 * quality gate. A message longer than the terminal leaves room for wraps onto the next lines
 * under the message column; the rule id stays on the first line.
 */
export const stylish: Formatter = (report, options = {}) => {
  // The caller decides whether colour is wanted (flags, FORCE_COLOR, NO_COLOR, a terminal), so
  // styleText must not second-guess it by looking at this process's own stdout.
  const paint = (style: Style, text: string) =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const width = options.width ?? DEFAULT_WIDTH;
  const out: string[] = [];

  for (const file of report.files) {
    if (file.result.diagnostics.length === 0) continue;
    out.push(...fileBlock(file, paint, width), '');
  }

  const { totals } = report;
  const problems = totals.errors + totals.warnings + totals.infos;
  const counts =
    `${plural(problems, 'problem')} (${plural(totals.errors, 'error')}, ` +
    `${plural(totals.warnings, 'warning')}, ${plural(totals.infos, 'info', 'infos')})`;
  const tail = `in ${plural(totals.files, 'file')}, ${plural(totals.words, 'word')}, penalty ${totals.penalty} per 100 words`;
  const mark = totals.errors > 0 ? '✖' : problems > 0 ? '⚠' : '✔';
  const colour = totals.errors > 0 ? 'red' : problems > 0 ? 'yellow' : undefined;
  const line = `${mark} ${counts} ${tail}`;
  out.push(colour ? paint(['bold', colour], line) : line);
  for (const failure of report.gate.failures) {
    out.push(paint(['bold', 'red'], `✖ Quality gate failed: ${failure}`));
  }
  return out.join('\n') + '\n';
};

function fileBlock(
  file: FileReport,
  paint: (style: Style, text: string) => string,
  width: number,
): string[] {
  const rows = file.result.diagnostics.map((d: Diagnostic) => ({
    place: `${file.path}:${d.line}:${d.column}`,
    severity: d.severity,
    // A message is one line of the report: a line break in it would break the columns.
    message: d.message.replace(/\s*[\r\n]\s*/g, ' '),
    ruleId: d.ruleId,
  }));
  const placeWidth = Math.max(...rows.map((row) => stringWidth(row.place)));
  const severityWidth = Math.max(...rows.map((row) => stringWidth(row.severity)));
  const ruleWidth = Math.max(...rows.map((row) => stringWidth(row.ruleId)));
  const indent = placeWidth + GAP.length + severityWidth + GAP.length;
  const room = width - indent - GAP.length - ruleWidth;
  const longest = Math.max(...rows.map((row) => stringWidth(row.message)));
  const messageWidth = Math.max(MIN_MESSAGE_WIDTH, Math.min(longest, room));

  const lines: string[] = [];
  for (const row of rows) {
    const [first = '', ...rest] = wrap(row.message, messageWidth);
    lines.push(
      `${padEnd(row.place, placeWidth)}${GAP}` +
        `${paint(SEVERITY_COLOUR[row.severity], padEnd(row.severity, severityWidth))}${GAP}` +
        `${padEnd(first, messageWidth)}${GAP}${paint('dim', row.ruleId)}`,
    );
    for (const more of rest) lines.push(' '.repeat(indent) + more);
  }
  const { summary } = file.result;
  lines.push(
    paint(
      'dim',
      `${file.path}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ` +
        `${plural(summary.infos, 'info', 'infos')}; ${plural(summary.words, 'word')}, ` +
        `penalty ${summary.penalty} per 100 words` +
        (summary.truncated ? ` (only the first ${file.result.diagnostics.length} listed)` : ''),
    ),
  );
  return lines;
}

/** Pads to a display width: a Chinese character takes two columns, a combining mark none. */
function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Breaks a message into lines of at most `width` columns: at spaces, and between wide (CJK)
 * characters, which need no space to break; a word longer than a line is cut.
 */
export function wrap(text: string, width: number): string[] {
  if (stringWidth(text) <= width) return [text];
  // Pieces that may start a line: a word with the spaces after it, or one wide character.
  const pieces: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(text)) {
    if (/^\s+$/.test(segment)) {
      current += segment;
      pieces.push(current);
      current = '';
    } else if (stringWidth(segment) > 1) {
      if (current) pieces.push(current);
      pieces.push(segment);
      current = '';
    } else {
      current += segment;
    }
  }
  if (current) pieces.push(current);

  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (let piece of pieces) {
    if (stringWidth((line + piece).trimEnd()) <= width) {
      line += piece;
      continue;
    }
    flush();
    piece = piece.trimStart();
    // Longer than a whole line: cut it, grapheme by grapheme.
    while (stringWidth(piece.trimEnd()) > width) {
      let head = '';
      for (const { segment } of graphemes.segment(piece)) {
        if (stringWidth(head + segment) > width) break;
        head += segment;
      }
      if (!head) break; // one grapheme wider than the line: let it through
      lines.push(head);
      piece = piece.slice(head.length);
    }
    line = piece;
  }
  flush();
  return lines.length ? lines : [''];
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
