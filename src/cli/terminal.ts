/** What the terminal the report goes to can show: colour or not, and how wide. */

export interface TerminalInfo {
  /** `--color` (true), `--no-color` (false) or neither. */
  flag: boolean | undefined;
  env: NodeJS.ProcessEnv;
  stream: { isTTY?: boolean; columns?: number };
}

/**
 * Colour, by the conventions other command-line tools share, first match wins:
 * `--color`/`--no-color`; `FORCE_COLOR` (on, unless `0` or `false`, as Node and chalk read it);
 * `NO_COLOR` set and not empty (no-color.org); `TERM=dumb`; else on when the stream is a terminal.
 */
export function useColor({ flag, env, stream }: TerminalInfo): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

/** Below this the message column would be too narrow to read; wider lines wrap in the terminal. */
export const DEFAULT_WIDTH = 80;

/**
 * Columns to lay the report out in: the terminal's, else `COLUMNS` (what shells export, and a way
 * to choose a width for a piped report), else 80.
 */
export function terminalWidth({ env, stream }: TerminalInfo): number {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : DEFAULT_WIDTH;
}
