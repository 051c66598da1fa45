import type { Diagnostic, Severity } from '../core/index.js';
import type { FileReport, FormatOptions, Formatter, RuleInfo } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

const ABSOLUTE_URI = /^[a-z][a-z\d+.-]*:/i;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: the rules that were reported (with help text and
 * help URI), one result per diagnostic with its physical location (UTF-16 columns, like ours), and
 * the suggested replacements as fixes.
 */
export const sarif: Formatter = (report, options = {}) => {
  const rules = [...report.rules].sort((a, b) => a.id.localeCompare(b.id));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.files.flatMap((file, fileIndex) =>
    file.result.diagnostics.map((d) => result(d, file, fileIndex, ruleIndex.get(d.ruleId))),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: rules.map((rule) => descriptor(rule, options)),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: report.files.map((file) => ({
          location: { uri: toUri(file.path) },
          properties: { summary: file.result.summary },
        })),
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function descriptor(rule: RuleInfo, options: FormatOptions) {
  const helpUri = resolveUrl(rule.url, options.docsBaseUrl);
  const help = `${rule.description}. Category: ${rule.category}. Documentation: ${helpUri ?? rule.url}`;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} (MQM category: ${rule.category}).` },
    help: {
      text: help,
      markdown: `${rule.description}. Category: \`${rule.category}\`. [Documentation](${helpUri ?? rule.url})`,
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: rule.category, tags: ['mtlint', rule.category] },
  };
}

function result(d: Diagnostic, file: FileReport, index: number, ruleIndex: number | undefined) {
  const artifactLocation = { uri: toUri(file.path), index };
  return {
    ruleId: d.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: d.line,
            startColumn: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
            charOffset: d.offset,
            charLength: d.length,
            snippet: { text: d.excerpt },
          },
        },
      },
    ],
    ...(d.suggestions.length
      ? {
          fixes: d.suggestions.map((text) => ({
            description: { text: `Replace with \`${text}\`` },
            artifactChanges: [
              {
                artifactLocation,
                replacements: [
                  {
                    deletedRegion: { charOffset: d.offset, charLength: d.length },
                    insertedContent: { text },
                  },
                ],
              },
            ],
          })),
        }
      : {}),
    properties: { category: d.category },
  };
}

/** Relative paths stay relative (GitHub resolves them against the repository root). */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function resolveUrl(url: string, base: string | undefined): string | undefined {
  if (ABSOLUTE_URI.test(url)) return url;
  if (!base) return undefined;
  try {
    return new URL(url, base.endsWith('/') ? base : `${base}/`).href;
  } catch {
    return undefined;
  }
}

function pascalCase(id: string): string {
  return id.replace(/(?:^|-)([a-z\d])/g, (_, letter: string) => letter.toUpperCase());
}
