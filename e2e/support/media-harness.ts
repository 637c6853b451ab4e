import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * A bare page with the browser media client (`packages/web/src/lib/media`) as `window.TablehopMedia`,
 * served on 127.0.0.1 (a secure context, so getUserMedia works): the benchmark and probes drive the
 * real client against a Janus of their own, without the product.
 */
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

export async function startMediaHarness(port: number): Promise<{ url: string; server: Server }> {
  const bundle = await build({
    stdin: {
      contents: `export { createTableMedia } from './lib/media/table-media';\nexport { createJanusSession } from './lib/media/janus-session';`,
      resolveDir: join(repoRoot, 'packages/web/src'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'TablehopMedia',
    write: false,
    target: 'es2022',
  });
  const script = bundle.outputFiles[0]!.text;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>media harness</title></head><body><script src="/media.js"></script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/media.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${port}/`, server };
}
