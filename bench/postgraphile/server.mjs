// PostGraphile 5 (Amber preset) over the bench database, on loopback: the peer bench/run.sh measures our
// server against with the same client and the same queries. Usage: node server.mjs <connection string> <port>
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";

const [connectionString, port] = process.argv.slice(2);
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ["public"], poolConfig: { max: 32 } })],
  grafserv: { port: Number(port), graphqlPath: "/graphql", graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (e) => { console.error(e); process.exit(1); });
await serv.addTo(server);
server.listen(Number(port), "127.0.0.1", () => console.log(`postgraphile listening on ${port}`));
process.on("SIGTERM", () => { server.close(); pgl.release().finally(() => process.exit(0)); });
