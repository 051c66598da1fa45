/**
 * Config files: `.mtlintrc.json` or `mtlint.config.json`, the nearest one above each file wins.
 * The shape is the engine's (`extends` + `rules`) plus what only files need: `extends` may also name
 * other config files, `penalty` weights for the quality gate, and per-glob `overrides`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { z } from 'zod';
import {
  ConfigError,
  DEFAULT_PENALTY_WEIGHTS,
  PRESETS,
  configSchema,
  resolveConfig,
  type Config,
  type PenaltyWeights,
  type Preset,
  type RuleSetting,
} from '../core/index.js';
import { registry } from '../linter.js';
import { CliError, describeError } from './errors.js';

export const CONFIG_NAMES = ['.mtlintrc.json', 'mtlint.config.json'] as const;

const rulesSchema = configSchema.shape.rules;
const weight = z.number().min(0);

const fileSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z.union([z.string(), z.array(z.string())]).optional(),
    rules: rulesSchema,
    penalty: z
      .object({ error: weight, warning: weight, info: weight })
      .partial()
      .strict()
      .optional(),
    overrides: z
      .array(
        z
          .object({
            files: z.union([z.string(), z.array(z.string()).min(1)]),
            excludedFiles: z.union([z.string(), z.array(z.string())]).optional(),
            rules: rulesSchema,
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

type RuleSettings = Record<string, RuleSetting>;

interface Override {
  /** Path of a file relative to the config that declared the override -> does it apply? */
  matches: (absolutePath: string) => boolean;
  rules: RuleSettings;
}

/** A config file with everything it extends folded in. */
export interface LoadedConfig {
  preset?: Preset;
  rules: RuleSettings;
  penalty: Partial<PenaltyWeights>;
  overrides: Override[];
}

/** What the engine gets for one file. */
export interface EffectiveConfig {
  config: Config;
  weights: PenaltyWeights;
}

export const EMPTY_CONFIG: LoadedConfig = { rules: {}, penalty: {}, overrides: [] };

export class ConfigLoader {
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly nearest = new Map<string, string | null>();

  /** The nearest config file at or above `directory`, if any. */
  find(directory: string): string | undefined {
    const chain: string[] = [];
    let found: string | null | undefined;
    for (let dir = resolve(directory); ; dir = dirname(dir)) {
      found = this.nearest.get(dir);
      if (found !== undefined) break;
      chain.push(dir);
      const here = CONFIG_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
      if (here) {
        found = here;
        break;
      }
      if (dirname(dir) === dir) {
        found = null;
        break;
      }
    }
    for (const dir of chain) this.nearest.set(dir, found);
    return found ?? undefined;
  }

  load(path: string): LoadedConfig {
    return this.loadChain(resolve(path), []);
  }

  private loadChain(path: string, seen: string[]): LoadedConfig {
    const cached = this.loaded.get(path);
    if (cached) return cached;
    if (seen.includes(path)) {
      throw new CliError(`Config file ${show(path)}: "extends" forms a cycle`);
    }
    const raw = readJson(path);
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length ? issue.path.join('.') : '(top level)';
      throw new CliError(`Config file ${show(path)}: field "${field}": ${explain(issue)}`);
    }
    const file = parsed.data;
    checkRules(path, 'rules', file.rules);
    file.overrides?.forEach((o, index) => checkRules(path, `overrides.${index}.rules`, o.rules));

    let result: LoadedConfig = { rules: {}, penalty: {}, overrides: [] };
    const bases = file.extends === undefined ? [] : [file.extends].flat();
    for (const base of bases) {
      if ((PRESETS as readonly string[]).includes(base)) {
        result = { ...result, preset: base as Preset };
        continue;
      }
      const basePath = resolve(dirname(path), base);
      if (!existsSync(basePath)) {
        throw new CliError(
          `Config file ${show(path)}: field "extends": "${base}" is neither a preset ` +
            `(${PRESETS.join(', ')}) nor an existing file`,
        );
      }
      const inherited = this.loadChain(basePath, [...seen, path]);
      result = {
        preset: inherited.preset ?? result.preset,
        rules: { ...result.rules, ...inherited.rules },
        penalty: { ...result.penalty, ...inherited.penalty },
        overrides: [...result.overrides, ...inherited.overrides],
      };
    }
    const directory = dirname(path);
    result = {
      preset: result.preset,
      rules: { ...result.rules, ...file.rules },
      penalty: { ...result.penalty, ...file.penalty },
      overrides: [
        ...result.overrides,
        ...(file.overrides ?? []).map((o) => ({
          matches: matcher(directory, o.files, o.excludedFiles),
          rules: o.rules ?? {},
        })),
      ],
    };
    this.loaded.set(path, result);
    return result;
  }
}

