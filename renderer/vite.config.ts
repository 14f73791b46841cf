import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The entry chunk only sends the first screen's reads and then imports the app (renderer/main.ts); this makes the
 * browser fetch and compile the app's chunk alongside the entry instead of after it.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'gloss-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const app = Object.values(ctx.bundle ?? {}).find(
          (chunk) =>
            chunk.type === 'chunk' &&
            chunk.isDynamicEntry &&
            chunk.moduleIds.some((id) => id.endsWith('/renderer/start.tsx')),
        );
        if (!app) throw new Error('renderer/start.tsx is not a chunk of its own: main.ts must import() it');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${app.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), preloadAppChunk()],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
});
