import { setTimeout as sleep } from 'node:timers/promises';
import type WebSocket from 'ws';
import { ms } from './report';
import { percentile, type Scenario } from './results';
import { closeAll, connectAll, type Delivery } from './streaming';

/**
 * Conversations: N streaming clients (each its own person) on the `user` stream; 20
 * one-to-one and 20 group conversations (5 people) among some of them; messages sent one
 * after another from a random participant, and the time from `POST .../messages` to each
 * other participant receiving the `chat.message`. The other clients stay connected and
 * idle: the hub must find the few concerned among all of them. Then one person is given
 * 200 conversations with unread messages for the list, badge, page and search rows.
 */

export interface ChatBench {
  clients: number;
  conversations: number;
  messages: number;
  delivery: Delivery;
  scenarios: Scenario[];
}

interface Person {
  id: string;
  token: string;
}

const WAIT_MS = 5000;

/** The message in flight: its marker, when it was sent, the clients yet to receive it. */
interface Waiting {
  marker: Buffer;
  sent: number;
  waiting: Set<number>;
  done: () => void;
}

async function call(
  base: string,
  token: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as unknown;
  if (!response.ok)
    throw new Error(`${method} ${url}: HTTP ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function people(base: string, tokens: string[]): Promise<Person[]> {
  const found: Person[] = [];
  for (let i = 0; i < tokens.length; i += 50) {
    const batch = tokens.slice(i, i + 50);
    const accounts = await Promise.all(
      batch.map((token) => call(base, token, 'GET', '/api/v1/accounts/verify_credentials')),
    );
    accounts.forEach((account, j) => {
      found.push({ id: (account as { id: string }).id, token: batch[j] as string });
    });
  }
  return found;
}

async function startChat(base: string, starter: Person, others: Person[]): Promise<string> {
  const chat = await call(base, starter.token, 'POST', '/api/rapport/v1/chats', {
    account_ids: others.map((other) => other.id),
  });
  return (chat as { id: string }).id;
}

const send = (base: string, sender: Person, chatId: string, text: string) =>
  call(base, sender.token, 'POST', `/api/rapport/v1/chats/${chatId}/messages`, { text });

export async function benchChats(options: {
  base: string;
  /** One token per streaming client, each a different person. */
  tokens: string[];
  messages: number;
}): Promise<ChatBench> {
  const { base } = options;
  const everyone = await people(base, options.tokens);
  const index = new Map(everyone.map((person, i) => [person.id, i]));
  // 20 pairs, then 20 groups of five, from the start of the list; everyone else is idle.
  const groups: Person[][] = [];
  let next = 0;
  const take = (count: number) => {
    const taken = everyone.slice(next, next + count);
    next += count;
    return taken;
  };
  for (let i = 0; i < 20 && next + 2 <= everyone.length; i++) groups.push(take(2));
  for (let i = 0; i < 20 && next + 5 <= everyone.length; i++) groups.push(take(5));
  const chats: Array<{ id: string; people: Person[] }> = [];
  for (const group of groups) {
    const [starter, ...others] = group as [Person, ...Person[]];
    chats.push({ id: await startChat(base, starter, others), people: group });
  }

  const sockets = await connectAll(
    everyone.map((person) => {
      const url = new URL('/api/v1/streaming', base.replace(/^http/, 'ws'));
      url.searchParams.set('stream', 'user');
      url.searchParams.set('access_token', person.token);
      return url.toString();
    }),
  );
  const latencies: number[] = [];
  let missed = 0;
  try {
    let current: Waiting | null = null;
    sockets.forEach((socket: WebSocket, i) => {
      socket.on('message', (data: Buffer) => {
        const at = performance.now();
        if (!current?.waiting.has(i) || !data.includes(current.marker)) return;
        current.waiting.delete(i);
        latencies.push(at - current.sent);
        if (current.waiting.size === 0) current.done();
      });
    });
    for (let m = 0; m < options.messages; m++) {
      const chat = chats[m % chats.length] as (typeof chats)[number];
      const sender = chat.people[Math.floor(Math.random() * chat.people.length)] as Person;
      const marker = `chatmark${String(m).padStart(5, '0')}x${process.pid}`;
      const recipients = chat.people
        .filter((p) => p !== sender)
        .map((p) => index.get(p.id) as number);
      const arrived = new Promise<void>((resolve) => {
        current = {
          marker: Buffer.from(marker),
          sent: performance.now(),
          waiting: new Set(recipients),
          done: resolve,
        };
      });
      await send(base, sender, chat.id, `Build ${m} is **green**, notes: ${marker}`);
      await Promise.race([arrived, sleep(WAIT_MS)]);
      missed += (current as Waiting | null)?.waiting.size ?? 0;
      await sleep(20);
    }
  } finally {
    await closeAll(sockets);
  }
  latencies.sort((a, b) => a - b);

  // One busy person: up to 200 one-to-one conversations, each with two unread messages.
  const busy = everyone[0] as Person;
  const partners = everyone.slice(1, 201);
  const busyChats: string[] = [];
  for (let i = 0; i < partners.length; i += 20) {
    const batch = partners.slice(i, i + 20);
    busyChats.push(
      ...(await Promise.all(batch.map((partner) => startChat(base, partner, [busy])))),
    );
  }
  await Promise.all(
    busyChats.map(async (chatId, i) => {
      const partner = partners[i] as Person;
      await send(base, partner, chatId, `Could you review the quarterly budget draft ${i}?`);
      await send(base, partner, chatId, 'No rush, **Friday** is fine.');
    }),
  );
  const n = busyChats.length;
  const pick = () => busyChats[Math.floor(Math.random() * busyChats.length)] as string;
  const scenarios: Scenario[] = [
    {
      name: `GET /api/rapport/v1/chats/unread_count (a person in ${n} chats; 2 connections)`,
      connections: 2,
      request: () => ({ path: '/api/rapport/v1/chats/unread_count', token: busy.token }),
      target: { p99: 5 },
    },
    {
      name: `GET /api/rapport/v1/chats (first page of a person in ${n} chats)`,
      request: () => ({ path: '/api/rapport/v1/chats', token: busy.token }),
    },
    {
      name: 'GET /api/rapport/v1/chats/:id/messages',
      request: () => ({ path: `/api/rapport/v1/chats/${pick()}/messages`, token: busy.token }),
    },
    {
      name: `GET /api/rapport/v1/chats/search?q= (${n} chats, ${n} matches)`,
      request: () => ({ path: '/api/rapport/v1/chats/search?q=budget', token: busy.token }),
    },
  ];
  return {
    clients: sockets.length,
    conversations: chats.length,
    messages: options.messages,
    delivery: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      missed,
      samples: latencies.length,
    },
    scenarios,
  };
}

export function printChatTable(result: ChatBench) {
  const d = result.delivery;
  const clients = result.clients.toLocaleString('en');
  console.log(
    `\n| chats: ${clients} clients on user, ${result.conversations} conversations, ${result.messages} messages | p50 ms | p95 ms | p99 ms | missed | target |`,
  );
  console.log('|---|---|---|---|---|---|');
  const met = d.p99 <= 100 && d.missed === 0;
  const verdict = result.clients >= 1000 ? (met ? 'met' : '**MISSED**') : 'not judged';
  console.log(
    `| Rapport: POST /api/rapport/v1/chats/:id/messages → chat.message received (${d.samples} deliveries) | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.p99)} | ${d.missed} | ${verdict} (p99 ≤ 100 ms at 1,000 clients) |`,
  );
}
