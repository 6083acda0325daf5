import { createHash } from 'crypto';
import * as documents from '#/state/queries/documents';
import manifest from '#/state/queries/persisted-operations.json';
import { operationByName, operations } from '#/state/queries/operations';

describe('persisted operations', () => {
  it('has a manifest entry sha256(exact text) for every document (run `npm run operations` when this fails)', () => {
    const expected: Record<string, string> = {};
    for (const [, doc] of Object.entries(documents)) {
      expected[`sha256:${createHash('sha256').update(doc, 'utf8').digest('hex')}`] = doc;
    }
    expect(manifest).toEqual(expected);
  });

  it('maps each operation name to its document, id and kind', () => {
    expect(operations.LogSet.kind).toBe('mutation');
    expect(operations.SessionUpdated.kind).toBe('subscription');
    expect(operations.WeeklyPlan.kind).toBe('query');
    for (const op of Object.values(operations)) {
      expect(op.id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(op.document).toMatch(new RegExp(`^(query|mutation|subscription) ${op.name}\\b`));
    }
    expect(operationByName('NotAnOperation')).toBeUndefined();
  });
});
