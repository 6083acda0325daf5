/**
 * An in-memory stand-in for the BFF + GraphQL server, for the Jest component tests only (never in
 * the app bundle). It answers the persisted operations with the fixtures in the real payload shapes
 * (SetPayload's setId/set/session/newRecords, `replayed`) and speaks the same wire format as the real
 * system (persisted GET with ETag and 304, POST mutations with clientMutationId replay and
 * IDEMPOTENCY_CONFLICT), so component tests run the real client stack against it. It is not a model
 * of the server's rules: the .NET end-to-end test runs the app against the real BFF and server.
 */
import type { FetchLike } from '#/lib/http';
import type { WorkoutSession, WorkoutSet } from '#/state/queries/workout-session';
import * as fixtures from '#/test-utils/fixtures';

export interface DemoReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Returned by `intercept` to leave a request unanswered (a request lost in a tunnel). */
export const HANG = 'hang' as const;

export interface DemoServer {
  fetch: FetchLike;
  sessions: Map<string, WorkoutSession>;
  /** Every GraphQL request: operation name, method and variables. */
  requests: { operationName: string; method: string; variables: Record<string, unknown> }[];
  signedIn: boolean;
  /** Answer a request yourself (or HANG); undefined lets the demo answer. */
  intercept?: (operationName: string, variables: Record<string, unknown>) => DemoReply | typeof HANG | undefined;
}

