/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.mjs';

// The .NET API listens on 5080 in development; override with API_ORIGIN=http://host:port.
const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:5080';
const proxied = ['/api', '/webhooks', '/health', '/swagger'];

export default defineConfig({
  // precompress: .br and .gz copies of the built text files, which the API sends (WebAppHosting.cs).
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: apiOrigin, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // No source maps in the build that ships: they would publish the sources. `npm run dev` has them; the API
    // also refuses *.map in Production should a build bring some.
    sourcemap: false,
    // scripts/bundle-size.mjs reads which chunks the entry imports statically.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Dates in assertions are written for UTC; the app itself formats in the user's zone.
    env: { TZ: 'UTC' },
    // Polling tests wait on real 1 s intervals; keep the default headroom generous on 2-core CI.
    testTimeout: 15_000,
  },
});
