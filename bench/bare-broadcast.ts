/**
 * The floor for streaming: a bare `ws` server that sends whatever is POSTed to it to every
 * connected client, nothing else. The bench starts it in its own process, as it does the
 * Rapport server, and prints its port on the first line of stdout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const server = http.createServer((request, response) => {
  if (request.method !== 'POST') {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const message = Buffer.concat(chunks).toString('utf8');
    for (const client of sockets.clients) client.send(message);
    response.writeHead(204).end();
  });
});
const sockets = new WebSocketServer({ server });
server.listen(0, '127.0.0.1', () => {
  console.log((server.address() as AddressInfo).port);
});
process.on('SIGTERM', () => process.exit(0));
