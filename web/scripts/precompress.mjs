// Vite plugin: after `vite build`, writes a brotli (.br) and a gzip (.gz) copy beside each text file in the
// output folder, which the API sends to browsers that accept them (src/Api/Http/WebAppHosting.cs), so nothing is
// compressed per request. Node's zlib only; a copy that would not be smaller is not written.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT_FILE = /\.(?:html|js|mjs|css|svg|json|txt|xml|webmanifest)$/;

/** The codings the API knows, by the suffix of their copy. */
export const encodings = /** @type {const} */ ([
  {
    suffix: '.br',
    compress: (/** @type {Buffer} */ source) =>
      brotliCompressSync(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      }),
  },
  { suffix: '.gz', compress: (/** @type {Buffer} */ source) => gzipSync(source, { level: 9 }) },
]);

/**
 * Files the web server serves from `dir` (dot-folders such as `.vite/` are not served), relative paths.
 * @param {string} dir
 * @returns {string[]}
 */
export function servedFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !path.split(/[\\/]/).some((part) => part.startsWith('.')));
}

/** @param {string} dir */
export function precompressFolder(dir) {
  for (const file of servedFiles(dir).filter((path) => TEXT_FILE.test(path))) {
    const source = readFileSync(join(dir, file));
    for (const { suffix, compress } of encodings) {
      const compressed = compress(source);
      if (compressed.length < source.length) writeFileSync(join(dir, file + suffix), compressed);
    }
  }
}

/** @returns {import('vite').Plugin} */
export function precompress() {
  let outDir = 'dist';
  return {
    name: 'itqan:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompressFolder(outDir);
      },
    },
  };
}
