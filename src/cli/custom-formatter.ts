/**
 * `--format ./my-formatter.js`: a formatter module of the user's. Its default export has the
 * built-ins' contract, `(report, options) => string` (a promise of a string is awaited), where
 * `report` is the LintReport of src/formatters/types.ts and `options` the FormatOptions.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormatOptions, LintReport } from '../formatters/index.js';
import { CliError, describeError } from './errors.js';

export type CustomFormatter = (report: LintReport, options: FormatOptions) => Promise<string>;

export async function loadFormatter(spec: string, cwd: string): Promise<CustomFormatter> {
  const path = resolve(cwd, spec);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw new CliError(`Cannot load the formatter ${spec}: ${describeError(error)}`);
  }
  const format = module.default;
  if (typeof format !== 'function') {
    throw new CliError(
      `The formatter ${spec} must export a function as its default export ` +
        `((report, options) => string), not ${format === undefined ? 'nothing' : typeof format}`,
    );
  }
  return async (report, options) => {
    let output: unknown;
    try {
      output = await (format as (r: LintReport, o: FormatOptions) => unknown)(report, options);
    } catch (error) {
      throw new CliError(`The formatter ${spec} failed: ${describeError(error)}`);
    }
    if (typeof output !== 'string') {
      throw new CliError(`The formatter ${spec} returned ${typeof output}, not a string`);
    }
    return output;
  };
}
