/**
 * Config files (any name of CONFIG_FILES in config-loader.ts), the nearest one above each file wins.
 * The shape is the engine's (`extends` + `rules`) plus what only files need: `extends` may also name
 * other config files, `penalty` weights for the quality gate, and per-glob `overrides`.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
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
  type Style,
} from '../core/index.js';
import { registry } from '../linter.js';
import { createFinder, readConfigFile } from './config-loader.js';
import { CliError, describeError } from './errors.js';
import { templateProblem } from './source-pairing.js';

const rulesSchema = configSchema.shape.rules;
const weight = z.number().min(0);

const fileSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z.union([z.string(), z.array(z.string())]).optional(),
    style: configSchema.shape.style,
    rules: rulesSchema,
    penalty: z
      .object({ error: weight, warning: weight, info: weight })
      .partial()
      .strict()
      .optional(),
    source: z
      .string({ error: 'expected a path template such as "{dir}/{base}.zh{ext}"' })
      .min(1, { error: 'expected a path template such as "{dir}/{base}.zh{ext}"' })
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
  /** The house style (`"style"`): a file's own wins over what it extends. */
  style?: Style;
  rules: RuleSettings;
  penalty: Partial<PenaltyWeights>;
  overrides: Override[];
  /**
   * Where each file's Chinese source lies (`"source"`), with the folder of the config file that
   * declared it: a relative template is relative to it.
   */
  source?: SourcePairing;
}

export interface SourcePairing {
  template: string;
  directory: string;
}

/** What the engine gets for one file. */
export interface EffectiveConfig {
  config: Config;
  weights: PenaltyWeights;
}

export const EMPTY_CONFIG: LoadedConfig = { rules: {}, penalty: {}, overrides: [] };

export class ConfigLoader {
  private readonly loaded = new Map<string, LoadedConfig>();
  /** What discovery already parsed, so a found file is not read twice. */
  private readonly raw = new Map<string, unknown>();
  private readonly search = createFinder();

  /** The nearest config file at or above `directory`, if any. */
  async find(directory: string): Promise<string | undefined> {
    const found = await this.search(resolve(directory));
    if (!found) return undefined;
    if (!this.raw.has(found.path)) this.raw.set(found.path, found.raw);
    return found.path;
  }

  load(path: string): Promise<LoadedConfig> {
    return this.loadChain(resolve(path), []);
  }

  // Results are cached once complete, not while pending: two chains loading each other's files at
  // the same time would otherwise wait on each other forever instead of reporting the cycle.
  private async loadChain(path: string, seen: string[]): Promise<LoadedConfig> {
    const cached = this.loaded.get(path);
    if (cached) return cached;
    if (seen.includes(path)) {
      throw new CliError(`Config file ${show(path)}: "extends" forms a cycle`);
    }
    const raw = this.raw.has(path) ? this.raw.get(path) : await readConfigFile(path);
    if (raw === undefined) {
      // Only package.json can hold no config: it was named by --config or extends.
      throw new CliError(`Config file ${show(path)} has no "mtlint" key`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length ? issue.path.join('.') : '(top level)';
      throw new CliError(`Config file ${show(path)}: field "${field}": ${explain(issue)}`);
    }
    const file = parsed.data;
    const problem = file.source === undefined ? undefined : templateProblem(file.source);
    if (problem) throw new CliError(`Config file ${show(path)}: field "source": ${problem}`);
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
      const inherited = await this.loadChain(basePath, [...seen, path]);
      result = {
        preset: inherited.preset ?? result.preset,
        style: inherited.style ?? result.style,
        rules: { ...result.rules, ...inherited.rules },
        penalty: { ...result.penalty, ...inherited.penalty },
        overrides: [...result.overrides, ...inherited.overrides],
        ...((inherited.source ?? result.source)
          ? { source: inherited.source ?? result.source }
          : {}),
      };
    }
    const directory = dirname(path);
    const source = file.source === undefined ? result.source : { template: file.source, directory };
    result = {
      ...(source ? { source } : {}),
      preset: result.preset,
      style: file.style ?? result.style,
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
    config: {
      ...(preset ? { extends: preset } : {}),
      ...(loaded.style ? { style: loaded.style } : {}),
      rules,
    },
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
    return `${issue.message}; a config file has extends, rules, penalty, source and overrides`;
  }
  return issue.message;
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
