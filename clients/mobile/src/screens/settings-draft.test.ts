import { changesOf, draftOf, fieldErrorOf } from '#/screens/settings-draft';
import { profile } from '#/test-utils/fixtures';

describe('the settings draft', () => {
  it('sends goal, experience and the training settings, and only the loading values that changed', () => {
    const draft = draftOf(profile);
    const made = changesOf(
      { ...draft, goal: 'HYPERTROPHY', experience: 'BEGINNER', loading: { ...draft.loading, barWeight: '15', stackStep: '2,5' }, kettlebellSizes: '8, 12, 16' },
      profile,
    );

    expect(made).toEqual({
      changes: {
        goal: 'HYPERTROPHY',
        experience: 'BEGINNER',
        daysPerWeek: 3,
        sessionMinutes: 60,
        units: 'KG',
        equipment: profile.equipment,
        timeZone: 'Europe/Berlin',
        loading: { barWeight: 15, stackStep: 2.5, kettlebellSizes: [8, 12, 16] },
      },
    });
  });

  it('sends no loading when nothing of it changed', () => {
    const made = changesOf(draftOf(profile), profile);

    expect('changes' in made && made.changes.loading).toBeUndefined();
  });

  it('leaves the loading out when the units change: the new unit starts from its own gym', () => {
    const draft = draftOf(profile);
    const made = changesOf({ ...draft, units: 'LB', loading: { ...draft.loading, barWeight: 'not read' } }, profile);

    expect(made).toMatchObject({ changes: { units: 'LB' } });
    expect('changes' in made && made.changes.loading).toBeUndefined();
  });

  it('names the field that is not a number, as the server names its fields', () => {
    const draft = draftOf(profile);

    expect(changesOf({ ...draft, loading: { ...draft.loading, dumbbellStep: 'two' } }, profile)).toEqual({
      error: { field: 'loading.dumbbellStep', message: 'must be a number.' },
    });
    expect(changesOf({ ...draft, kettlebellSizes: '8, heavy' }, profile)).toEqual({
      error: { field: 'loading.kettlebellSizes', message: 'must be numbers separated by commas.' },
    });
  });

  it('reads the field a GraphQL error names', () => {
    expect(fieldErrorOf({ message: 'loading.barWeight: must be from 5 to 50 (at most 3 decimals).', extensions: { code: 'VALIDATION', field: 'loading.barWeight' } })).toEqual({
      field: 'loading.barWeight',
      message: 'loading.barWeight: must be from 5 to 50 (at most 3 decimals).',
    });
    expect(fieldErrorOf({ message: 'Only athletes have a training profile.', extensions: { code: 'FORBIDDEN' } })).toEqual({ field: '', message: 'Only athletes have a training profile.' });
    expect(fieldErrorOf(undefined)).toBeNull();
  });
});
