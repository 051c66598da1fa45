/** The commands about the setup rather than the texts: `--print-config FILE` and `--init`. */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_PENALTY_WEIGHTS, resolveConfig, type RuleSetting } from '../core/index.js';
import { registry } from '../linter.js';
import { ConfigLoader, EMPTY_CONFIG, effectiveConfig, show } from './config.js';
import { CONFIG_FILES, PACKAGE_KEY, readConfigFile } from './config-loader.js';
import { CliError, describeError } from './errors.js';
import { kindOf } from './document.js';
import { sourcePathFor } from './source-pairing.js';

export interface PrintConfigOptions {
  cwd: string;
  file: string;
  config?: string;
  noConfig: boolean;
  cliRules: Record<string, RuleSetting>;
  loader: ConfigLoader;
}

/**
 * What applies to one file, after the preset, `extends`, overrides and `--rule` flags: every rule
 * with its severity and options (`"off"` when it does not run), and the penalty weights.
 */
export async function printConfig(options: PrintConfigOptions): Promise<string> {
  const absolute = resolve(options.cwd, options.file);
  const configFile = options.noConfig
    ? undefined
    : options.config
      ? resolve(options.cwd, options.config)
      : await options.loader.find(dirname(absolute));
  const loaded = configFile ? await options.loader.load(configFile) : EMPTY_CONFIG;
  const { config, weights } = effectiveConfig(loaded, absolute, options.cliRules);
  const enabled = new Map(
    resolveConfig(config, registry).map((entry) => [entry.rule.meta.id, entry]),
  );
  const rules: Record<string, unknown> = {};
  for (const id of [...registry.keys()].sort()) {
    const entry = enabled.get(id);
    rules[id] = entry ? [entry.severity, entry.options ?? {}] : 'off';
  }
  const printed = {
    file: show(absolute),
    format: kindOf(absolute),
    configFile: configFile ? show(configFile) : null,
    extends: config.extends ?? 'recommended',
    style: config.style ?? 'none',
    rules,
    penalty: weights,
    // Where the config's pairing rule looks for the file's Chinese source (null: no rule).
    source: loaded.source
      ? show(sourcePathFor(loaded.source.template, loaded.source.directory, absolute))
      : null,
  };
  return JSON.stringify(printed, null, 2) + '\n';
}

export const STARTER_FILE = '.mtlintrc.json';

/** A starter config: the recommended preset, the default weights, room for rules and overrides. */
const STARTER = {
  extends: 'recommended',
  rules: {},
  penalty: DEFAULT_PENALTY_WEIGHTS,
  overrides: [],
};

/**
 * Writes `.mtlintrc.json` in `cwd`, unless a config file is already there (any name discovery
 * reads, package.json's "mtlint" key included): never overwrites. Returns what to tell the user.
 */
export async function init(cwd: string): Promise<string> {
  for (const name of CONFIG_FILES) {
    const path = join(cwd, name);
    if (!existsSync(path)) continue;
    if (name === 'package.json') {
      let raw: unknown;
      try {
        raw = await readConfigFile(path);
      } catch {
        continue; // a package.json mtlint cannot read holds no config of ours
      }
      if (raw === undefined) continue;
      throw new CliError(
        `package.json already has an "${PACKAGE_KEY}" config; --init writes nothing`,
      );
    }
    throw new CliError(`${name} already exists; --init does not overwrite it`);
  }
  const target = join(cwd, STARTER_FILE);
  try {
    // 'wx': fail rather than overwrite, should one appear between the check and the write.
    writeFileSync(target, JSON.stringify(STARTER, null, 2) + '\n', { flag: 'wx' });
  } catch (error) {
    throw new CliError(`Cannot write ${STARTER_FILE}: ${describeError(error)}`);
  }
  return `Wrote ${STARTER_FILE}: the recommended rules and default penalty weights.\n`;
}
