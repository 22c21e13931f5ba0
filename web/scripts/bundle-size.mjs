#!/usr/bin/env node
// Gzipped size of the JavaScript a first visit downloads: the entry script of dist/index.html and
// every chunk it imports statically (lazy routes are left out). Fails above the budget.
//   npm run build && npm run bundle-size
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

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

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
let total = 0;
for (const file of initial) {
  const source = readFileSync(join(dist, file));
  const gzipped = gzipSync(source, { level: 9 }).length;
  total += gzipped;
  console.log(`  ${file}: ${kb(source.length)} KB raw, ${kb(gzipped)} KB gzip`);
}
console.log(`Initial JS: ${kb(total)} KB gzip (budget ${BUDGET_KB} KB) in ${initial.size} file(s)`);
if (total > BUDGET_KB * 1024) {
  console.error(`Over budget by ${kb(total - BUDGET_KB * 1024)} KB`);
  process.exit(1);
}
