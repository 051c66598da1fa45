/**
 * Builds the editor's page (web/) into dist/web: one minified script and one stylesheet under
 * assets/, the HTML shell and the icon. No CDN, no framework: the page works offline against the
 * service that served it.
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { packageRoot } from '../src/http/package-root.js';

export interface WebBuild {
  outdir: string;
  /** Bytes of each asset written, by file name. */
  sizes: Record<string, number>;
}

export async function buildWeb(outdir = join(packageRoot(), 'dist', 'web')): Promise<WebBuild> {
  const web = join(packageRoot(), 'web');
  const assets = join(outdir, 'assets');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });
  await build({
    entryPoints: { app: join(web, 'src', 'main.ts') },
    bundle: true,
    format: 'esm',
    target: ['chrome111', 'firefox115', 'safari16.4'],
    minify: true,
    legalComments: 'none',
    outdir: assets,
    logLevel: 'warning',
  });
  await build({
    entryPoints: { app: join(web, 'src', 'styles.css') },
    bundle: true,
    minify: true,
    target: ['chrome111', 'firefox115', 'safari16.4'],
    outdir: assets,
    logLevel: 'warning',
  });
  copyFileSync(join(web, 'index.html'), join(outdir, 'index.html'));
  copyFileSync(join(web, 'public', 'icon.svg'), join(assets, 'icon.svg'));
  const sizes: Record<string, number> = {};
  for (const name of ['app.js', 'app.css', 'icon.svg'])
    sizes[name] = statSync(join(assets, name)).size;
  sizes['index.html'] = statSync(join(outdir, 'index.html')).size;
  return { outdir, sizes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outdir, sizes } = await buildWeb();
  const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
  console.log(`web page built in ${outdir}: ${total} bytes (${JSON.stringify(sizes)})`);
}
