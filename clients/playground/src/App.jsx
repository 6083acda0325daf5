import { useEffect, useMemo, useState } from 'react';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import { bffFetch, currentUser, graphqlWebSocketUrl, signIn, signOut } from './bff.js';
import { contractSchema } from './schema.js';

const DEFAULT_QUERY = `# WorkoutTracker playground: every operation runs as you, through the BFF session.
# Try also:
#   { athletes { user { id displayName } activeSession { id } } }
#   subscription { athleteActivity { kind sessionId set { loadKg reps exercise { name } } } }
query Me {
  me {
    id
    displayName
    role
  }
}
`;

export function App() {
  const [user, setUser] = useState(undefined);
  const [error, setError] = useState(null);

  useEffect(() => {
    currentUser().then(setUser, (e) => setError(e.message));
  }, []);

  if (user === undefined) return <p className="playground-status">{error ?? 'Loading…'}</p>;
  if (user === null) return <SignIn onSignedIn={setUser} />;
  return (
    <Playground
      user={user}
      onSignOut={async () => {
        await signOut();
        setUser(null);
      }}
    />
  );
}

function SignIn({ onSignedIn }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      onSignedIn(await currentUser());
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="playground-sign-in" onSubmit={submit}>
      <h1>WorkoutTracker playground</h1>
      <p>Sign in as a coach to query your athletes.</p>
      <label>
        Email
        <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Password
        <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      <button type="submit" disabled={busy}>Sign in</button>
      {error && <p role="alert" className="playground-error">{error}</p>}
    </form>
  );
}

function Playground({ user, onSignOut }) {
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: '/graphql',
        fetch: bffFetch,
        wsClient: createClient({ url: graphqlWebSocketUrl(), lazy: true }),
      }),
    [],
  );

  return (
    <div className="playground">
      <header className="playground-header">
        <strong>WorkoutTracker playground</strong>
        <span className="playground-user">
          Signed in as {user.name} ({user.role})
          <button type="button" onClick={onSignOut}>Sign out</button>
        </span>
      </header>
      <div className="playground-graphiql">
        <GraphiQL fetcher={fetcher} schema={contractSchema} defaultQuery={DEFAULT_QUERY} initialQuery={DEFAULT_QUERY} />
      </div>
    </div>
  );
}
