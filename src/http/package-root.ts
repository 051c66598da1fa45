import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding mtlint's package.json, found by walking up from this module: the same answer
 * whether the code runs compiled (dist/src/http) or from source (src/http).
 */
export function packageRoot(from: string = import.meta.url): string {
  let folder = dirname(fileURLToPath(from));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && isMtlint(manifest)) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error('mtlint: cannot find its package.json');
    folder = parent;
  }
}

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}

function isMtlint(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mtlint';
  } catch {
    return false;
  }
}
