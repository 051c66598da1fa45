import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ABBREVIATIONS } from '../src/core/abbreviations.js';
import { DataFileError, loadJson, loadWordList, wordArray } from '../src/core/data.js';
import { registry } from '../src/linter.js';

const dir = mkdtempSync(join(tmpdir(), 'mtlint-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A module URL in the temporary folder, so `./name.json` resolves beside it. */
const moduleUrl = pathToFileURL(join(dir, 'module.js')).href;
const write = (name: string, content: string): void => writeFileSync(join(dir, name), content);

describe('data files', () => {
  it('reads a well-formed word list as a set', () => {
    write('ok.json', JSON.stringify({ description: 'Test words.', words: ['etc', 'approx'] }));
    expect([...loadWordList(moduleUrl, './ok.json')]).toEqual(['etc', 'approx']);
  });

  it('refuses a malformed file, naming the file and the field', () => {
    const cases: [string, string, RegExp][] = [
      ['missing.json', '', /missing\.json: ENOENT/],
      ['broken.json', '{"words": [', /broken\.json: .*JSON/],
      ['nodesc.json', JSON.stringify({ words: ['a'] }), /nodesc\.json: field "description"/],
      [
        'twice.json',
        JSON.stringify({ description: 'x', words: ['a', 'b', 'a'] }),
        /field "words\.2": "a" is listed twice/,
      ],
      [
        'padded.json',
        JSON.stringify({ description: 'x', words: ['a '] }),
        /field "words\.0": has white space/,
      ],
      ['empty.json', JSON.stringify({ description: 'x', words: [] }), /field "words"/],
    ];
    for (const [name, content, message] of cases) {
      if (content) write(name, content);
      expect(() => loadWordList(moduleUrl, `./${name}`)).toThrow(DataFileError);
      expect(() => loadWordList(moduleUrl, `./${name}`)).toThrow(message);
    }
  });

  it('checks any shape a reader gives', () => {
    write('table.json', JSON.stringify({ verbs: { in: ['give', 'give'] } }));
    const schema = z.object({ verbs: z.record(z.string(), wordArray) });
    expect(() => loadJson(moduleUrl, './table.json', schema)).toThrow(
      /table\.json: field "verbs\.in\.1": "give" is listed twice/,
    );
  });

  it('every rule loads its data, and the shared abbreviations are one list', () => {
    // Importing the registry loaded every rule module, and with it every rule's data file.
    expect(registry.size).toBeGreaterThanOrEqual(20);
    expect(ABBREVIATIONS.has('etc')).toBe(true);
    expect(ABBREVIATIONS.has('u.s')).toBe(true);
  });
});
