import type { FastifyInstance } from 'fastify';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The planners' dashboard (GET /dashboard): a page, its scripts, its chart library and its Khmer
 * font, all served by the app itself, so it works where an office has no internet. The files name
 * no one and hold no data (the page asks the API for figures with the planner's token), so they are
 * public, like the login they lead to. Only the files listed here are served.
 */
const requireFrom = createRequire(__filename);
const PUBLIC = path.join(__dirname, 'public');
const font = (name: string) => requireFrom.resolve(`@fontsource/noto-sans-khmer/files/${name}`);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
};

const FILES: Record<string, string> = {
  '/dashboard': path.join(PUBLIC, 'index.html'),
  '/dashboard/app.js': path.join(PUBLIC, 'app.js'),
  '/dashboard/api.js': path.join(PUBLIC, 'api.js'),
  '/dashboard/charts.js': path.join(PUBLIC, 'charts.js'),
  '/dashboard/format.js': path.join(PUBLIC, 'format.js'),
  '/dashboard/sections.js': path.join(PUBLIC, 'sections.js'),
  '/dashboard/dashboard.css': path.join(PUBLIC, 'dashboard.css'),
  '/dashboard/vendor/echarts.min.js': requireFrom.resolve('echarts/dist/echarts.min.js'),
  ...Object.fromEntries(
    ['khmer-400', 'khmer-700', 'latin-400', 'latin-700'].map((f) => [`/dashboard/fonts/noto-sans-khmer-${f}-normal.woff2`, font(`noto-sans-khmer-${f}-normal.woff2`)]),
  ),
};

export function serveDashboard(fastify: FastifyInstance): void {
  for (const [url, file] of Object.entries(FILES)) {
    if (!existsSync(file)) throw new Error(`The dashboard's file ${file} is missing: run npm run build (it copies src/dashboard/public).`);
    const type = TYPES[path.extname(file)];
    const size = statSync(file).size;
    // The page itself is checked on every visit; scripts and fonts may be kept for an hour.
    const cache = url === '/dashboard' ? 'no-cache' : 'public, max-age=3600';
    fastify.get(url, (_request, reply) =>
      reply.header('Content-Type', type).header('Content-Length', size).header('Cache-Control', cache).send(createReadStream(file)),
    );
  }
  fastify.get('/dashboard/', (_request, reply) => reply.redirect('/dashboard', 301));
}
