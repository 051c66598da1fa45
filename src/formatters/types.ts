/** What every formatter renders: the lint results of a run, one entry per file, in a stable order. */
import type { Category, LintResult, Severity } from '../core/index.js';

/** One linted file: its path as shown to the user (relative, forward slashes) and its result. */
export interface FileReport {
  path: string;
  result: LintResult;
  /** With `--fix` or `--fix-dry-run`: the fixed text, present only when a fix changed the file. */
  output?: string;
}

/** What a formatter needs to know about a rule that produced diagnostics (SARIF lists them). */
export interface RuleInfo {
  id: string;
  description: string;
  category: Category;
  /** Default severity. */
  severity: Severity;
  /** The rule's documentation, as in the diagnostics' `url`. */
  url: string;
}

/** Counts over every file of the run. */
export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  words: number;
  /** MQM-style penalty points per 100 words over all files together. */
  penalty: number;
}

/** The quality gate's thresholds and what failed (each failure is one sentence). */
export interface GateResult {
  maxWarnings?: number;
  maxPenalty?: number;
  failures: string[];
}

export interface LintReport {
  files: FileReport[];
  totals: Totals;
  rules: RuleInfo[];
  gate: GateResult;
  tool: { name: string; version: string };
}

export interface FormatOptions {
  /** ANSI colour (stylish only). */
  color?: boolean;
  /** Base against which relative rule documentation addresses are resolved (SARIF helpUri). */
  docsBaseUrl?: string;
  /** Columns of the terminal (stylish wraps its message column to fit; default 80). */
  width?: number;
}

/**
 * A formatter is a pure function of the report: no I/O, no environment. A custom formatter
 * (`--format ./file.js`) has the same contract and may also return a promise of the string.
 */
export type Formatter = (report: LintReport, options?: FormatOptions) => string;
