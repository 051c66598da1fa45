import { defineRule, loadJson } from '../../src/core/index.js';

/** Lower-case abbreviations whose full stop may be followed by `,`, `;` or `:` ("Inc., said"). */
const ABBREVIATIONS = new Set(loadJson<string[]>(import.meta.url, './abbreviations.json'));

/** A run of two or more marks separated only by spaces or tabs: `. .`, `,.`, `. ,`. */
const RUN = /[.,;:!?](?:[ \t]*[.,;:!?])+/g;
/** Space before a mark that closes a word: `word ,`, `word .` (not an ellipsis, `. . .` or `.5`). */
const SPACE_BEFORE = /(?<=[\p{L}\p{N}"'”’)\]])[ \t]+(?:[,;:?!]|\.(?![.\p{N}]| \.))/gu;
/** A line that starts with a mark that can only follow something: `, experts and scholars`. */
const LINE_START = /^[ \t]*[,;:](?=[ \t]*\p{L})/gmu;
/** The word (with inner full stops, as in `U.S`) just before a run. */
const WORD_BEFORE = /(?:\p{L}+\.)*\p{L}+$/u;

const SENTENCE_END = new Set(['.', '!', '?']);
const STRENGTH: Record<string, number> = { '.': 3, '!': 3, '?': 3, ';': 2, ':': 2, ',': 1 };

export default defineRule({
  meta: {
    id: 'stray-punctuation',
    category: 'fluency/punctuation',
    severity: 'error',
    description: 'Punctuation left behind by a lost or merged clause',
    messages: {
      doubled: 'Unexpected `{{actual}}`: doubled punctuation, expected `{{expected}}`',
      orphan:
        'A sentence starts with `{{mark}}`: part of a clause was probably lost in translation; check the source',
      spaceBefore: 'Unexpected space before `{{mark}}`',
    },
    examples: {
      invalid: [
        'They met her respectively. . Then they left.',
        'It was done. , experts and scholars came to discuss.',
        'The talks ended,. The delegation left.',
        'The report was published.. It was long.',
        'The minister said , in a statement, that the plan works.',
        'The visit was a success .',
        ', experts and scholars came to discuss.',
      ],
      valid: [
        'He said: "Yes."',
        'See p. 4, line 2.',
        'He paused... then went on.',
        'He paused . . . then went on.',
        'Washington, D.C., is the capital.',
        'Acme Inc., the maker, said so.',
        'Why? Nobody knows!?',
        'The rate rose to .5 percent.',
      ],
    },
  },
  create(_options, { report }) {
    return (_tree, file) => {
      const text = String(file.value);

      for (const match of text.matchAll(RUN)) {
        const run = match[0];
        const start = match.index;
        const marks = run.replace(/[ \t]/g, '');
        if (isLegitimateRun(marks, text.slice(Math.max(0, start - 40), start))) continue;

        if (SENTENCE_END.has(marks[0]!) && /^[,;:]$/.test(marks[1]!)) {
          // `. , experts`: the sentence ended and something that needed a head goes on.
          const orphanAt = start + run.indexOf(marks[1]!);
          report(file, {
            at: { start: orphanAt, end: start + run.length },
            messageId: 'orphan',
            data: { mark: marks[1]! },
            expected: [''],
          });
          continue;
        }

        // Keep the strongest mark (the first among equals) and drop the rest.
        const keep = [...marks].reduce(
          (best, mark, index) =>
            (STRENGTH[mark] ?? 0) > (STRENGTH[marks[best]!] ?? 0) ? index : best,
          0,
        );
        const kept = marks[keep]!;
        const at =
          keep === 0
            ? { start: start + 1, end: start + run.length }
            : { start, end: start + run.length };
        report(file, {
          at,
          messageId: 'doubled',
          data: { actual: run, expected: kept },
          expected: [keep === 0 ? '' : kept],
        });
      }

      for (const match of text.matchAll(SPACE_BEFORE)) {
        const mark = match[0].trimStart();
        const end = match.index + match[0].length;
        // Part of a run: the run's own finding covers it.
        if (/[.,;:!?]/.test(text[end] ?? '')) continue;
        report(file, {
          at: { start: match.index, end },
          messageId: 'spaceBefore',
          data: { mark },
          expected: [mark],
        });
      }

      for (const match of text.matchAll(LINE_START)) {
        const mark = match[0].trimStart();
        const markAt = match.index + match[0].length - 1;
        report(file, {
          at: { start: markAt, end: markAt + 1 },
          messageId: 'orphan',
          data: { mark },
          expected: [''],
        });
      }
    };
  },
});

/** Runs that are good English: ellipses, `?!`, `!!`, and an abbreviation's stop before `,;:`. */
function isLegitimateRun(marks: string, before: string): boolean {
  if (/^\.{3,}[.?!]?$/.test(marks)) return true;
  if (/^[?!]+$/.test(marks)) return true;
  if (marks.length === 2 && marks[0] === '.' && /[,;:]/.test(marks[1]!)) {
    const word = WORD_BEFORE.exec(before)?.[0];
    if (word && isAbbreviation(word)) return true;
  }
  return false;
}

function isAbbreviation(word: string): boolean {
  // A single letter (`D.C.`'s `C`), an initialism with inner stops (`U.S`), or a known abbreviation.
  return word.length === 1 || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase());
}
