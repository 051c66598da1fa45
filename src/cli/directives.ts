import { location } from 'vfile-location';
import type { Diagnostic } from '../core/index.js';
import type { Directive } from './prose.js';

/**
 * Drops the diagnostics that inline comments switch off:
 * `<!-- mtlint-disable [ids] -->` until `<!-- mtlint-enable [ids] -->` (or the end of the file),
 * `<!-- mtlint-disable-next-line [ids] -->` for the line after the comment, and
 * `<!-- mtlint-disable-line [ids] -->` for the comment's own line. No ids means every rule.
 */
export function applyDirectives(
  source: string,
  diagnostics: readonly Diagnostic[],
  directives: readonly Directive[],
): Diagnostic[] {
  const toPoint = location(source).toPoint;
  const ranges = directives
    .filter((d) => d.kind === 'disable' || d.kind === 'enable')
    .sort((a, b) => a.start - b.start);
  const lines = directives
    .filter((d) => d.kind === 'disable-next-line' || d.kind === 'disable-line')
    .map((d) => {
      const line = toPoint(d.kind === 'disable-line' ? d.start : d.end)?.line ?? 0;
      return { rules: d.rules, line: d.kind === 'disable-line' ? line : line + 1 };
    });
  return diagnostics.filter((diagnostic) => {
    const appliesTo = (rules: string[]) => rules.length === 0 || rules.includes(diagnostic.ruleId);
    if (lines.some((d) => d.line === diagnostic.line && appliesTo(d.rules))) return false;
    let disabled = false;
    for (const directive of ranges) {
      if (directive.end > diagnostic.offset) break;
      if (appliesTo(directive.rules)) disabled = directive.kind === 'disable';
    }
    return !disabled;
  });
}
