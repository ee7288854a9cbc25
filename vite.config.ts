/// <reference types="vitest/config" />
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The editor (Monaco, most of the page's weight) is a lazy chunk so the canvas
 * draws first. Left alone, the browser would only start fetching it once the
 * app asks for it; a <link rel=modulepreload> for the editor chunk and
 * everything it imports lets the download and compilation run while the
 * canvas is being laid out, so the editor is ready soon after.
 */
function preloadEditor(entry: string): Plugin {
  let base = '/';
  return {
    name: 'stagewright:preload-editor',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const root = chunks.find((c) => c.facadeModuleId?.endsWith(entry));
        if (!root) return [];
        // Chunks the page's own entry already loads need no hint.
        const loaded = new Set<string>();
        for (const c of chunks) if (c.isEntry) for (const f of [c.fileName, ...c.imports]) loaded.add(f);
        const wanted: string[] = [];
        const visit = (fileName: string) => {
          if (loaded.has(fileName) || wanted.includes(fileName)) return;
          wanted.push(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(root.fileName);
        const tags: HtmlTagDescriptor[] = [];
        for (const fileName of wanted) {
          tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` }, injectTo: 'head' });
          // Its stylesheets too: the lazy import waits for them before it resolves.
          const chunk = bundle[fileName];
          const css = chunk?.type === 'chunk' ? chunk.viteMetadata?.importedCss : undefined;
          for (const file of css ?? []) {
            tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' });
          }
        }
        return tags;
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadEditor('src/editor/EditorPane.tsx')],
  server: { port: 5173 },
  preview: { port: 4173 },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
