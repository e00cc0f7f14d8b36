// Builds the explorer page into explorer/dist, served by the server at /explore (src/explorer/http.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { BUILD_INFO, explorerSourceHash } from '../src/explorer/source-hash.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Writes the hash of the sources the build came from, so a test can tell a stale committed build. */
function buildInfo(): Plugin {
  return {
    name: 'liner-build-info',
    apply: 'build',
    generateBundle() {
      const info = { sourceHash: explorerSourceHash(root), note: 'Written by `npm run explorer:build`; do not edit.' };
      this.emitFile({ type: 'asset', fileName: BUILD_INFO, source: `${JSON.stringify(info, null, 2)}\n` });
    },
  };
}

export default defineConfig({
  root,
  base: '/explore/',
  publicDir: false,
  plugins: [buildInfo()],
  // `npm run explorer:dev` serves the page with live reload at http://localhost:5173/explore/ and passes the API
  // through to a Liner server started with `npm start`.
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/export', '/health'].map((path) => [path, process.env.LINER_URL ?? 'http://127.0.0.1:4000']),
    ),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Reproducible output: the same sources give the same files, so the committed build only changes with them.
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
});
