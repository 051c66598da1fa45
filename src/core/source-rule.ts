/**
 * The bridge between the source checks (src/core/source: alignment and comparisons, pure) and
 * rules: the bilingual document is built once per lint, on first need, from the NewsDocument's
 * blocks and sentences and the source's prose; each source rule runs its check on it.
 */
import type { VFile } from 'vfile';
import { defineRule } from './define-rule.js';
import { documentOf } from './document/of.js';
import { buildBilingual, type Bilingual, type SourceCheck } from './source/index.js';
import type { EnglishParagraphInput, Term } from './source/types.js';
import type { Rule, RuleExamples, Severity } from './types.js';

declare module 'vfile' {
  interface DataMap {
    /** The text aligned with its source: see `bilingualOf`. */
    mtlintBilingual: Bilingual;
  }
}

/** The text aligned with its Chinese source, or undefined when the lint has no source. */
export function bilingualOf(file: VFile): Bilingual | undefined {
  const source = file.data.mtlintSource;
  if (source === undefined) return undefined;
  if (!file.data.mtlintBilingual) {
    const document = documentOf(file);
    const paragraphs: EnglishParagraphInput[] = [];
    for (const block of document.blocks) {
      const sentences = block.paragraphs.flatMap((paragraph) =>
        paragraph.children
          .filter((node) => node.type === 'SentenceNode')
          .map((node) => ({
            start: node.position!.start.offset!,
            end: node.position!.end.offset!,
          })),
      );
      if (sentences.length > 0) paragraphs.push({ start: block.start, end: block.end, sentences });
    }
    file.data.mtlintBilingual = buildBilingual({ text: document.text, paragraphs, source });
  }
  return file.data.mtlintBilingual;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * A rule made of a source check: its id, category, description and messages are the check's; its
 * default severity is the highest any of its messages has, and each finding is capped at its
 * message's own (measured) severity.
 */
export function defineSourceRule<Options = unknown>(
  check: SourceCheck,
  extra: {
    examples: RuleExamples;
    options?: Rule<Options>['meta']['options'];
    /** What the check needs from the options (the terminology rule's term list). */
    terms?: (options: Options) => Term[];
  },
): Rule<Options> {
  const { meta } = check;
  const severities = Object.values(meta.severities);
  const severity = severities.reduce<Severity>(
    (top, next) => (RANK[next] > RANK[top] ? next : top),
    'info',
  );
  return defineRule<Options>({
    meta: {
      id: meta.id,
      category: meta.category,
      severity,
      description: meta.description,
      messages: meta.messages,
      needsSource: true,
      ...(extra.options ? { options: extra.options } : {}),
      examples: extra.examples,
    },
    create(options, { report }) {
      const terms = extra.terms?.(options);
      return (_tree, file) => {
        const bilingual = bilingualOf(file);
        if (!bilingual || bilingual.status !== 'ok') return;
        const findings = check.check(terms ? { ...bilingual, terms } : bilingual);
        for (const finding of findings) {
          report(file, {
            at: { start: finding.offset, end: finding.offset + finding.length },
            messageId: finding.messageId,
            data: finding.data,
            expected: finding.suggestions,
            severity: finding.severity,
            source: {
              start: finding.sourceOffset,
              end: finding.sourceOffset + finding.sourceLength,
            },
          });
        }
      };
    },
  });
}
