import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ in production; in development Vite proxies the API to it.
// The build prints the gzip size of the participant's join bundle (about 11 KB today; warns past 20 KB).
export default defineConfig({
  plugins: [react(), bundleSizeReport({ match: 'features/join/join-page', budgetKb: 20 })],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});

interface ChunkInfo {
  code: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipBytes = (code: string) => gzipSync(code, { level: 9 }).length;

/**
 * After `vite build`, prints what a participant downloads to join the live event: the join chunk
 * (the lazy `features/join/join-page.tsx` with the chunks only it needs) and the whole first visit
 * of a join link (entry + join chunk + everything they import), gzip-compressed. Warns when the
 * join chunk grows past `budgetKb`.
 */
export function bundleSizeReport(options: { match: string; budgetKb: number }): Plugin {
  return {
    name: 'tablehop-bundle-size',
    apply: 'build',
    generateBundle(_output, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [fileName, item] of Object.entries(bundle)) if (item.type === 'chunk') chunks.set(fileName, item);
      const closure = (roots: string[]) => {
        const seen = new Set<string>();
        const visit = (name: string) => {
          if (seen.has(name) || !chunks.has(name)) return;
          seen.add(name);
          for (const imported of chunks.get(name)!.imports) visit(imported);
        };
        roots.forEach(visit);
        return seen;
      };
      const entries = [...chunks].filter(([, c]) => c.isEntry).map(([name]) => name);
      const join = [...chunks].find(([, c]) => c.facadeModuleId?.replace(/\\/g, '/').includes(options.match))?.[0];
      if (!join) {
        this.warn(`bundle size: no chunk for ${options.match}; is the join page still lazy-loaded?`);
        return;
      }
      const initial = closure(entries);
      const joinOnly = [...closure([join])].filter((name) => !initial.has(name));
      const firstVisit = new Set([...initial, ...joinOnly]);
      const size = (names: Iterable<string>) => [...names].reduce((sum, name) => sum + gzipBytes(chunks.get(name)!.code), 0);
      const joinGzip = size(joinOnly);
      const rawJoin = joinOnly.reduce((sum, name) => sum + chunks.get(name)!.code.length, 0);
      const lines = [
        `join bundle (participant live page): ${kb(joinGzip)} gzip (${kb(rawJoin)} raw) in ${joinOnly.length} chunk(s): ${joinOnly.join(', ')}`,
        `first visit of a join link (app + join bundle): ${kb(size(firstVisit))} gzip`,
      ];
      console.log(`\n${lines.join('\n')}`);
      if (joinGzip > options.budgetKb * 1024) this.warn(`join bundle is ${kb(joinGzip)} gzip, over its budget of ${options.budgetKb} KB`);
    },
  };
}