/** The engine config and penalty weights for one file, `--rule` settings applied last. */
export function effectiveConfig(
  loaded: LoadedConfig,
  absolutePath: string,
  cliRules: RuleSettings,
  cliPreset?: Preset,
): EffectiveConfig {
  const rules: RuleSettings = { ...loaded.rules };
  for (const override of loaded.overrides) {
    if (override.matches(absolutePath)) Object.assign(rules, override.rules);
  }
  Object.assign(rules, cliRules);
  const preset = cliPreset ?? loaded.preset;
  return {
    config: { ...(preset ? { extends: preset } : {}), rules },
    weights: { ...DEFAULT_PENALTY_WEIGHTS, ...loaded.penalty },
  };
}

/** `--rule id:severity` or `--rule 'id:["warning", {...}]'`. */
export function parseRuleFlag(flag: string): [string, RuleSetting] {
  const colon = flag.indexOf(':');
  if (colon <= 0)
    throw new CliError(`--rule "${flag}": expected RULE:SEVERITY, e.g. readability:off`);
  const id = flag.slice(0, colon).trim();
  const value = flag.slice(colon + 1).trim();
  let setting: unknown = value;
  if (value.startsWith('[')) {
    try {
      setting = JSON.parse(value);
    } catch (error) {
      throw new CliError(
        `--rule "${flag}": the setting is not valid JSON (${describeError(error)})`,
      );
    }
  }
  const parsed = rulesSchema.safeParse({ [id]: setting });
  if (!parsed.success) {
    throw new CliError(
      `--rule "${flag}": severity must be one of off, info, warning, error (or a JSON [severity, options])`,
    );
  }
  try {
    resolveConfig({ rules: parsed.data }, registry);
  } catch (error) {
    throw new CliError(`--rule "${flag}": ${describeError(error)}`);
  }
  return [id, parsed.data![id]!];
}

function checkRules(path: string, field: string, rules: RuleSettings | undefined): void {
  if (!rules) return;
  try {
    resolveConfig({ rules }, registry);
  } catch (error) {
    if (error instanceof ConfigError) {
      const where = error.ruleId ? `${field}.${error.ruleId}` : field;
      throw new CliError(`Config file ${show(path)}: field "${where}": ${error.message}`);
    }
    throw error;
  }
}

/** Zod's wording, made specific where it is vague (a rule setting is a union of shapes). */
function explain(issue: z.core.$ZodIssue): string {
  const inRules = issue.path.length >= 2 && issue.path.at(-2) === 'rules';
  if (inRules && issue.code === 'invalid_union') {
    return 'expected a severity (off, info, warning, error) or [severity, options]';
  }
  if (issue.code === 'unrecognized_keys') {
    return `${issue.message}; a config file has extends, rules, penalty and overrides`;
  }
  return issue.message;
}

/** JSON.parse reports a character position; people look for a line and a column. */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = describeError(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const cut = message.indexOf(' in JSON at position');
  return `${cut === -1 ? message : message.slice(0, cut)} at line ${line}, column ${column}`;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read config file ${show(path)}: ${describeError(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `Config file ${show(path)} is not valid JSON: ${jsonErrorPlace(text, error)}`,
    );
  }
}

function matcher(
  directory: string,
  files: string | string[],
  excluded: string | string[] | undefined,
): (absolutePath: string) => boolean {
  const include = globList([files].flat());
  const exclude = globList(excluded === undefined ? [] : [excluded].flat());
  return (absolutePath) => {
    const path = relative(directory, absolutePath);
    if (path.startsWith('..') || isAbsolute(path)) return false;
    const posix = path.split(sep).join('/');
    return include(posix) && !exclude(posix);
  };
}

/**
 * Globs relative to the config file's folder; one without a `/` matches the file name in any
 * folder (`*.md`), as in .gitignore.
 */
function globList(patterns: string[]): (path: string) => boolean {
  const tests = patterns.map((pattern) => {
    const match = picomatch(pattern, { dot: true });
    return pattern.includes('/')
      ? match
      : (path: string) => match(path.slice(path.lastIndexOf('/') + 1));
  });
  return (path) => tests.some((test) => test(path));
}

/** Paths in messages: relative to the working directory when that is shorter. */
export function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
