// Writes .br and .gz beside every built asset worth compressing, so the server sends them as is
// (no compression work per request, smallest transfer for county networks).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = new URL('../dist/assets/', import.meta.url).pathname;
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|svg|json|html)$/.test(name)) continue;
  const path = join(dir, name);
  if (statSync(path).size < 1024) continue;
  const content = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}
