import type { FetchLike } from '#/lib/http';

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedCall {
  url: string;
  init: RequestInit & { headers: Record<string, string> };
}

/** A fetch that answers from a script (a function of the call) and records every call. */
export function fakeFetch(reply: (call: RecordedCall, index: number) => FakeReply | Promise<FakeReply>) {
  const calls: RecordedCall[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const call = { url, init: { ...(init ?? {}), headers: { ...((init?.headers as Record<string, string>) ?? {}) } } };
    calls.push(call);
    const r = await reply(call, calls.length - 1);
    const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const text = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    return {
      status: r.status,
      ok: r.status >= 200 && r.status < 300,
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      text: async () => text,
      json: async () => JSON.parse(text),
    } as unknown as Response;
  };
  return { fetchImpl, calls };
}

export function queryParams(url: string): Record<string, string> {
  const q = url.split('?')[1] ?? '';
  return Object.fromEntries(
    q
      .split('&')
      .filter(Boolean)
      .map((p) => {
        const [k, v = ''] = p.split('=');
        return [decodeURIComponent(k!), decodeURIComponent(v)];
      }),
  );
}
