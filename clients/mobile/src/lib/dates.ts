/** Dates as the API has them: "YYYY-MM-DD" (Date) and ISO-8601 UTC (DateTime). */
export function toDateString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Monday (UTC) of the week of a date: the `weekStart` of plans and body maps. */
export function weekStartOf(d: Date): string {
  const day = d.getUTCDay(); // 0 = Sunday
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((day + 6) % 7)));
  return toDateString(monday);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return toDateString(d);
}

export function formatDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}