export function createDemoServer(
  options: { role?: 'ATHLETE' | 'COACH'; signedIn?: boolean; latencyMs?: number; profile?: Partial<typeof fixtures.profile> } = {},
): DemoServer {
  let user = options.role === 'COACH' ? fixtures.coachUser : fixtures.athleteUser;
  const sessions = new Map<string, WorkoutSession>([[fixtures.session.id, clone(fixtures.session)]]);
  let profile = { ...clone(fixtures.profile), ...options.profile };
  const replays = new Map<string, { fingerprint: string; payload: Record<string, unknown> }>();
  let nextId = 100;
  const newId = () => `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;

  const server: DemoServer = {
    sessions,
    requests: [],
    signedIn: options.signedIn ?? true,
    fetch: async (url, init = {}) => {
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      const path = url.replace(/^https?:\/\/[^/]+/, '');
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = (init.headers ?? {}) as Record<string, string>;
      if (path.startsWith('/bff/')) return respond(bff(path, method, init.body));
      if (headers['X-CSRF'] !== '1') return respond({ status: 401, body: { errors: [{ message: 'Missing X-CSRF' }] } });
      if (!server.signedIn) return respond({ status: 401, body: { errors: [{ message: 'Signed out', extensions: { code: 'UNAUTHENTICATED' } }] } });

      let operationName: string;
      let variables: Record<string, unknown>;
      if (method === 'GET') {
        const params = new URLSearchParamsLite(path.split('?')[1] ?? '');
        operationName = params.get('operationName') ?? '';
        variables = JSON.parse(params.get('variables') ?? '{}');
      } else {
        const body = JSON.parse(String(init.body ?? '{}'));
        operationName = body.operationName;
        variables = body.variables ?? {};
      }
      server.requests.push({ operationName, method, variables });
      const intercepted = server.intercept?.(operationName, variables);
      if (intercepted === HANG) return new Promise<Response>(() => {});
      if (intercepted) return respond(intercepted);

      const data = method === 'GET' ? query(operationName, variables) : mutation(operationName, (variables.input ?? {}) as Record<string, unknown>);
      if ('errors' in data) return respond({ status: 200, body: data });
      const body = { data };
      if (method === 'GET') {
        const etag = `"${hash(JSON.stringify(body))}"`;
        if (headers['If-None-Match'] === etag) return respond({ status: 304, headers: { ETag: etag } });
        return respond({ status: 200, body, headers: { ETag: etag } });
      }
      return respond({ status: 200, body });
    },
  };

  function bff(path: string, method: string, body: unknown): DemoReply {
    if (path.startsWith('/bff/login') && method === 'POST') {
      const { email = '', password = '' } = JSON.parse(String(body ?? '{}')) as { email?: string; password?: string };
      if (!password) return { status: 401 };
      user = email.toLowerCase().startsWith('coach') ? fixtures.coachUser : fixtures.athleteUser;
      server.signedIn = true;
      return { status: 200, body: {} };
    }
    if (path.startsWith('/bff/logout')) {
      server.signedIn = false;
      return { status: 200, body: {} };
    }
    if (path.startsWith('/bff/user')) {
      if (!server.signedIn) return { status: 401 };
      return {
        status: 200,
        // the BFF's UserResponse: { sub, name, role, claims, expiresAt }
        body: {
          sub: user.id,
          name: user.displayName,
          role: user.role.toLowerCase(),
          claims: [{ type: 'sub', value: user.id }],
          expiresAt: '2026-11-24T18:00:00Z',
        },
      };
    }
    return { status: 404 };
  }

  function query(name: string, v: Record<string, unknown>): Record<string, unknown> {
    switch (name) {
      case 'Me':
        return { me: user };
      case 'Profile':
        return { profile };
      case 'WeeklyPlan':
        return { weeklyPlan: { ...fixtures.weeklyPlan, weekStart: v.weekStart ?? fixtures.weeklyPlan.weekStart } };
      case 'Session':
        return { session: sessions.get(String(v.id)) ?? null };
      case 'Sessions':
        return {
          sessions: {
            edges: [...sessions.values()]
              .reverse()
              .slice(0, Number(v.first ?? 20))
              .map(({ sets: _, athleteId: __, ...node }) => ({ cursor: node.id, node })),
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        };
      case 'PersonalRecords':
        return { personalRecords: fixtures.personalRecords };
      case 'E1rmHistory':
        return { e1rmHistory: fixtures.e1rmHistory };
      case 'BodyMap':
        return { bodyMap: { ...fixtures.bodyMap, weekStart: v.weekStart ?? fixtures.bodyMap.weekStart } };
      case 'Athletes':
        return { athletes: fixtures.athletes };
      case 'Coach':
        return { coach: fixtures.coachReply(String(v.question)) };
      case 'CoachProposal':
        return { coach: fixtures.coachReply(String(v.question)) };
      case 'PlanProposalHistory':
        return { planProposalHistory: [] };
      case 'Copilot':
        return {
          copilot: {
            ...(Array.isArray(v.equipmentTaken) && v.equipmentTaken.length > 0 ? fixtures.copilotSwap : fixtures.copilot),
            sessionId: String(v.sessionId),
            sessionVersion: sessions.get(String(v.sessionId))?.version ?? 0,
          },
        };
      default:
        return { errors: [{ message: `Unknown operation ${name}`, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } as never;
    }
  }

  function mutation(name: string, input: Record<string, unknown>): Record<string, unknown> {
    const cmid = String(input.clientMutationId ?? '');
    const field = name.charAt(0).toLowerCase() + name.slice(1);
    const fingerprint = JSON.stringify(input);
    const previous = replays.get(cmid);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        return { errors: [{ message: 'This clientMutationId was used with another input.', extensions: { code: 'IDEMPOTENCY_CONFLICT' } }] } as never;
      }
      return { [field]: { ...previous.payload, replayed: true } };
    }
    const payload = apply(name, input);
    if ('errors' in payload) return payload;
    replays.set(cmid, { fingerprint, payload });
    return { [field]: payload };
  }

  function apply(name: string, input: Record<string, unknown>): Record<string, unknown> {
    const base = { clientMutationId: input.clientMutationId, replayed: false };
    const sessionOfSet = (setId: unknown) => [...sessions.values()].find((s) => s.sets.some((x) => x.id === setId));
    const bump = (session: WorkoutSession) => {
      session.version += 1;
      return { id: session.id, version: session.version };
    };
    switch (name) {
      case 'DecidePlanProposal': {
        const accepted = (input.acceptedItems as number[]) ?? [];
        const status = accepted.length === 0 ? 'REJECTED' : accepted.length === fixtures.proposal.items.length ? 'ACCEPTED' : 'PARTLY_ACCEPTED';
        const decided = { ...fixtures.proposal, status, acceptedItems: accepted, decidedBy: user.id, decidedAt: new Date().toISOString() };
        return { ...base, proposal: decided, plan: { athleteId: user.id, weekStart: decided.weekStart, editsVersion: accepted.length ? 1 : 0, isEdited: accepted.length > 0 } };
      }
      case 'StartSession': {
        if (typeof input.sessionId === 'string' && sessions.has(input.sessionId)) {
          return { errors: [{ message: 'This session id is already in use.', extensions: { code: 'SESSION_ID_TAKEN' } }] } as never;
        }
        const session: WorkoutSession = {
          id: typeof input.sessionId === 'string' ? input.sessionId : newId(),
          athleteId: user.id,
          startedAt: String(input.startedAt ?? new Date().toISOString()),
          finishedAt: null,
          planDayNumber: (input.planDayNumber as number | undefined) ?? null,
          version: 1,
          note: null,
          exercises: [],
          sets: [],
        };
        sessions.set(session.id, session);
        const { sets: _, athleteId: __, ...payload } = session;
        return { ...base, session: payload };
      }
      case 'LogSet': {
        const session = sessions.get(String(input.sessionId));
        if (!session) return notFound('session');
        if (session.finishedAt) return { errors: [{ message: 'The session is finished.', extensions: { code: 'SESSION_FINISHED' } }] };
        if (typeof input.reps !== 'number' || input.reps < 0 || input.reps > 100) {
          return { errors: [{ message: 'reps: 0 to 100.', extensions: { code: 'VALIDATION', field: 'reps' } }] };
        }
        const exercise = fixtures.exercisesById.get(String(input.exerciseId));
        const set: WorkoutSet = {
          id: newId(),
          sessionId: session.id,
          exercise: { id: String(input.exerciseId), name: exercise?.name ?? String(input.exerciseId) },
          order: session.sets.length + 1,
          loadKg: Number(input.loadKg),
          reps: Number(input.reps),
          rpe: (input.rpe as number | null) ?? null,
          restSeconds: (input.restSeconds as number | null) ?? null,
          performedAt: String(input.performedAt ?? new Date().toISOString()),
          isWarmup: input.isWarmup === true || input.setType === 'WARMUP',
          setType: (input.setType as WorkoutSet['setType'] | undefined) ?? (input.isWarmup === true ? 'WARMUP' : 'WORKING'),
          note: (input.note as string | null | undefined) ?? null,
        };
        session.sets = [...session.sets, set];
        // A heavier load than any earlier set of the exercise is a record (enough for the app's celebration).
        const heaviest = Math.max(0, ...[...sessions.values()].flatMap((x) => x.sets).filter((x) => x.exercise.id === set.exercise.id && x.id !== set.id && !x.isWarmup).map((x) => x.loadKg));
        const newRecords = !set.isWarmup && heaviest > 0 && set.loadKg > heaviest ? ['HEAVIEST_LOAD'] : [];
        return { ...base, setId: set.id, set, session: bump(session), newRecords };
      }
      case 'UpdateSet': {
        const session = sessionOfSet(input.setId);
        if (!session) return notFound('set');
        const { clientMutationId: _, setId: __, ...values } = input;
        session.sets = session.sets.map((s) => (s.id === input.setId ? { ...s, rpe: null, restSeconds: null, ...(values as Partial<WorkoutSet>) } : s));
        return { ...base, setId: input.setId, set: session.sets.find((s) => s.id === input.setId), session: bump(session), newRecords: [] };
      }
      case 'DeleteSet': {
        const session = sessionOfSet(input.setId);
        if (!session) return notFound('set');
        session.sets = session.sets.filter((s) => s.id !== input.setId);
        return { ...base, setId: input.setId, session: bump(session) };
      }
      case 'UpdateProfile': {
        const { clientMutationId: _, displayName: __, ...changes } = input;
        const loading = { ...profile.loading, ...(changes.loading as Partial<typeof profile.loading> | undefined) };
        profile = { ...profile, ...(changes as Partial<typeof profile>), loading, planVersion: profile.planVersion + 1, updatedAt: new Date().toISOString() };
        return { ...base, profile };
      }
      case 'FinishSession': {
        const session = sessions.get(String(input.sessionId));
        if (!session) return notFound('session');
        session.finishedAt = String(input.finishedAt ?? new Date().toISOString());
        return { ...base, session: { id: session.id, finishedAt: session.finishedAt, version: bump(session).version } };
      }
      default:
        return { errors: [{ message: `Unknown operation ${name}`, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
    }
  }

  return server;
}

function notFound(what: string) {
  return { errors: [{ message: `No such ${what}.`, extensions: { code: 'NOT_FOUND' } }] };
}

function respond(reply: DemoReply): Response {
  const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  return {
    status: reply.status,
    ok: reply.status >= 200 && reply.status < 300,
    headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
  return h.toString(16);
}

/** Enough of URLSearchParams for our query strings (Hermes lacks parts of it). */
class URLSearchParamsLite {
  private readonly map = new Map<string, string>();
  constructor(query: string) {
    for (const part of query.split('&')) {
      if (!part) continue;
      const i = part.indexOf('=');
      const k = decodeURIComponent(i < 0 ? part : part.slice(0, i));
      const v = i < 0 ? '' : decodeURIComponent(part.slice(i + 1).replace(/\+/g, ' '));
      this.map.set(k, v);
    }
  }
  get(key: string): string | null {
    return this.map.get(key) ?? null;
  }
}
