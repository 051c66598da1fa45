import { z } from 'zod';
import { defineRule } from '../../src/core/rule-kit.js';

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
] as const;

/**
 * How a point is introduced. Chinese lists (一是……二是……, 第一……第二……) come out of machine
 * translation as `The first is to ...`, `First, ...` or `1. ...`, and often change from one to another
 * within the same list.
 */
type Form = 'the-nth-is' | 'nth-comma' | 'digit-dot' | 'digit-paren';

interface Marker {
  n: number;
  form: Form;
  start: number;
  end: number;
  /** `The first is to ...`: the marker took the `to` with it. */
  withTo: boolean;
  /** Whether the marker's first letter is upper case. */
  capital: boolean;
}

/**
 * `the first is (to)`, `first,`, `firstly,`, `first of all,` (the context is checked in code).
 * It opens with `(?<!\w)`, the same test as `\b` before a letter, because an expression opening
 * with `\b` (case-insensitive, Unicode) is tried in full at every character: twice as slow.
 */
const ORDINAL_MARKER =
  // eslint-disable-next-line regexp/prefer-predefined-assertion -- see above: faster than \b
  /(?<!\w)(?<the>the[ \t]+)?(?<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?(?<rest>[ \t]+(?:is|are)(?<to>[ \t]+to)?\b|[ \t]+of[ \t]+all,|,)/giu;
/** `1. `, `(2) `, `3) ` at the start of a line. */
const DIGIT_MARKER = /^[ \t]*(?<open>\()?(?<n>\d{1,2})(?<close>[.)])[ \t]/gmu;
/** What may stand just before a point that opens a sentence or follows a colon or semicolon. */
const SENTENCE_END = /[.!?]["'”’)\]]*$/u;

function markers(text: string): Marker[] {
  const found: Marker[] = [];
  for (const match of text.matchAll(ORDINAL_MARKER)) {
    const groups = match.groups!;
    const form: Form = groups.the ? 'the-nth-is' : 'nth-comma';
    // `the first is` needs its verb; `first,` must not be `the first,`.
    const hasVerb = /^[ \t]+(?:is|are)/iu.test(groups.rest!);
    if ((form === 'the-nth-is') !== hasVerb) continue;
    const capital = /\p{Lu}/u.test(match[0][0]!);
    if (!opensPoint(text, match.index, capital)) continue;
    found.push({
      n: ORDINALS.indexOf(groups.ordinal!.toLowerCase() as (typeof ORDINALS)[number]) + 1,
      form,
      start: match.index,
      end: match.index + match[0].length,
      withTo: Boolean(groups.to),
      capital,
    });
  }
  for (const match of text.matchAll(DIGIT_MARKER)) {
    const groups = match.groups!;
    // `(1)` and `1)` are one form; `(1.` is nothing.
    if (groups.open && groups.close !== ')') continue;
    const start = match.index + match[0].length - match[0].trimStart().length;
    found.push({
      n: Number(groups.n),
      form: groups.close === '.' ? 'digit-dot' : 'digit-paren',
      start,
      end: match.index + match[0].length - 1,
      withTo: false,
      capital: true,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A point opens a sentence (after a full stop or at the start of a line, capitalised) or follows a
 * colon or semicolon (`do four things well: First, ...`); elsewhere `first` is an ordinary word.
 */
function opensPoint(text: string, at: number, capital: boolean): boolean {
  let index = at - 1;
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t')) index--;
  if (index < 0 || text[index] === '\n' || text[index] === '\r') return capital;
  const before = text[index]!;
  if (before === ':' || before === ';') return true;
  return (
    capital && index < at - 1 && SENTENCE_END.test(text.slice(Math.max(0, index - 3), index + 1))
  );
}

const WRITTEN: Record<Form, (n: number, withTo: boolean) => string> = {
  'the-nth-is': (n, withTo) => `the ${ORDINALS[n - 1]} is${withTo ? ' to' : ''}`,
  'nth-comma': (n) => `${ORDINALS[n - 1]},`,
  'digit-dot': (n) => `${n}.`,
  'digit-paren': (n) => `(${n})`,
};

function written(form: Form, n: number, withTo: boolean, capital: boolean): string {
  const text = WRITTEN[form](n, withTo);
  return capital ? text[0]!.toUpperCase() + text.slice(1) : text;
}

interface List {
  markers: Marker[];
}

export default defineRule({
  meta: {
    id: 'enumeration',
    category: 'style',
    severity: 'warning',
    description: 'A list of points whose form changes, or whose numbers skip or repeat',
    messages: {
      formChanged:
        'This list changes form: its other points read `{{majority}}`, this one `{{actual}}`; keep one form',
      skipped: 'This list goes from point {{previous}} to point {{actual}}: is a point missing?',
      repeated: 'This list has point {{actual}} twice',
    },
    options: z
      .object({
        /** A point further than this many characters from the list's last point starts afresh. */
        window: z
          .number()
          .int()
          .min(100)
          .default(5000)
          .describe(
            "a point further than this many characters from a list's last point starts afresh",
          ),
      })
      .strict()
      .prefault({}),
    examples: {
      invalid: [
        // The seed article's list: three points one way, the fourth another.
        'The first is to enhance understanding. The second is to clarify the proposition. The third is to strengthen cooperation. Fourth, experience a real Xinjiang.',
        // Its inner list, after a colon.
        'The most important thing is to do four things well: First, adhere to the approach. The second is to respect each path. The third is to make overall plans. The fourth is to strengthen governance.',
        'First, the price rose. Second, demand fell. Fourth, stocks ran out.',
        'The first is to cut costs. The second is to raise wages. The second is to build roads.',
        '1. Cut costs.\n2. Raise wages.\nThird, build roads.',
      ],
      valid: [
        'First, the price rose. Second, demand fell. Third, stocks ran out.',
        'The first is to cut costs. The second is to raise wages. The third is to build roads.',
        'Two plans were tabled. The first is cheap; the second is not.',
        'He came first, and she came second. The first prize went to him.',
        'It was the first time. The second time was worse.',
        '1. Cut costs.\n2. Raise wages.\n1. Build roads.',
        'First, the price rose. Then, a year later, the company said: first, wages rise; second, prices fall.',
        'At first, it was quiet. Second, the crowd grew.',
      ],
    },
  },
  create({ window }, { report }) {
    return (_tree, file) => {
      const text = String(file.value);
      const lists: List[] = [];
      const last = (list: List) => list.markers[list.markers.length - 1]!;
      /** Lists a point may still continue; once out of the window, a list never comes back. */
      let open: List[] = [];
      for (const marker of markers(text)) {
        open = open.filter((list) => marker.start - last(list).end <= window);
        if (marker.n === 1) {
          const list = { markers: [marker] };
          lists.push(list);
          open.push(list);
          continue;
        }
        // The most recent list that this point continues: nested lists interleave.
        const next = open.findLast((list) => last(list).n === marker.n - 1);
        if (next) {
          next.markers.push(marker);
          continue;
        }
        const latest = open[open.length - 1];
        if (!latest) continue; // `Second, ...` on its own: an ordinary sentence.
        const previous = last(latest).n;
        if (previous === marker.n) {
          report(file, {
            at: marker,
            messageId: 'repeated',
            data: { actual: marker.n },
          });
        } else if (previous < marker.n) {
          report(file, {
            at: marker,
            messageId: 'skipped',
            data: { previous, actual: marker.n },
          });
          latest.markers.push(marker);
        }
      }
      for (const list of lists) reportFormChanges(list);

      function reportFormChanges({ markers: points }: List): void {
        if (points.length < 2) return;
        const counts = new Map<Form, number>();
        for (const point of points) counts.set(point.form, (counts.get(point.form) ?? 0) + 1);
        if (counts.size < 2) return;
        // The form most points use (the first point's on a tie) is the list's own.
        const majority = [...counts.entries()].reduce((best, entry) =>
          entry[1] > best[1] || (entry[1] === best[1] && entry[0] === points[0]!.form)
            ? entry
            : best,
        )[0];
        const sample = points.find((point) => point.form === majority)!;
        const withTo = points.some((point) => point.form === majority && point.withTo);
        for (const point of points) {
          if (point.form === majority) continue;
          report(file, {
            at: point,
            messageId: 'formChanged',
            data: {
              majority: text.slice(sample.start, sample.end),
              actual: text.slice(point.start, point.end),
            },
            expected: [written(majority, point.n, withTo, point.capital)],
          });
        }
      }
    };
  },
});
