// Per-client limits: requests per second (a token bucket) and requests in flight, exports counted like queries and
// capped on their own too; over a limit the answer is 429 with Retry-After.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { EXPORT_PATH } from '../export/http.ts';
import type { RequestScope } from '../request-scope.ts';
import { errorResponse } from './error-response.ts';

/** Probes and the metrics scraper are never limited: an orchestrator must always reach them. */
const EXEMPT = new Set(['/health', '/ready', '/metrics']);

interface Client {
  tokens: number;
  refilledAt: number;
  inFlight: number;
  exports: number;
}

/** Past this many tracked clients, idle ones (nothing in flight, bucket full again) are forgotten. */
const SWEEP_AT = 10_000;

export type LimitConfig = Pick<
  Config,
  'RATE_LIMIT_PER_SECOND' | 'RATE_LIMIT_BURST' | 'MAX_CONCURRENT_PER_CLIENT' | 'MAX_EXPORTS_PER_CLIENT'
>;

export function useClientLimits(
  config: LimitConfig,
  scope: RequestScope,
): Plugin<object, { req?: IncomingMessage; res?: ServerResponse }> {
  const clients = new Map<string, Client>();
  const rate = config.RATE_LIMIT_PER_SECOND;
  const burst = Math.max(config.RATE_LIMIT_BURST, 1);
  const released = new WeakSet<Request>();

  const refill = (client: Client, now: number) => {
    if (rate > 0) client.tokens = Math.min(burst, client.tokens + ((now - client.refilledAt) / 1000) * rate);
    client.refilledAt = now;
  };
  const sweep = (now: number) => {
    for (const [key, client] of clients) {
      refill(client, now);
      if (client.inFlight === 0 && client.tokens >= burst) clients.delete(key);
    }
  };

  /** A valid token is the client (many users behind one address stay apart); otherwise its address. */
  async function keyOf(request: Request, req: IncomingMessage | undefined): Promise<string> {
    if (request.headers.has('authorization')) {
      const { viewer } = await scope.authOf(request);
      if (viewer) return `${viewer.via}:${viewer.subject}`;
    }
    return `address:${req?.socket.remoteAddress ?? 'local'}`;
  }

  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (EXEMPT.has(url.pathname)) return;
      const isExport = url.pathname.startsWith(EXPORT_PATH);
      const refuse = (message: string, limit: string, retryAfter: number) =>
        endResponse(
          errorResponse(fetchAPI, 429, message, { code: 'RATE_LIMITED', limit }, { 'retry-after': String(retryAfter) }),
        );
      return keyOf(request, serverContext.req).then((key) => {
        const now = Date.now();
        if (clients.size > SWEEP_AT) sweep(now);
        let client = clients.get(key);
        if (!client) {
          client = { tokens: burst, refilledAt: now, inFlight: 0, exports: 0 };
          clients.set(key, client);
        }
        if (rate > 0) {
          refill(client, now);
          if (client.tokens < 1)
            return refuse(
              `Too many requests: over ${rate} per second (RATE_LIMIT_PER_SECOND, bursts of ${burst}); slow down.`,
              'RATE_LIMIT_PER_SECOND',
              Math.ceil((1 - client.tokens) / rate),
            );
          client.tokens -= 1;
        }
        if (client.inFlight >= config.MAX_CONCURRENT_PER_CLIENT)
          return refuse(
            `Too many requests at once: ${client.inFlight} in flight, the limit is ${config.MAX_CONCURRENT_PER_CLIENT} (MAX_CONCURRENT_PER_CLIENT).`,
            'MAX_CONCURRENT_PER_CLIENT',
            1,
          );
        if (isExport && client.exports >= config.MAX_EXPORTS_PER_CLIENT)
          return refuse(
            `Too many exports at once: the limit is ${config.MAX_EXPORTS_PER_CLIENT} per client (MAX_EXPORTS_PER_CLIENT); wait for one to finish.`,
            'MAX_EXPORTS_PER_CLIENT',
            5,
          );
        const held = client;
        held.inFlight++;
        if (isExport) held.exports++;
        const release = () => {
          if (released.has(request)) return;
          released.add(request);
          held.inFlight--;
          if (isExport) held.exports--;
        };
        // Over HTTP, a request is over when its socket is done with it, a streamed export included; in-process
        // (app.fetch in tests) when the response is ready.
        if (serverContext.res) serverContext.res.once('close', release);
        else pending.set(request, release);
      });
    },
    onResponse({ request }) {
      pending.get(request)?.();
      pending.delete(request);
    },
  };
}

const pending = new WeakMap<Request, () => void>();
