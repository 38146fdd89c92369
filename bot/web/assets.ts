// The page's static files: Web Chat's ready browser bundle from the installed package and our
// own small JS/CSS. Read once, kept in memory, sent with an ETag and gzip when asked.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

interface Asset {
  body: Buffer;
  gzipped?: Buffer;
  type: string;
  etag: string;
}

const here = dirname(fileURLToPath(import.meta.url));

function webChatBundlePath(): string {
  const require = createRequire(import.meta.url);
  // The package's exports hide dist/ and package.json: find the package root from its main entry.
  const entry = require.resolve('botframework-webchat');
  const marker = `${sep}botframework-webchat${sep}`;
  const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
  return join(root, 'dist', 'webchat.js');
}

const FILES: Record<string, { path: () => string; type: string }> = {
  'webchat.js': { path: webChatBundlePath, type: 'text/javascript; charset=utf-8' },
  'app.js': { path: () => join(here, 'static', 'app.js'), type: 'text/javascript; charset=utf-8' },
  'app.css': { path: () => join(here, 'static', 'app.css'), type: 'text/css; charset=utf-8' },
  'favicon.svg': { path: () => join(here, 'static', 'favicon.svg'), type: 'image/svg+xml' },
};

export class StaticAssets {
  private readonly cache = new Map<string, Asset>();
  /** Changes when our own files change, so `?v=` busts browser caches. */
  readonly version: string;

  constructor() {
    const hash = createHash('sha256');
    for (const name of ['app.js', 'app.css']) hash.update(this.load(name)?.etag ?? '');
    this.version = hash.digest('hex').slice(0, 10);
  }

  async send(name: string, req: Request, res: Response): Promise<void> {
    const asset = this.load(name);
    if (!asset) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const headers: Record<string, string | number> = {
      'Content-Type': asset.type,
      ETag: asset.etag,
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && asset.body.length > 1024) {
      asset.gzipped ??= gzipSync(asset.body);
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': asset.gzipped.length });
      res.end(asset.gzipped);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': asset.body.length });
    res.end(asset.body);
  }

  private load(name: string): Asset | undefined {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
    if (!file) return undefined;
    const body = readFileSync(file.path());
    const asset: Asset = { body, type: file.type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"` };
    this.cache.set(name, asset);
    return asset;
  }
}
