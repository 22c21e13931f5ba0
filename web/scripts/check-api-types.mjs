#!/usr/bin/env node
// Fails when src/lib/api-schema.d.ts no longer matches the API's OpenAPI document.
//   node scripts/check-api-types.mjs http://127.0.0.1:PORT/swagger/v1/swagger.json
// The end-to-end tests run it against the API they start (e2e/api-types.spec.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, root, schemaFile } from './gen-api.mjs';

/**
 * @param {string} source URL or file of the OpenAPI document
 * @returns {{ ok: boolean, message: string }}
 */
export function checkApiTypes(source) {
  const dir = mkdtempSync(join(tmpdir(), 'itqan-api-types-'));
  try {
    const fresh = join(dir, 'api-schema.d.ts');
    const result = generate(source, fresh);
    if (result.status !== 0) return { ok: false, message: `openapi-typescript failed on ${source}:\n${result.output}` };
    const expected = readFileSync(fresh, 'utf8');
    const committed = existsSync(schemaFile) ? readFileSync(schemaFile, 'utf8') : '';
    if (committed === expected) return { ok: true, message: `${relative(root, schemaFile)} matches ${source}` };
    return {
      ok: false,
      message:
        `${relative(root, schemaFile)} is out of date with the API's OpenAPI document (${source}).\n` +
        'Run `npm run gen:api` (with `make run` up), then update src/lib/api-types.ts if a schema changed.\n' +
        diff(existsSync(schemaFile) ? schemaFile : '/dev/null', fresh),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The start of a unified diff (committed → what the API gives), enough to see what changed.
 * @param {string} committed path @param {string} fresh path
 */
function diff(committed, fresh) {
  const result = spawnSync('diff', ['-u', '--label', 'committed', '--label', 'from the API', committed, fresh], {
    encoding: 'utf8',
  });
  if (result.error) return '(install diffutils to see the difference)';
  const lines = result.stdout.split('\n');
  return lines.slice(0, 80).join('\n') + (lines.length > 80 ? `\n… ${String(lines.length - 80)} more lines` : '');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = process.argv[2];
  if (!source) {
    process.stderr.write('usage: node scripts/check-api-types.mjs <swagger.json URL or file>\n');
    process.exit(2);
  }
  const { ok, message } = checkApiTypes(source);
  (ok ? process.stdout : process.stderr).write(`${message}\n`);
  process.exit(ok ? 0 : 1);
}
