import { readFileSync } from 'node:fs';

/**
 * Reads a rule's data file (word list, phrase table) that lies beside the rule's module. Rules call
 * it at module load, so the cost is paid once at start-up, never per document.
 */
export function loadJson<T>(moduleUrl: string, name: string): T {
  return JSON.parse(readFileSync(new URL(name, moduleUrl), 'utf8')) as T;
}
