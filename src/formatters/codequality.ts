import type { Severity } from '../core/index.js';
import type { Formatter } from './types.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
};

/**
 * GitLab Code Quality (a subset of Code Climate's format): GitLab shows each finding on its line of
 * the merge request diff. The fingerprint identifies a finding across runs, so GitLab can tell new
 * findings from fixed ones: it hangs on the file, the rule, the flagged text and how many times that
 * same text was flagged before in the file, not on line numbers that shift with every edit.
 */
export const codequality: Formatter = (report) => {
  const issues = report.files.flatMap((file) => {
    const seen = new Map<string, number>();
    return file.result.diagnostics.map((d) => {
      const key = `${file.path}\u0000${d.ruleId}\u0000${d.excerpt}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        type: 'issue',
        check_name: d.ruleId,
        description: d.message,
        categories: ['Style'],
        severity: SEVERITY[d.severity],
        fingerprint: fingerprint(`${key}\u0000${occurrence}`),
        location: {
          path: file.path,
          positions: {
            begin: { line: d.line, column: d.column },
            end: { line: d.endLine, column: d.endColumn },
          },
        },
      };
    });
  });
  return JSON.stringify(issues, null, 2) + '\n';
};

/** 128-bit FNV-1a as 32 hex digits: stable, dependency-free, and plenty to tell findings apart. */
function fingerprint(text: string): string {
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  const prime = 0x0000000001000000000000000000013bn;
  const mask = (1n << 128n) - 1n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(32, '0');
}
