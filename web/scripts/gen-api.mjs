#!/usr/bin/env node
// Generates src/lib/api-schema.d.ts from the API's OpenAPI document.
//   npm run gen:api                      # from the running API (http://localhost:5080)
//   npm run gen:api -- ./swagger.json    # from a file (e.g. one the API build wrote)
// Then point the aliases in src/lib/api-types.ts at the generated schemas (see the comment there).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? 'http://localhost:5080/swagger/v1/swagger.json';
const output = join(root, 'src/lib/api-schema.d.ts');
const cli = join(dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')), 'bin/cli.js');

const result = spawnSync(process.execPath, [cli, source, '--output', output], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
