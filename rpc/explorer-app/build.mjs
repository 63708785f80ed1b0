// Bundles the explorer into OUT (argument, default dist/): index.html and assets/app.js.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'dist');
mkdirSync(join(out, 'assets'), { recursive: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  format: 'esm',
  target: ['chrome110', 'firefox110'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  outfile: join(out, 'assets', 'app.js'),
  logLevel: 'warning',
});
copyFileSync('src/index.html', join(out, 'index.html'));
copyFileSync('src/style.css', join(out, 'assets', 'style.css'));
console.log(`explorer bundle written to ${out}`);
