#!/usr/bin/env node
// Gzipped size of the JavaScript a first visit downloads: the entry script of dist/index.html and
// every chunk it imports statically (lazy routes are left out), from the build's own .gz copies, with the
// brotli (.br) size that browsers accepting it get. Fails above the budget, when a text file has no
// compressed copies (scripts/precompress.mjs did not run; 1 KB and up) or when a source map would ship.
//   npm run build && npm run bundle-size
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { servedFiles } from './precompress.mjs';

const BUDGET_KB = 200;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[], css?: string[] }>} */
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error('No entry chunk in dist/.vite/manifest.json');
const entry = manifest[entryKey];
if (!entry || !html.includes(`/${entry.file}`)) {
  throw new Error(`dist/index.html does not load the manifest's entry (${entry?.file ?? entryKey})`);
}

const initial = new Set();
const visit = (/** @type {string} */ key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);

const files = servedFiles(dist);
const maps = files.filter((file) => file.endsWith('.map'));
if (maps.length > 0) throw new Error(`Source maps in dist/ would be published: ${maps.join(', ')}`);
const uncompressed = files.filter(
  (file) =>
    /\.(?:html|js|css)$/.test(file) &&
    statSync(join(dist, file)).size >= 1024 &&
    !(existsSync(join(dist, `${file}.br`)) && existsSync(join(dist, `${file}.gz`))),
);
if (uncompressed.length > 0) throw new Error(`No .br/.gz copies of: ${uncompressed.join(', ')}`);

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
const size = (/** @type {string} */ file) => statSync(join(dist, file)).size;
let total = 0;
let totalBrotli = 0;
for (const file of initial) {
  const gzipped = size(`${file}.gz`);
  const brotli = size(`${file}.br`);
  total += gzipped;
  totalBrotli += brotli;
  console.log(`  ${file}: ${kb(size(file))} KB raw, ${kb(gzipped)} KB gzip, ${kb(brotli)} KB brotli`);
}
console.log(
  `Initial JS: ${kb(total)} KB gzip (budget ${BUDGET_KB} KB), ${kb(totalBrotli)} KB brotli, in ${initial.size} file(s)`,
);
if (total > BUDGET_KB * 1024) {
  console.error(`Over budget by ${kb(total - BUDGET_KB * 1024)} KB`);
  process.exit(1);
}
