/**
 * The history import and export resources of the BFF (`/imports`, `/exports`): files travel over plain
 * HTTP, not GraphQL. Errors come back as problem details whose `code` is the GraphQL errors' code; a
 * bad file names its line and column.
 */
import type { BffFetch } from '#/lib/http';

export type ImportStatus = 'Previewed' | 'Queued' | 'Running' | 'Completed' | 'Failed';
export type MatchQuality = 'Exact' | 'Alias' | 'Similar' | 'None';

export interface ImportCount {
  total: number;
  new: number;
  existing: number;
}

export interface ExerciseMatch {
  name: string;
  sets: number;
  exerciseId: string | null;
  quality: MatchQuality;
}

export interface HistoryImport {
  id: string;
  format: 'Strong' | 'Hevy';
  fileName: string;
  status: ImportStatus;
  preview: {
    rowsRead: number;
    skippedRows: Record<string, number>;
    sessions: ImportCount;
    sets: ImportCount;
    from: string | null;
    to: string | null;
    exercises: ExerciseMatch[];
  };
  matches: Record<string, string | null> | null;
  sessionsWritten: number;
  setsWritten: number;
  error: string | null;
}

/** A refusal of the BFF or server, with what the person can act on. */
export class ImportProblem extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Only these answers carry an import; anything else is read as a problem. */
async function importOf(response: Response): Promise<HistoryImport> {
  const body = (await response.json().catch(() => null)) as (Partial<HistoryImport> & { detail?: string; title?: string; code?: string }) | null;
  if (!response.ok || !body?.id) {
    throw new ImportProblem(body?.detail ?? body?.title ?? `The server answered ${response.status}.`, body?.code ?? 'UNKNOWN', response.status);
  }

  return body as HistoryImport;
}

export interface UploadOptions {
  fileName: string;
  /** The unit of a Strong file without a "Weight Unit" column. */
  unit?: 'kg' | 'lb';
  /** IANA zone the file's times are local to (the device's by default). */
  timeZone?: string;
}

export function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export async function uploadImport(fetch: BffFetch, file: Blob, options: UploadOptions): Promise<HistoryImport> {
  const query = new URLSearchParams({ fileName: options.fileName });
  if (options.unit) query.set('unit', options.unit);
  if (options.timeZone) query.set('timeZone', options.timeZone);
  return importOf(await fetch(`/imports?${query.toString()}`, { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' } }));
}

export async function readImport(fetch: BffFetch, id: string): Promise<HistoryImport> {
  return importOf(await fetch(`/imports/${encodeURIComponent(id)}`));
}

export async function confirmImport(fetch: BffFetch, id: string, matches: Record<string, string | null>): Promise<HistoryImport> {
  return importOf(
    await fetch(`/imports/${encodeURIComponent(id)}/confirm`, {
      method: 'POST',
      body: JSON.stringify({ matches }),
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

export const isRunning = (status: ImportStatus) => status === 'Queued' || status === 'Running';

/** One of the exports as text, and the name to save it under. */
export async function downloadExport(fetch: BffFetch, kind: 'sets.csv' | 'account.json'): Promise<{ fileName: string; text: string }> {
  const response = await fetch(`/exports/${kind}`);
  if (!response.ok) {
    throw new ImportProblem(`The export failed (${response.status}).`, 'EXPORT_FAILED', response.status);
  }

  return { fileName: `workouttracker-${kind}`, text: await response.text() };
}
