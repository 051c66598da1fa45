import type { FileReport, Formatter, LintReport } from './types.js';
import { escapeXml } from './xml.js';

/**
 * JUnit XML (GitLab, Jenkins, Azure): one test case per file. A file fails when it has an
 * error-severity diagnostic or its penalty is over `--max-penalty`; the failure lists every finding.
 */
export const junit: Formatter = (report) => {
  const cases = report.files.map((file) => testCase(file, report));
  const failures = cases.filter((c) => c.failed).length;
  const attributes = `tests="${cases.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mtlint" ${attributes}>`,
    `  <testsuite name="mtlint" ${attributes}>`,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};

function testCase(file: FileReport, report: LintReport): { failed: boolean; xml: string } {
  const { diagnostics, summary } = file.result;
  const name = escapeXml(file.path);
  const overPenalty =
    report.gate.maxPenalty !== undefined && summary.penalty > report.gate.maxPenalty;
  const failed = summary.errors > 0 || overPenalty;
  const findings = diagnostics
    .map((d) => `${file.path}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`)
    .join('\n');
  const counts =
    `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos; ` +
    `penalty ${summary.penalty} per 100 words`;
  const open = `    <testcase classname="mtlint" name="${name}" file="${name}">`;
  if (failed) {
    return {
      failed,
      xml: [
        open,
        `      <failure type="mtlint" message="${escapeXml(counts)}">${escapeXml(findings)}</failure>`,
        '    </testcase>',
      ].join('\n'),
    };
  }
  const out = findings
    ? `\n      <system-out>${escapeXml(`${counts}\n${findings}`)}</system-out>\n    `
    : '';
  return { failed, xml: `${open}${out}</testcase>` };
}
