// Writes src/state/queries/persisted-operations.json: {"sha256:<hex>": "<exact document text>"} for
// every operation in src/state/queries/documents.ts. Run with the pinned Node (npm run operations):
// Node 24 loads the .ts file directly (type stripping).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function sha256Id(document) {
  return `sha256:${createHash('sha256').update(document, 'utf8').digest('hex')}`;
}

export function manifestOf(documents) {
  const manifest = {};
  for (const name of Object.keys(documents).sort()) manifest[sha256Id(documents[name])] = documents[name];
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const documents = await import('../src/state/queries/documents.ts');
  const target = new URL('../src/state/queries/persisted-operations.json', import.meta.url);
  writeFileSync(target, JSON.stringify(manifestOf(documents), null, 2) + '\n');
  console.log(`wrote ${Object.keys(documents).length} operations to ${fileURLToPath(target)}`);
}
