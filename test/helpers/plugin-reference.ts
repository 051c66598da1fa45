/**
 * What a stock retext plugin itself reports on a whole text, and what the linter reports for the
 * rule that re-implements or narrows it: the tests of those rules compare the two.
 */
import retextEnglish from 'retext-english';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'nlcst';
import { createMtLinter } from '../../src/linter.js';

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

/** The linter's diagnostics of `ruleId` on `text` under `config`, each as `offset:suggestions`. */
export function ruleFindings(ruleId: string, text: string, config: unknown): string[] {
  return createMtLinter(config)
    .lint(text)
    .diagnostics.filter((d) => d.ruleId === ruleId)
    .map((d) => `${d.offset}:${JSON.stringify(d.suggestions)}`);
}
