// The baseline for the cached-throughput figure: a bare node:http server that answers every
// request with the bytes and headers the BFF sent for /api/occupancy (read from the JSON file in
// BARE_RESPONSE_FILE). Started by scripts/bench.ts as a child process, like the BFF; prints
// "bare server listening on <port>" once it listens on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Recorded {
  status: number;
  headers: [string, string][];
  bodyBase64: string;
}

const file = process.env.BARE_RESPONSE_FILE;
if (file === undefined) {
  console.error('BARE_RESPONSE_FILE is not set');
  process.exit(1);
}
const recorded = JSON.parse(readFileSync(file, 'utf8')) as Recorded;
const body = Buffer.from(recorded.bodyBase64, 'base64');
const headers: Record<string, string> = Object.fromEntries(recorded.headers);
headers['content-length'] = String(body.length);

const server = createServer((_req, res) => {
  res.writeHead(recorded.status, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`bare server listening on ${typeof address === 'object' && address !== null ? address.port : 0}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
