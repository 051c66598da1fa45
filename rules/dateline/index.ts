import { z } from 'zod';
import { defineRule, listWord, loadJson, wordArray } from '../../src/core/rule-kit.js';

interface Agency {
  /** How an English dateline credits the agency, in its parentheses: `(Xinhua)`. */
  credit: string;
  /** Names machine translation uses for it (Chinese datelines put the agency first). */
  names: string[];
}

const AGENCIES: Agency[] = loadJson(
  import.meta.url,
  './agencies.json',
  z.array(z.object({ credit: listWord, names: wordArray.min(1) })).min(1),
);

/** Agency names by their first word (lower case), longest name first: one lookup per line. */
const BY_FIRST_WORD = new Map<string, { name: string; credit: string }[]>();
/** Every name (lower case) -> credit, for the credit in parentheses or between slashes. */
const CREDIT_OF = new Map<string, string>();
for (const { credit, names } of AGENCIES) {
  for (const name of names) {
    const key = name.toLowerCase();
    CREDIT_OF.set(key, credit);
    const first = key.split(' ')[0]!;
    const list = BY_FIRST_WORD.get(first) ?? [];
    list.push({ name: key, credit });
    list.sort((a, b) => b.name.length - a.name.length);
    BY_FIRST_WORD.set(first, list);
  }
}

