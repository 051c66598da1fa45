/** A one-line progress bar on a terminal's standard error; silent anywhere else. */
export interface Progress {
  tick(): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, done() {} };
const WIDTH = 30;

export function createProgress(
  total: number,
  stream: NodeJS.WriteStream,
  enabled: boolean,
): Progress {
  if (!enabled || !stream.isTTY || total < 2) return SILENT;
  let finished = 0;
  let last = 0;
  const draw = () => {
    const filled = Math.round((finished / total) * WIDTH);
    stream.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${finished}/${total} files`,
    );
  };
  draw();
  return {
    tick() {
      finished++;
      const now = Date.now();
      if (now - last >= 100 || finished === total) {
        last = now;
        draw();
      }
    },
    done() {
      stream.write(`\r${' '.repeat(WIDTH + 30)}\r`);
    },
  };
}

/** CI logs are not terminals, but some runners fake one: never draw there. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CI && env.CI !== 'false') || Boolean(env.GITHUB_ACTIONS || env.GITLAB_CI);
}
