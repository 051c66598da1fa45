/**
 * The generated parts of a rule's README, rendered from the rule itself so that they cannot drift
 * from it: the header (id, description, category, severity, ...), the Options (from the zod
 * schema: types, defaults, descriptions) and the Examples (the rule's `meta.examples`, each linted
 * by the rule alone, with the findings it gives).
 */
import { z } from 'zod';
import type { Diagnostic, Rule, RuleExample } from '../src/core/index.js';
import { createRuleLinter } from '../src/linter.js';

/** The ids of the generated parts, in the order they appear in a README. */
export const GENERATED_PARTS = ['header', 'options', 'examples'] as const;
export type GeneratedPart = (typeof GENERATED_PARTS)[number];

export function renderPart(part: GeneratedPart, rule: Rule): string {
  if (part === 'header') return renderHeader(rule);
  if (part === 'options') return renderOptions(rule);
  return renderExamples(rule);
}

/** A Markdown code span that holds `text` whatever backticks it contains. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^\s|\s$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text for a table cell: a pipe would end the cell, a line break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function renderHeader({ meta }: Rule): string {
  const safe = meta.safeFixes?.length ? meta.safeFixes.map(code).join(', ') : 'none';
  const rows: [string, string][] = [
    ['category', code(meta.category)],
    ['default severity', code(meta.severity)],
    ['recommended', meta.recommended === false ? 'no (runs with `all` or when named)' : 'yes'],
    ['safe fixes (`--fix`)', safe],
    [
      'needs the Chinese source',
      meta.needsSource
        ? 'yes: runs only when the text comes with its source (`source` over HTTP, `--source` in the CLI, `{source}` in the Node API)'
        : 'no',
    ],
    ['reads', meta.scope ? meta.scope.map(code).join(', ') : 'every block of the document'],
    ['options', meta.options ? optionNames(meta.options).map(code).join(', ') : 'none'],
  ];
  return [
    `# ${meta.id}`,
    '',
    sentence(meta.description),
    '',
    ...rows.map(([name, value]) => `- **${name}**: ${value}`),
  ].join('\n');
}

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: unknown;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** The options as the config gives them (input side: a field with a default is optional). */
function optionsSchema(options: NonNullable<Rule['meta']['options']>): JsonSchema {
  return z.toJSONSchema(options, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function optionNames(options: NonNullable<Rule['meta']['options']>): string[] {
  return Object.keys(optionsSchema(options).properties ?? {});
}

/** `Number.MAX_SAFE_INTEGER`, which zod gives every `.int()` as its maximum: no real bound. */
const NO_BOUND = Number.MAX_SAFE_INTEGER;

/** A JSON Schema type in words: `integer ≥ 5`, `number > 0, ≤ 1`, `"ap" \| "none" \| object`. */
export function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return code(JSON.stringify(schema.const));
  if (schema.enum) return schema.enum.map((value) => code(JSON.stringify(value))).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
  if (schema.type === 'integer' || schema.type === 'number') {
    const bounds: string[] = [];
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
    if (minimum !== undefined && maximum !== undefined && maximum !== NO_BOUND) {
      return `${schema.type} ${minimum}–${maximum}`;
    }
    if (minimum !== undefined && minimum !== -NO_BOUND) bounds.push(`≥ ${minimum}`);
    if (exclusiveMinimum !== undefined) bounds.push(`> ${exclusiveMinimum}`);
    if (maximum !== undefined && maximum !== NO_BOUND) bounds.push(`≤ ${maximum}`);
    if (exclusiveMaximum !== undefined) bounds.push(`< ${exclusiveMaximum}`);
    return [schema.type, bounds.join(', ')].filter(Boolean).join(' ');
  }
  if (schema.type === 'null') return code('null');
  // No type: the schema accepts any value and checks it itself (a transform).
  return schema.type ?? 'any (checked when the linter is built)';
}

/** A default as JSON; a fraction rounded to four digits, marked as rounded. */
function defaultOf(value: unknown): string {
  if (value === undefined) return '(required)';
  if (typeof value === 'number' && !Number.isInteger(value)) {
    const rounded = Number(value.toPrecision(4));
    return rounded === value ? code(String(value)) : `≈ ${code(String(rounded))}`;
  }
  return code(JSON.stringify(value));
}

export function renderOptions({ meta }: Rule): string {
  const lines = ['## Options', ''];
  if (!meta.options) {
    lines.push(
      `None. The rule is set like any other: ${code(`{ "rules": { "${meta.id}": "${meta.severity}" } }`)}, or ${code('"off"')}.`,
    );
    return lines.join('\n');
  }
  const schema = optionsSchema(meta.options);
  const properties = schema.properties ?? {};
  const refused =
    schema.additionalProperties === false ? 'an unknown option or a bad value' : 'a bad value';
  lines.push(
    `Given after the severity: ${code(`{ "rules": { "${meta.id}": ["${meta.severity}", { ... }] } }`)}. ` +
      `Each option may be left out; the linter refuses ${refused} when it is built.`,
    '',
    '| option | type | default | meaning |',
    '| --- | --- | --- | --- |',
  );
  for (const [name, schema] of Object.entries(properties)) {
    const row = [
      code(name),
      typeOf(schema),
      defaultOf(schema.default),
      schema.description ?? '',
    ].map(cell);
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines.join('\n');
}

interface Case {
  text: string;
  source?: string;
  options?: unknown;
}

function caseOf(example: RuleExample): Case {
  return typeof example === 'string' ? { text: example } : example;
}

/** An excerpt short enough to read beside its message: the ends of a long one. */
function shortExcerpt(excerpt: string): string {
  const flat = excerpt.replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length <= 80 ? flat : `${flat.slice(0, 40)} … ${flat.slice(-30)}`;
}

/** A fenced block that holds `text` whatever fences it contains. */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/** Spaces at the ends made visible: a code span would swallow them. */
function visible(text: string): string {
  return text.replace(/^ +| +$/g, (spaces) => '␣'.repeat(spaces.length));
}

function describeSuggestion(suggestion: string): string {
  return suggestion === '' ? 'deleting it' : code(visible(suggestion));
}

function describeFinding(diagnostic: Diagnostic): string {
  const fix = diagnostic.fix === undefined ? '' : ' (a safe fix)';
  const suggestions = diagnostic.suggestions.length
    ? `; suggests ${diagnostic.suggestions.map(describeSuggestion).join(', ')}${fix}`
    : '';
  const message = diagnostic.message.replace(/</g, '&lt;');
  const excerpt = code(visible(shortExcerpt(diagnostic.excerpt)));
  return `- ${excerpt} (${code(diagnostic.messageId)}, ${diagnostic.severity}): ${message}${suggestions}`;
}

function caseHeading({ source, options }: Case): string[] {
  const notes: string[] = [];
  if (options !== undefined) notes.push(`with the options ${code(JSON.stringify(options))}`);
  if (source !== undefined) notes.push('with its Chinese source');
  return notes.length ? [`${notes.join(', ')}:`.replace(/^w/, 'W'), ''] : [];
}

function renderCase(example: Case): string[] {
  return [
    ...caseHeading(example),
    fenced(example.text),
    ...(example.source === undefined ? [] : ['', 'Source:', '', fenced(example.source)]),
  ];
}

/**
 * The rule's examples with what it reports on each. Every example is linted by the rule alone at
 * its default severity (with the example's options), as the examples test runs it.
 */
export function renderExamples(rule: Rule): string {
  const { meta } = rule;
  const linters = new Map<string, ReturnType<typeof createRuleLinter>>();
  const lint = ({ text, source, options }: Case): Diagnostic[] => {
    const key = JSON.stringify(options ?? null);
    let linter = linters.get(key);
    if (!linter) {
      linter = createRuleLinter(
        meta.id,
        options === undefined ? meta.severity : [meta.severity, options],
      );
      linters.set(key, linter);
    }
    return linter.lint(text, source === undefined ? {} : { source }).diagnostics;
  };

  const lines = [
    '## Examples',
    '',
    "From the rule's `meta.examples`, each linted by this rule alone at its default severity; " +
      'every one is also a test.',
    '',
    '### Reported',
  ];
  for (const example of meta.examples.invalid.map(caseOf)) {
    const found = lint(example);
    lines.push('', ...renderCase(example), '');
    if (found.length === 0) lines.push('- (nothing: this example is no longer reported)');
    else lines.push(...found.map(describeFinding));
  }

  lines.push('', '### Not reported');
  // Plain one-line examples share one block; the others (a source, options, line breaks) stand alone.
  let plain: string[] = [];
  const flush = () => {
    if (plain.length) lines.push('', fenced(plain.join('\n')));
    plain = [];
  };
  for (const example of meta.examples.valid.map(caseOf)) {
    const found = lint(example);
    if (found.length > 0) {
      flush();
      lines.push('', ...renderCase(example), '', '- (reported, though it is listed as not):');
      lines.push(...found.map(describeFinding));
    } else if (
      example.source === undefined &&
      example.options === undefined &&
      !/\n/.test(example.text)
    ) {
      plain.push(example.text);
    } else {
      flush();
      lines.push('', ...renderCase(example));
    }
  }
  flush();
  return lines.join('\n');
}