const FIRST_WORD = /[\p{L}\p{N}][\p{L}\p{N}'.-]*/uy;
/**
 * After the (optional) leading agency: `PLACE, DATE (CREDIT) /WIRE/ SEPARATOR`, every part but the
 * date optional. A place is up to four capitalised words; a date is `May 28`, `Feb. 11`,
 * `February 11th` or `11 Feb`.
 */
const DATELINE =
  /(?:(?<place>\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*){0,3}),[ \t]*)?(?<date>(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?) ?\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? (?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)(?![\p{L}\p{N}])(?:[ \t]*\((?<credit>[^()\n]{1,60})\))?(?:[ \t]*\/(?<wire>[^/\n]{1,60})\/)?(?<separator>[ \t]*(?:--|[—–:-])|[.,](?=[ \t]))?/uy;

const LEAD_GAP = /,?[ \t]+/y;
const INDENT = /[ \t]*/y;

interface Found {
  start: number;
  end: number;
  lead?: { text: string; credit: string };
  place?: string;
  date: string;
  credits: { text: string; credit: string }[];
  separator: string;
}

/** The agency a line starts with, if any: `Xinhua News Agency, Beijing, ...`. */
function leadingAgency(text: string, at: number): { text: string; credit: string } | undefined {
  FIRST_WORD.lastIndex = at;
  const word = FIRST_WORD.exec(text)?.[0];
  if (!word) return undefined;
  const candidates = BY_FIRST_WORD.get(word.toLowerCase().replace(/[.,]$/, ''));
  if (!candidates) return undefined;
  for (const { name, credit } of candidates) {
    const written = text.slice(at, at + name.length);
    const next = text[at + name.length] ?? '';
    if (written.toLowerCase() === name && !/[\p{L}\p{N}]/u.test(next)) {
      return { text: written, credit };
    }
  }
  return undefined;
}

/** A dateline at `lineStart`, if the line opens with one. */
function datelineAt(text: string, lineStart: number): Found | undefined {
  INDENT.lastIndex = lineStart;
  INDENT.exec(text);
  const start = INDENT.lastIndex;
  let at = start;
  const lead = leadingAgency(text, at);
  if (lead) {
    LEAD_GAP.lastIndex = at + lead.text.length;
    if (!LEAD_GAP.exec(text)) return undefined;
    at = LEAD_GAP.lastIndex;
  }
  DATELINE.lastIndex = at;
  const match = DATELINE.exec(text);
  if (!match?.groups) return undefined;
  const { place, date, credit, wire, separator } = match.groups;
  const credits: Found['credits'] = [];
  for (const written of [credit, wire]) {
    const known = written && CREDIT_OF.get(written.trim().toLowerCase());
    if (known) credits.push({ text: written.trim(), credit: known });
  }
  // A place and a date alone are as likely the start of an ordinary sentence: stay quiet.
  if (!lead && credits.length === 0) return undefined;
  return {
    start,
    end: match.index + match[0].length,
    lead,
    place,
    date: date!,
    credits,
    separator: separator?.trim() ?? '',
  };
}

/** `February 11th` -> `February 11`: English datelines write no ordinal suffix. */
function plainDate(date: string): string {
  return date.replace(/(\d)(?:st|nd|rd|th)\b/, '$1');
}

function suggestion(place: string | undefined, date: string, credit: string): string {
  return `${place ? `${place}, ` : ''}${plainDate(date)} (${credit}) --`;
}

export default defineRule({
  meta: {
    id: 'dateline',
    category: 'locale-convention',
    severity: 'warning',
    description:
      'A news dateline that credits two agencies, or keeps the Chinese order (agency, place, date)',
    messages: {
      twoAgencies:
        'The dateline credits two agencies, {{first}} and {{second}}; a dateline credits the one that filed the story',
      creditedTwice: 'The dateline credits {{agency}} twice',
      agencyFirst:
        'The dateline keeps the Chinese order (agency, place, date); English datelines read `Place, Date (Agency) --`',
      noPlace: 'The dateline has no place: English datelines read `Place, Date (Agency) --`',
      separator:
        'The dateline ends with `{{separator}}`; English datelines end with `--` before the story',
    },
    examples: {
      invalid: [
        'China News Agency, Beijing, May 28 (Xinhua) -- United Nations High Commissioner for Human Rights Michelle Bachelet visited China in late May.',
        'Xinhua News Agency, Beijing, February 11. On February 11, the forum was held in Beijing.',
        'Xinhua News Agency, Beijing, February 11th - On February 11th, the forum was held in Beijing.',
        'Xinhua News Agency BEIJING, February 11 (Xinhua) -- On February 11, the forum was held.',
        'China News Service, February 11 /PRNewswire-USNewswire/ -- The emergence of new variables.',
        'Feb. 11 (Xinhua): China\'s e-commerce industry emerges "new variables".',
        'Headline of the story\nChinanews.com, Beijing, February 11. The forum opened.',
        'BEIJING, May 28 (Xinhua) The forum opened on Monday.',
      ],
      valid: [
        'BEIJING, Feb. 11 (Xinhua) -- The 16th China-Japan forum was held in Beijing on Friday.',
        'Beijing, 11 Feb (Xinhua) -- On 11 February, the forum was held in Beijing.',
        'HONG KONG, May 28 (Reuters) - Shares rose on Monday.',
        'Beijing, May 28 -- The forum opened.',
        'Xinhua commentator: Promoting modernization is a systematic project.',
        'On February 11, China News Service reported that the forum had opened.',
        'Speaking to Xinhua, Julio Rios said that China is now entering a new phase.',
        'May 28 was a Saturday, and the forum opened (in Beijing) as planned.',
        'China Daily, the English-language newspaper, said on Monday that the forum opened.',
      ],
    },
  },
  create(_options, { report }) {
    return (_tree, file) => {
      const text = String(file.value);
      for (let lineStart = 0; lineStart !== -1 && lineStart < text.length;) {
        const found = datelineAt(text, lineStart);
        if (found) check(found);
        const nextBreak = text.indexOf('\n', lineStart);
        lineStart = nextBreak === -1 ? -1 : nextBreak + 1;
      }

      function check({ start, end, lead, place, date, credits, separator }: Found): void {
        const at = { start, end };
        const [credit] = credits;
        if (lead && credit) {
          if (lead.credit === credit.credit) {
            report(file, {
              at,
              messageId: 'creditedTwice',
              data: { agency: credit.credit },
              expected: [suggestion(place, date, credit.credit)],
            });
          } else {
            report(file, {
              at,
              messageId: 'twoAgencies',
              data: { first: lead.text, second: credit.text },
              expected: [
                suggestion(place, date, lead.credit),
                suggestion(place, date, credit.credit),
              ],
            });
          }
          return;
        }
        if (credits.length === 2) {
          const [first, second] = credits as [Found['credits'][0], Found['credits'][0]];
          report(file, {
            at,
            messageId: first.credit === second.credit ? 'creditedTwice' : 'twoAgencies',
            data: { agency: first.credit, first: first.text, second: second.text },
            expected: [
              suggestion(place, date, first.credit),
              suggestion(place, date, second.credit),
            ],
          });
          return;
        }
        if (lead) {
          report(file, {
            at,
            messageId: 'agencyFirst',
            expected: place ? [suggestion(place, date, lead.credit)] : [],
          });
          return;
        }
        if (!place) {
          report(file, { at, messageId: 'noPlace' });
          return;
        }
        if (separator !== '--' && separator !== '—' && separator !== '-' && separator !== '–') {
          report(file, {
            at,
            messageId: 'separator',
            data: { separator: separator || 'nothing' },
            expected: [suggestion(place, date, credit!.credit)],
          });
        }
      }
    };
  },
});
