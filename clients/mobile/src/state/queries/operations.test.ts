import { createHash } from 'crypto';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import manifest from '#schema/persisted-operations.json';
import { operationNames } from '#/state/queries/generated';
import { operationByName, operations } from '#/state/queries/operations';

const operationsFolder = join(__dirname, '../../../../../schema/operations');

describe('persisted operations', () => {
  it('uses the repository manifest: every id is the sha256 of its document', () => {
    for (const [id, document] of Object.entries(manifest as Record<string, string>)) {
      expect(id).toBe(`sha256:${createHash('sha256').update(document, 'utf8').digest('hex')}`);
    }
  });

  it('has every generated operation in the manifest, and codegen saw every operation file', () => {
    const files = readdirSync(operationsFolder)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => f.replace(/\.graphql$/, ''))
      .sort();
    expect([...operationNames].sort()).toEqual(files);
    for (const name of operationNames) {
      const op = operations[name];
      expect(op.id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(op.document).toBe(readFileSync(join(operationsFolder, `${name}.graphql`), 'utf8').replace(/\r\n/g, '\n').trim() + '\n');
    }
  });

  it('maps each operation name to its document, id and kind', () => {
    expect(operations.LogSet.kind).toBe('mutation');
    expect(operations.SessionUpdated.kind).toBe('subscription');
    expect(operations.WeeklyPlan.kind).toBe('query');
    expect(operationByName('LogSet')).toBe(operations.LogSet);
    expect(operationByName('NotAnOperation')).toBeUndefined();
  });
});
