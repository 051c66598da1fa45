/**
 * The shape every rule README shares: the same sections in the same order, three of them (the
 * header, Options, Examples) generated from the rule between marker comments, the rest written by
 * hand. `npm run docs` rewrites the generated parts; the docs test checks the shape and that the
 * generated parts are current.
 */
import type { Rule } from '../src/core/index.js';
import { GENERATED_PARTS, renderPart, type GeneratedPart } from './rule-readme-parts.js';

/** The `##` sections of every rule README, in order. */
export const SECTIONS = [
  'Why it matters in translated news',
  'What it reports',
  'How it decides',
  'Options',
  'Examples',
  'Precision',
  'Limits',
] as const;

/** The section each generated part opens (the header opens the file, before any section). */
const OPENS: Record<GeneratedPart, string | undefined> = {
  header: undefined,
  options: 'Options',
  examples: 'Examples',
};

export const beginMarker = (part: GeneratedPart): string =>
  `<!-- begin generated: ${part} (from the rule's meta by \`npm run docs\`; edit the rule, not this) -->`;
export const endMarker = (part: GeneratedPart): string => `<!-- end generated: ${part} -->`;

/** What a new README's hand-written sections hold until someone writes them. */
const TO_WRITE = 'To be written.';

interface Located {
  /** Index of the first character after the begin marker's line. */
  from: number;
  /** Index of the end marker. */
  to: number;
}

function locate(readme: string, part: GeneratedPart): Located | string {
  const begin = readme.indexOf(beginMarker(part));
  const end = readme.indexOf(endMarker(part));
  if (begin === -1) return `has no \`${beginMarker(part)}\` line`;
  if (end === -1) return `has no \`${endMarker(part)}\` line`;
  if (end < begin) return `has \`${endMarker(part)}\` before its begin marker`;
  return { from: begin + beginMarker(part).length + 1, to: end };
}

/** `readme` with every generated part rewritten from `rule`; throws when a marker is missing. */
export function withGeneratedParts(readme: string, rule: Rule): string {
  let out = readme;
  for (const part of GENERATED_PARTS) {
    const at = locate(out, part);
    if (typeof at === 'string') throw new Error(`rules/${rule.meta.id}/README.md ${at}`);
    out = out.slice(0, at.from) + renderPart(part, rule) + '\n' + out.slice(at.to);
  }
  return out;
}

interface Heading {
  level: number;
  title: string;
  /** 0-based line. */
  line: number;
}

/** The Markdown headings of `markdown`, outside fenced code blocks. */
export function headings(markdown: string): Heading[] {
  const found: Heading[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((line, index) => {
    const marks = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marks && (fence === undefined || (marks[0] === fence[0] && marks.length >= fence.length))) {
      fence = fence === undefined ? marks : undefined;
      return;
    }
    const heading = fence === undefined ? /^(#{1,6}) (.*)$/.exec(line) : null;
    if (heading) found.push({ level: heading[1]!.length, title: heading[2]!.trim(), line: index });
  });
  return found;
}

/**
 * Everything wrong with a rule's README, each as a sentence that says how to fix it; empty when
 * the README has every section in order and its generated parts are what the rule gives now.
 */
export function readmeProblems(readme: string, rule: Rule): string[] {
  const problems: string[] = [];
  for (const part of GENERATED_PARTS) {
    const at = locate(readme, part);
    if (typeof at === 'string') {
      problems.push(`${at}: add the markers, then run \`npm run docs\``);
      continue;
    }
    if (readme.slice(at.from, at.to) !== renderPart(part, rule) + '\n') {
      problems.push(
        `its generated ${part} is not what the rule's meta gives now: run \`npm run docs\``,
      );
    }
  }

  const lines = readme.split('\n');
  if (lines[0] !== beginMarker('header')) {
    problems.push('does not start with the generated header (its begin marker on the first line)');
  }
  const found = headings(readme);
  const expected = [`# ${rule.meta.id}`, ...SECTIONS.map((title) => `## ${title}`)];
  const actual = found
    .filter((heading) => heading.level <= 2)
    .map((heading) => `${'#'.repeat(heading.level)} ${heading.title}`);
  if (actual.join('\n') !== expected.join('\n')) {
    problems.push(
      `has the sections ${JSON.stringify(actual)}; every rule README has ${JSON.stringify(expected)}`,
    );
  }

  for (const part of GENERATED_PARTS) {
    const section = OPENS[part];
    if (section === undefined) continue;
    const heading = found.find((h) => h.level === 2 && h.title === section);
    if (heading && lines[heading.line - 1] !== beginMarker(part)) {
      problems.push(`its "${section}" section does not open with the generated ${part}`);
    }
  }

  // Every hand-written section says something (and no longer the new README's placeholder).
  const sectionHeadings = found.filter((heading) => heading.level === 2);
  sectionHeadings.forEach((heading, index) => {
    if (Object.values(OPENS).includes(heading.title)) return;
    const end = sectionHeadings[index + 1]?.line ?? lines.length;
    const body = lines
      .slice(heading.line + 1, end)
      .filter((line) => !line.startsWith('<!-- '))
      .join('\n')
      .trim();
    if (body === '' || body.includes(TO_WRITE)) {
      problems.push(`its "${heading.title}" section is not written yet`);
    }
  });
  return problems;
}

function generated(part: GeneratedPart, rule: Rule): string {
  return [beginMarker(part), renderPart(part, rule), endMarker(part)].join('\n');
}

/** A new rule's README: the generated parts filled in, every other section still to write. */
export function newReadme(rule: Rule): string {
  const blocks = [generated('header', rule)];
  for (const section of SECTIONS) {
    const part = (Object.keys(OPENS) as GeneratedPart[]).find((key) => OPENS[key] === section);
    blocks.push(part ? generated(part, rule) : `## ${section}\n\n${TO_WRITE}`);
  }
  return blocks.join('\n\n') + '\n';
}
