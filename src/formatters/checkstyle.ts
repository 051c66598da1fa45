import type { Formatter } from './types.js';
import { escapeXml } from './xml.js';

/** Checkstyle XML, which many CI dashboards and review bots read. */
export const checkstyle: Formatter = (report) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const file of report.files) {
    out.push(`  <file name="${escapeXml(file.path)}">`);
    for (const d of file.result.diagnostics) {
      out.push(
        `    <error line="${d.line}" column="${d.column}" severity="${d.severity}" ` +
          `message="${escapeXml(d.message)}" source="mtlint.${escapeXml(d.ruleId)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>', '');
  return out.join('\n');
};
