#!/usr/bin/env node
// Generates src/lib/api-schema.d.ts from the API's OpenAPI document.
//   npm run gen:api                      # from the running API (make run: http://localhost:5080)
//   npm run gen:api -- ./swagger.json    # from a file, or another URL
// src/lib/api-types.ts turns the generated schemas into the names the app uses. The end-to-end run checks that
// the committed file still matches the real API (scripts/check-api-types.mjs).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const schemaFile = join(root, 'src/lib/api-schema.d.ts');
export const defaultSource = 'http://localhost:5080/swagger/v1/swagger.json';

/**
 * Runs openapi-typescript on `source` (URL or file) into `output`; returns its exit code and output.
 * The API writes every property of its JSON (nulls included), so every property is required; nullable ones
 * say so themselves.
 * @param {string} source @param {string} output
 */
export function generate(source, output) {
  const cli = join(dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')), 'bin/cli.js');
  const result = spawnSync(process.execPath, [cli, source, '--properties-required-by-default', '--output', output], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = process.argv[2] ?? defaultSource;
  const result = generate(source, schemaFile);
  process.stdout.write(result.output);
  if (result.status !== 0 && !process.argv[2]) {
    process.stderr.write(`gen:api: is the API running? Start it with \`make run\`, or pass a URL or file.\n`);
  }
  process.exit(result.status);
}
