/** Output formats by name. Each is a pure function of a LintReport. */
import { checkstyle } from './checkstyle.js';
import { codequality } from './codequality.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters = {
  stylish,
  json,
  sarif,
  github,
  junit,
  checkstyle,
  codequality,
} satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
export type * from './types.js';
