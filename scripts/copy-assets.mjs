// Data files (word lists, phrase tables) live beside the modules that read them as JSON/TSV (rules,
// and the engine's shared lists in src/core/data); tsc does not copy them, so the build puts them
// next to the compiled modules, where `import.meta.url` finds them.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dataFile = /\.(?:json|tsv|txt)$/;

function copyData(from, to) {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copyData(source, join(to, name));
    else if (dataFile.test(name)) cpSync(source, join(to, name));
  }
}

copyData('rules', join('dist', 'rules'));
copyData(join('src', 'core', 'data'), join('dist', 'src', 'core', 'data'));
