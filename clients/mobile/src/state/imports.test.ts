import { createBffFetch } from '#/lib/http';
import { confirmImport, ImportProblem, uploadImport } from '#/state/imports';
import { fakeFetch, queryParams } from '#/test-utils/fake-fetch';

const preview = {
  id: 'a1',
  format: 'Strong',
  fileName: 'strong.csv',
  status: 'Previewed',
  preview: { rowsRead: 2, skippedRows: {}, sessions: { total: 1, new: 1, existing: 0 }, sets: { total: 2, new: 2, existing: 0 }, from: null, to: null, exercises: [] },
  matches: null,
  sessionsWritten: 0,
  setsWritten: 0,
  error: null,
};

describe('history import resources', () => {
  it('uploads the file as text/csv with its unit and time zone, through the BFF wrapper', async () => {
    const { fetchImpl, calls } = fakeFetch(() => ({ status: 201, body: preview }));
    const fetch = createBffFetch({ baseUrl: 'https://bff.test', fetchImpl });

    const answer = await uploadImport(fetch, new Blob(['Date;…']), { fileName: 'strong.csv', unit: 'lb', timeZone: 'America/Los_Angeles' });

    expect(answer.id).toBe('a1');
    expect(calls[0]!.url.startsWith('https://bff.test/imports?')).toBe(true);
    expect(queryParams(calls[0]!.url)).toEqual({ fileName: 'strong.csv', unit: 'lb', timeZone: 'America/Los_Angeles' });
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers['Content-Type']).toBe('text/csv');
    expect(calls[0]!.init.headers['X-CSRF']).toBe('1');
  });

  it('turns a refused file into a problem that names the line and column', async () => {
    const { fetchImpl } = fakeFetch(() => ({
      status: 400,
      body: { status: 400, detail: 'Line 3, column 5 (Weight): "heavy" is not a non-negative number.', code: 'IMPORT_FILE_INVALID', line: 3, column: 5 },
      headers: { 'Content-Type': 'application/problem+json' },
    }));

    const upload = uploadImport(createBffFetch({ baseUrl: '', fetchImpl }), new Blob(['x']), { fileName: 'bad.csv' });

    await expect(upload).rejects.toEqual(new ImportProblem('Line 3, column 5 (Weight): "heavy" is not a non-negative number.', 'IMPORT_FILE_INVALID', 400));
    await expect(upload).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID', status: 400 });
  });

  it('confirms with the chosen exercise for each name, null leaving a name out', async () => {
    const { fetchImpl, calls } = fakeFetch(() => ({ status: 202, body: { ...preview, status: 'Queued' } }));

    const answer = await confirmImport(createBffFetch({ baseUrl: '', fetchImpl }), 'a1', { 'Landmine Rotation': 'pallof-press', 'Sled Push': null });

    expect(answer.status).toBe('Queued');
    expect(calls[0]!.url).toBe('/imports/a1/confirm');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ matches: { 'Landmine Rotation': 'pallof-press', 'Sled Push': null } });
  });
});
