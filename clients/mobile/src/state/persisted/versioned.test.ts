import { z } from 'zod';
import { loadVersioned, migrate, serializeVersioned, type StorageLike, type VersionedSpec } from '#/state/persisted/versioned';
import { defaultPreferences, preferencesSpec } from '#/state/persisted/schema';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: async (k) => data.get(k) ?? null, setItem: async (k, v) => void data.set(k, v) };
}

// A made-up history to exercise the mechanism: v1 stored { unit: 'kg' }, v2 { units: 'KG' }, v3 adds rest.
const v3 = z.object({ units: z.enum(['KG', 'LB']), restSeconds: z.number() });
const spec: VersionedSpec<z.infer<typeof v3>> = {
  version: 3,
  schema: v3,
  defaults: () => ({ units: 'KG', restSeconds: 120 }),
  migrations: {
    1: (d: { unit: string }) => ({ units: d.unit.toUpperCase() }),
    2: (d: { units: string }) => ({ ...d, restSeconds: 90 }),
  },
};

describe('versioned stored state', () => {
  it('uses the defaults when nothing is stored', () => {
    expect(migrate(null, spec)).toEqual({ data: { units: 'KG', restSeconds: 120 }, changed: false });
  });

  it('migrates an old version step by step and asks for a rewrite', () => {
    expect(migrate({ version: 1, data: { unit: 'lb' } }, spec)).toEqual({
      data: { units: 'LB', restSeconds: 90 },
      changed: true,
    });
  });

  it('reads the current version as it is', () => {
    expect(migrate({ version: 3, data: { units: 'LB', restSeconds: 60 } }, spec)).toEqual({
      data: { units: 'LB', restSeconds: 60 },
      changed: false,
    });
  });

  it('falls back to the defaults for a newer version, garbage or data failing the schema', () => {
    expect(migrate({ version: 4, data: {} }, spec).problem).toBe('newer-version');
    expect(migrate('{', spec).problem).toBe('unreadable');
    expect(migrate({ version: 3, data: { units: 'STONE' } }, spec)).toMatchObject({ problem: 'invalid', data: spec.defaults() });
    expect(migrate({ version: 0, data: {} }, spec).problem).toBe('missing-migration');
  });

  it('keeps a backup of what it could not read instead of losing it', async () => {
    const storage = memoryStorage({ k: JSON.stringify({ version: 9, data: { future: true } }) });
    const result = await loadVersioned(storage, 'k', spec);
    expect(result.data).toEqual(spec.defaults());
    expect(storage.data.get('k:backup')).toBe(JSON.stringify({ version: 9, data: { future: true } }));
  });

  it('round-trips through storage', async () => {
    const storage = memoryStorage();
    await storage.setItem('k', serializeVersioned(spec, { units: 'LB', restSeconds: 45 }));
    expect((await loadVersioned(storage, 'k', spec)).data).toEqual({ units: 'LB', restSeconds: 45 });
  });
});

describe('preferences schema', () => {
  it('has defaults', () => {
    expect(defaultPreferences()).toEqual({
      colorScheme: 'system',
      defaultRestSeconds: 120,
      restByExercise: {},
    });
  });

  it('drops the bar and plates once kept on the device (the profile has them now)', () => {
    expect(migrate({ version: 1, data: { colorScheme: 'dark', barKg: 15, platesKg: [10, 5] } }, preferencesSpec).data).toEqual({
      colorScheme: 'dark',
      defaultRestSeconds: 120,
      restByExercise: {},
    });
  });

  it('repairs single bad fields rather than resetting everything', () => {
    expect(migrate({ version: 1, data: { colorScheme: 'dark', defaultRestSeconds: -5, barKg: 'heavy' } }, preferencesSpec).data).toEqual({
      colorScheme: 'dark',
      defaultRestSeconds: 120,
      restByExercise: {},
    });
  });
});
