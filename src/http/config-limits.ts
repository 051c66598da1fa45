import { ConfigError } from '../core/index.js';

/**
 * Deepest nesting a config may have. A real config is a few levels deep (`rules` -> rule ->
 * `[severity, options]` -> option values); this leaves room for any option shape while keeping
 * the structured clone that hands a config to a worker (recursive, on the HTTP thread) far from
 * the stack's limit: a config nested 3,500 deep overflowed it.
 */
export const MAX_CONFIG_DEPTH = 32;

/** Most values (objects, arrays, keys' values, items) in one config: real ones have a few dozen. */
export const MAX_CONFIG_VALUES = 10_000;

/**
 * Checks a client's config before it leaves the HTTP thread: depth, size and no `__proto__` key
 * (JSON.parse makes it an own property, which code that copies the config could turn into a
 * prototype). Walks without recursion, so no input can overflow the stack here either.
 * Throws ConfigError (400 invalid_config).
 */
export function checkConfigLimits(config: unknown): void {
  if (config === null || typeof config !== 'object') return;
  const stack: { value: object; depth: number; path: string }[] = [
    { value: config, depth: 1, path: 'config' },
  ];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (depth > MAX_CONFIG_DEPTH) {
      throw new ConfigError(
        `The config is nested more than ${MAX_CONFIG_DEPTH} levels deep (at ${bounded(path)})`,
      );
    }
    const keys = Object.keys(value);
    values += keys.length;
    if (values > MAX_CONFIG_VALUES) {
      throw new ConfigError(`The config has more than ${MAX_CONFIG_VALUES} values`);
    }
    const isArray = Array.isArray(value);
    for (const key of keys) {
      if (key === '__proto__') {
        throw new ConfigError(`\`__proto__\` is not allowed as a key (at ${bounded(path)})`);
      }
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        stack.push({
          value: child,
          depth: depth + 1,
          path: isArray ? `${path}[${key}]` : `${path}.${key}`,
        });
      }
    }
  }
}

function bounded(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
