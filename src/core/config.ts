import { z } from 'zod';
import { SEVERITIES, type Rule, type Severity } from './types.js';

export const PRESETS = ['recommended', 'all'] as const;
export type Preset = (typeof PRESETS)[number];

/** House styles a config can name at its top level (`"style": "ap"`). */
export const STYLES = ['ap', 'reuters', 'none'] as const;
export type Style = (typeof STYLES)[number];
/**
 * The rule a top-level `style` configures: `"style": "ap"` is short for the `style` option of this
 * rule, at the severity the config gives it (or its default). Options set on the rule itself win.
 */
const STYLE_RULE = 'house-style';

/** Any problem with a config: names the rule (when there is one) and what is wrong. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly ruleId?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const severitySetting = z.enum([...SEVERITIES, 'off']);

/** The config shape, shared by the HTTP `config` field, config files and the CLI. */
export const configSchema = z
  .object({
    extends: z.enum(PRESETS).optional(),
    style: z.enum(STYLES).optional(),
    rules: z
      .record(
        z.string(),
        z.union([
          severitySetting,
          z.tuple([severitySetting]),
          z.tuple([severitySetting, z.unknown()]),
        ]),
      )
      .optional(),
  })
  .strict();

/** Config: one shape everywhere (HTTP `config`, config files, the CLI). */
export type Config = z.infer<typeof configSchema>;
export type RuleSetting = NonNullable<Config['rules']>[string];

/** A rule the linter will run, with its effective severity and validated options. */
export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  options: unknown;
}

/** Checks a config's shape; throws ConfigError naming the field. */
export function parseConfig(input: unknown): Config {
  const result = configSchema.safeParse(input ?? {});
  if (!result.success) throw new ConfigError(`Invalid config: ${describeIssues(result.error)}`);
  return result.data;
}

/**
 * Resolves a config against the known rules: preset first, then per-rule settings on top. Options
 * are validated here, once, when the linter is built.
 */
export function resolveConfig(input: unknown, rules: ReadonlyMap<string, Rule>): EnabledRule[] {
  const config = parseConfig(input);
  const preset: Preset = config.extends ?? 'recommended';
  const settings = config.rules ?? {};

  for (const id of Object.keys(settings)) {
    if (!rules.has(id)) {
      throw new ConfigError(`Unknown rule "${id}"${suggestRule(id, rules)}`, id);
    }
  }

  const enabled: EnabledRule[] = [];
  for (const rule of rules.values()) {
    const inPreset = preset === 'all' || rule.meta.recommended !== false;
    const setting = settings[rule.meta.id];
    const [severity, rawOptions] = Array.isArray(setting)
      ? [setting[0], setting[1]]
      : [setting ?? (inPreset ? rule.meta.severity : 'off'), undefined];
    if (severity === 'off') continue;
    const options =
      config.style !== undefined && rule.meta.id === STYLE_RULE
        ? withStyle(rawOptions, config.style)
        : rawOptions;
    enabled.push({ rule, severity, options: validateOptions(rule, options) });
  }
  return enabled;
}

/** The house-style rule's options with the config's `style`, unless they name one themselves. */
function withStyle(raw: unknown, style: Style): unknown {
  if (raw === undefined) return { style };
  if (isPlainObject(raw) && !('style' in raw)) return { ...raw, style };
  return raw;
}

function validateOptions(rule: Rule, raw: unknown): unknown {
  if (!rule.meta.options) {
    if (raw !== undefined && !(isPlainObject(raw) && Object.keys(raw).length === 0)) {
      throw new ConfigError(`Rule "${rule.meta.id}" takes no options`, rule.meta.id);
    }
    return {};
  }
  const result = rule.meta.options.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      `Invalid options for rule "${rule.meta.id}": ${describeIssues(result.error)}`,
      rule.meta.id,
    );
  }
  return result.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function suggestRule(id: string, rules: ReadonlyMap<string, Rule>): string {
  const near = [...rules.keys()].find((known) => known.includes(id) || id.includes(known));
  return near ? ` (did you mean "${near}"?)` : '';
}
