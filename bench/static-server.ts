// Serves the built app (dist/) the way a static host does in production: the
// files are gzip-compressed once, at start-up, and then served from memory. `vite preview` compresses every response again on the fly; on this
// two-core machine that server-side work (about 0.1 s for Monaco's 3.3 MB)
// competed with the browser being measured and delayed every cold load.
import { createServer, type Server } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.ttf']);

interface Entry {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

export async function serveDist(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const files = new Map<string, Entry>();
  for (const name of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue;
    const full = join(name.parentPath, name.name);
    const body = await readFile(full);
    const ext = extname(full);
    const path = '/' + full.slice(root.length).replace(/^[/\\]+/, '').split('\\').join('/');
    files.set(path, { body, gzip: COMPRESSIBLE.has(ext) ? gzipSync(body) : null, type: TYPES[ext] ?? 'application/octet-stream' });
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const entry = files.get(path === '/' ? '/index.html' : decodeURIComponent(path));
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    const gzip = entry.gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'Content-Type': entry.type,
      'Cache-Control': 'no-cache',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(gzip ? entry.gzip : entry.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
