import { createHash } from 'node:crypto';
import type { Linter } from '../core/index.js';
import { createMtLinter } from '../linter.js';

/**
 * Built linters by config, least recently used first out. Building a linter validates the config
 * and instantiates every rule, so a service that sees the same few configs builds each once.
 */
export class LinterCache {
  readonly #linters = new Map<string, Linter>();

  constructor(
    private readonly size: number,
    private readonly maxDiagnostics: number,
  ) {}

  /** Throws ConfigError (from the engine) when the config is invalid; bad configs are not cached. */
  get(config: unknown): Linter {
    const key = configKey(config);
    let linter = this.#linters.get(key);
    if (linter) {
      this.#linters.delete(key);
    } else {
      linter = createMtLinter(config ?? {}, { maxDiagnostics: this.maxDiagnostics });
      if (this.#linters.size >= this.size) {
        this.#linters.delete(this.#linters.keys().next().value!);
      }
    }
    this.#linters.set(key, linter);
    return linter;
  }
}

/** Same config, same key, whatever the order of its object keys. Hashed: configs can be large. */
export function configKey(config: unknown): string {
  return createHash('sha256')
    .update(stableStringify(config ?? {}))
    .digest('base64');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) =>
          `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
