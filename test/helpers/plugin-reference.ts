/**
 * What a stock retext plugin itself reports on a whole text, and what the linter reports for the
 * rule that re-implements or narrows it: the tests of those rules compare the two.
 */
import retextEnglish from 'retext-english';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'nlcst';
import type { Linter } from '../../src/core/index.js';
import { createRuleLinter } from '../../src/linter.js';

/** The plugin's messages on `text`, each as `offset:expected`. */
export function pluginFindings<Options>(
  plugin: Plugin<[Options?], Root>,
  text: string,
  options?: Options,
): string[] {
  const processor = unified().use(retextEnglish).use(plugin, options);
  const file = new VFile({ value: text });
  processor.runSync(processor.parse(file), file);
  return file.messages.map(
    (message) =>
      `${message.place && 'start' in message.place ? message.place.start.offset : -1}:${JSON.stringify(message.expected)}`,
  );
}

/** Linters by their config's JSON: property tests call `ruleFindings` hundreds of times. */
const linters = new Map<string, Linter>();

/**
 * The diagnostics of `ruleId`, run alone, on `text` under `config` (the rule's entry of a config's
 * `rules`), each as `offset:suggestions`.
 */
export function ruleFindings(ruleId: string, text: string, config: unknown): string[] {
  const key = JSON.stringify([ruleId, config]);
  let linter = linters.get(key);
  if (!linter) {
    const setting = (config as { rules?: Record<string, unknown> } | undefined)?.rules?.[ruleId];
    linter = createRuleLinter(ruleId, setting);
    linters.set(key, linter);
  }
  return linter
    .lint(text)
    .diagnostics.filter((d) => d.ruleId === ruleId)
    .map((d) => `${d.offset}:${JSON.stringify(d.suggestions)}`);
}
