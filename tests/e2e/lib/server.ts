/**
 * A static server on 127.0.0.1:<free port> rooted at the shared corpus and the repository's demo site (pages open
 * offline with their assets; their paths do not overlap), plus an `/__adhoc/` route serving pages that a test
 * registers on the fly.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { corpusDir, demoSiteDir, sharedAvailable } from './paths.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** Absolute URL of a corpus page, e.g. url('twentytwentyone/seed-004.html'). */
  url(corpusPath: string): string;
  /** Serve `html` at /__adhoc/<name> and return its URL. */
  addPage(name: string, html: string): string;
  /**
   * Serve `body` at exactly `pathname` (e.g. a saved page at the path its site served it from, `/a-post/comment-page-2/`),
   * before the corpus files, as HTML unless `contentType` says otherwise; returns its URL.
   */
  serveAt(pathname: string, body: string, contentType?: string): string;
  close(): Promise<void>;
}

/** The shared corpus (when ../shared is there) and the demo site, looked up in that order. */
export const DEFAULT_ROOTS: readonly string[] = sharedAvailable ? [corpusDir, demoSiteDir] : [demoSiteDir];

/** Start a static server rooted at `root`: one folder, or several looked up in order (the default roots). */
export async function startServer(root: string | readonly string[] = DEFAULT_ROOTS): Promise<StaticServer> {
  const roots = typeof root === 'string' ? [root] : root;
  const adhocPages = new Map<string, string>();
  const pathPages = new Map<string, { body: string; type: string }>();
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const pathPage = pathPages.get(pathname);
    if (pathPage !== undefined) return send(res, 200, pathPage.type, pathPage.body);
    if (pathname.startsWith('/__adhoc/')) {
      const html = adhocPages.get(pathname.slice('/__adhoc/'.length));
      return html === undefined ? notFound(res) : send(res, 200, CONTENT_TYPES['.html']!, html);
    }
    const relative = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    // Never serve outside a root, whatever the request path says.
    const file = roots
      .map((dir) => path.join(dir, relative))
      .find((candidate, i) => candidate.startsWith(roots[i]! + path.sep) && fs.statSync(candidate, { throwIfNoEntry: false })?.isFile());
    if (!file) return notFound(res);
    fs.readFile(file, (error, body) => {
      if (error) return notFound(res);
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      send(res, 200, type, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (corpusPath) => `${origin}/${corpusPath.replace(/^\//, '')}`,
    addPage(name, html) {
      adhocPages.set(name, html);
      return `${origin}/__adhoc/${name}`;
    },
    serveAt(pathname, body, contentType = CONTENT_TYPES['.html']!) {
      pathPages.set(pathname, { body, type: contentType });
      return `${origin}${pathname}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function notFound(res: http.ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'not found');
}
