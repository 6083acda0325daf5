// Usage: node live.mjs <ws-url> <token> <query> <variables-json> <count>
//
// Subscribes through the real graphql-ws client and prints one JSON line each:
//   {"connected": true}     once the server acknowledged the connection (subscribe follows at once),
//   {"next": <payload>}     for every event,
//   {"error": <errors>}     when the server answers with an error or closes the socket.
// After <count> events it completes the subscription itself (client → server `complete`) and exits 0.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, query, variables, countText] = process.argv.slice(2);
const count = Number(countText);
if (!url || !token || !query || !(count > 0)) {
  throw new Error('usage: node live.mjs <ws-url> <token> <query> <variables-json> <count>');
}

const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${token}` },
  retryAttempts: 0,
  lazy: true,
  on: { connected: () => print({ connected: true }) },
});

let received = 0;
const exitCode = await new Promise((resolve) => {
  const unsubscribe = client.subscribe(
    { query, variables: JSON.parse(variables) },
    {
      next: (payload) => {
        print({ next: payload });
        if (++received === count) {
          unsubscribe();
          resolve(0);
        }
      },
      error: (error) => {
        print({ error: Array.isArray(error) ? error : { code: error?.code, reason: error?.reason, message: error?.message } });
        resolve(1);
      },
      complete: () => resolve(received === count ? 0 : 1),
    },
  );
});

await client.dispose();
// Setting exitCode lets Node end once stdout is flushed, so no printed line is cut off.
process.exitCode = exitCode;
