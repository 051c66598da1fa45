/**
 * House styles as data, as Vale keeps its styles: one JSON file per house in `presets/`, checked
 * against one schema when the module loads (a bad file stops the rule loading with a message naming
 * the file and the field). A config picks a house by name, or gives a preset of its own in the same
 * shape.
 */
import { z } from 'zod';
import { loadJson, STYLES, wordArray } from '../../src/core/rule-kit.js';

const spelling = z.enum(['U.S.', 'US']).nullable();

export const presetSchema = z
  .object({
    name: z.string().min(1).describe('how messages name the house'),
    description: z.string().default(''),
    /** `typographic`: “ ” wanted, a straight " is reported; `any`: not checked. */
    quotes: z.enum(['typographic', 'any']).default('any'),
    /** A space between a number and its unit: `100 Mbps`, not `100Mbps`. */
    unitSpace: z.boolean().default(false),
    /** How the house writes the United States, in text and in headlines (null: either). */
    country: z
      .object({ prose: spelling.default(null), headline: spelling.default(null) })
      .strict()
      .prefault({}),
    /** Names in quotation marks carried over from Chinese emphasis (the "Plan") are reported. */
    quotedTerms: z.boolean().default(false),
    /** `year-on-year` before its verb, or hyphenated after it, is reported. */
    yearOnYear: z.boolean().default(false),
  })
  .strict();

export type Preset = z.infer<typeof presetSchema>;

/**
 * The named presets a config may pick (the same names its top-level `style` takes); `none` checks
 * nothing.
 */
export const PRESET_NAMES = STYLES;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Checks a preset file's contents; throws naming the file and the field. */
export function parsePreset(data: unknown, file: string): Preset {
  const result = presetSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new Error(`house-style: ${file}: field "${field}": ${issue.message}`);
  }
  return result.data;
}

const NONE: Preset = presetSchema.parse({ name: 'none' });

export const PRESETS: ReadonlyMap<PresetName, Preset> = new Map([
  [
    'ap',
    parsePreset(loadJson(import.meta.url, './presets/ap.json', z.unknown()), 'presets/ap.json'),
  ],
  [
    'reuters',
    parsePreset(
      loadJson(import.meta.url, './presets/reuters.json', z.unknown()),
      'presets/reuters.json',
    ),
  ],
  ['none', NONE],
]);

/** Units that take a space after their number (`units.json`). */
export const UNITS: readonly string[] = loadJson(import.meta.url, './units.json', wordArray.min(1));
