// Usage: node subscribe.mjs <ws-url> <token|-> <query> [variables-json]
//
// Runs one operation through the real graphql-ws client and prints, one JSON line each:
//   {"next": <payload>}      for every result,
//   {"error": <errors>}      when the server answers with an `error` message or closes the socket,
//   {"complete": true}       when the operation completed.
// Exits 0 after complete, 1 after an error. A token of "-" sends no connection_init payload.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, query, variables] = process.argv.slice(2);
if (!url || !token || !query) {
  throw new Error('usage: node subscribe.mjs <ws-url> <token|-> <query> [variables-json]');
}

const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: token === '-' ? undefined : { authorization: `Bearer ${token}` },
  retryAttempts: 0,
  lazy: true,
});

const exitCode = await new Promise((resolve) => {
  client.subscribe(
    { query, variables: variables ? JSON.parse(variables) : undefined },
    {
      next: (payload) => print({ next: payload }),
      error: (error) => {
        // A close event carries code and reason; an `error` message carries GraphQL errors.
        const described = Array.isArray(error)
          ? error
          : { code: error?.code, reason: error?.reason, message: error?.message };
        print({ error: described });
        resolve(1);
      },
      complete: () => {
        print({ complete: true });
        resolve(0);
      },
    },
  );
});

await client.dispose();
// Setting exitCode lets Node end once stdout is flushed, so no printed line is cut off.
process.exitCode = exitCode;
