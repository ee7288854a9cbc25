// Builds the `stagewright` command into dist-cli/stagewright.js: one Node ES
// module with a shebang, the model bundled in, only Node's built-ins outside.
// Run by package.json "prepare" (so `npm ci` leaves `npx stagewright` working)
// and by the CLI tests before they start the command.
import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_OUT_DIR = `${root}dist-cli`;
export const CLI_FILE = `${CLI_OUT_DIR}/stagewright.js`;

export default defineConfig({
  root,
  // The app's public/ folder is not the command's business.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: fileURLToPath(new URL('./main.ts', import.meta.url)),
    outDir: CLI_OUT_DIR,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'stagewright.js',
        banner: '#!/usr/bin/env node',
      },
    },
  },
  // Bundle every dependency, so the file runs wherever Node does.
  ssr: { noExternal: true, target: 'node' },
  plugins: [
    {
      name: 'stagewright-cli-executable',
      async writeBundle() {
        await chmod(CLI_FILE, 0o755);
      },
    },
  ],
});
