import type { Directive } from './types.js';

/**
 * Reads one comment's body as a directive: `mtlint-disable [ids] [-- reason]`, `mtlint-enable`,
 * `mtlint-disable-line`, `mtlint-disable-next-line`. Anything else is an ordinary comment.
 */
export function parseDirective(body: string, start: number, end: number): Directive | undefined {
  const words = body.trim().split(/\s+/);
  const match = /^mtlint-(disable-next-line|disable-line|disable|enable)$/.exec(words[0] ?? '');
  if (!match) return undefined;
  const rest = words.slice(1);
  const reason = rest.indexOf('--');
  const rules = (reason === -1 ? rest : rest.slice(0, reason))
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  return { kind: match[1] as Directive['kind'], rules, start, end };
}

/** Every `<!-- … -->` directive in a piece of raw text, with offsets from `base`. */
export function scanCommentDirectives(raw: string, base: number): Directive[] {
  const found: Directive[] = [];
  for (let open = raw.indexOf('<!--'); open !== -1; open = raw.indexOf('<!--', open + 4)) {
    const close = raw.indexOf('-->', open + 4);
    if (close === -1) break;
    const directive = parseDirective(raw.slice(open + 4, close), base + open, base + close + 3);
    if (directive) found.push(directive);
  }
  return found;
}

/** The line (1-based) of each offset, for directives that name lines. */
export type LineOf = (offset: number) => number;

/** Where directives switch rules off, ready to ask about one finding at a time. */
export interface DirectiveIndex {
  /** The directive that disables `ruleId` at this place, if any (marked as used). */
  disables(ruleId: string, offset: number, line: number): Directive | undefined;
  /** Directives that disabled nothing. */
  unused(): Directive[];
}

/**
 * `disable` … `enable` ranges (or to the end of the file), `disable-next-line` for the line after
 * the comment and `disable-line` for the comment's own line. No ids means every rule.
 */
export function indexDirectives(directives: readonly Directive[], lineOf: LineOf): DirectiveIndex {
  const ranges = directives
    .filter((d) => d.kind === 'disable' || d.kind === 'enable')
    .sort((a, b) => a.start - b.start);
  const lines = directives
    .filter((d) => d.kind === 'disable-next-line' || d.kind === 'disable-line')
    .map((d) => ({
      directive: d,
      line: d.kind === 'disable-line' ? lineOf(d.start) : lineOf(d.end) + 1,
    }));
  const used = new Set<Directive>();
  const appliesTo = (rules: string[], ruleId: string) =>
    rules.length === 0 || rules.includes(ruleId);
  return {
    disables(ruleId, offset, line) {
      for (const entry of lines) {
        if (entry.line === line && appliesTo(entry.directive.rules, ruleId)) {
          used.add(entry.directive);
          return entry.directive;
        }
      }
      let disabledBy: Directive | undefined;
      for (const directive of ranges) {
        if (directive.end > offset) break;
        if (appliesTo(directive.rules, ruleId)) {
          disabledBy = directive.kind === 'disable' ? directive : undefined;
        }
      }
      if (disabledBy) used.add(disabledBy);
      return disabledBy;
    },
    unused: () =>
      directives
        .filter((d) => d.kind !== 'enable' && !used.has(d))
        .sort((a, b) => a.start - b.start),
  };
}
