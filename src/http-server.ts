// The Node HTTP server around the app: request bodies capped at MAX_BODY_BYTES each and MAX_BODY_BYTES_IN_FLIGHT
// together before the app reads them, slow senders cut off, and connections capped.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { App } from './app.ts';
import { BodyBudget, type BodyHold } from './body-budget.ts';
import type { Config } from './config.ts';

export type HttpServerConfig = Pick<
  Config,
  | 'MAX_BODY_BYTES'
  | 'MAX_BODY_BYTES_IN_FLIGHT'
  | 'HTTP_HEADERS_TIMEOUT_MS'
  | 'HTTP_REQUEST_TIMEOUT_MS'
  | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'
  | 'MAX_CONNECTIONS'
>;

/**
 * Of a body refused as too large, at most this much more is read, then the connection is cut. Reading a little lets a
 * client whose body is a few MB over the cap finish sending and read the 413 (cut at once, fetch saw ECONNRESET
 * instead); reading it all did not end: one connection declaring 100 GB pushed 32.4 GB in 31 s (issue 24, finding 9).
 */
const DRAIN_AT_MOST = 8 * 1024 * 1024;

/**
 * How long a cut connection stays half-closed before it is destroyed. Destroyed as soon as the answer was out, with the
 * client's bytes unread, the kernel answered them with a reset that could overtake the answer: the client saw
 * ECONNRESET and no 413 (a CI run, 1 in about 5). Half-closed, the client reads the answer and its end; what it still
 * sends waits unread in the socket's buffers, so the wait costs no work, and the timer ends it either way.
 */
const CUT_LINGER_MS = 1000;

/** Send the answer's end, read nothing more, and destroy the connection once the client closed or after CUT_LINGER_MS. */
function cutAfterAnswer(socket: Socket): void {
  socket.end();
  const timer = setTimeout(() => socket.destroy(), CUT_LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/** An error answer; `close` when the body was not read to its end, so the connection cannot be reused. */
function refuse(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  close = false,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...(close ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Refuses a request whose body will not be used. A body that ends within `readAtMost` more bytes (the cap plus
 * DRAIN_AT_MOST in all) is read to its end and thrown away, then answered on a connection that stays usable: answered before its end, with `connection:
 * close`, Node closed the socket as soon as the answer was out, and a client still sending its body saw EPIPE
 * instead of the answer. A longer one (or one declared longer) is answered at once with `connection: close` and cut.
 */
function refuseUnread(
  req: IncomingMessage,
  res: ServerResponse,
  answer: { status: number; code: string; message: string; headers?: Record<string, string> },
  readAtMost: number,
): void {
  // Held now: by the time the answer is out, the request may have let go of its socket.
  const { socket } = req;
  const answerNow = (close: boolean) => refuse(res, answer.status, answer.code, answer.message, close, answer.headers);
  const cut = () => {
    req.removeAllListeners('data');
    req.removeAllListeners('end');
    // Out of flowing mode: the parser stops reading the socket once the request's buffer is full.
    req.pause();
    res.once('finish', () => cutAfterAnswer(socket));
    answerNow(true);
  };
  if (Number(req.headers['content-length'] ?? 0) > readAtMost) return cut();
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > readAtMost) cut();
  });
  req.once('end', () => answerNow(false));
}

const tooLarge = (message: string) => ({ status: 413, code: 'PAYLOAD_TOO_LARGE', message });

/** Answers 503 BUSY with Retry-After to a body the shared budget (MAX_BODY_BYTES_IN_FLIGHT) cannot hold now. */
function refuseBusy(req: IncomingMessage, res: ServerResponse, readAtMost: number): void {
  refuseUnread(
    req,
    res,
    {
      status: 503,
      code: 'BUSY',
      message:
        'The server holds as many request bodies as MAX_BODY_BYTES_IN_FLIGHT allows, and this one does not fit now: send it again shortly.',
      headers: { 'retry-after': '1' },
    },
    readAtMost,
  );
}

/**
 * Reads a chunked body whole, or refuses it once it passes `limit` or the shared budget; undefined when refused. Read
 * by events, not `for await`: leaving that loop early destroys the request, and with it the socket, before the answer.
 */
function readChunked(req: IncomingMessage, res: ServerResponse, limit: number, hold: BodyHold): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', reject);
    };
    const refuseWith = (refusal: () => void) => {
      stop();
      refusal();
      resolve(undefined);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit)
        refuseWith(() =>
          refuseUnread(
            req,
            res,
            tooLarge(`The request body is over the limit of ${limit} bytes (MAX_BODY_BYTES).`),
            DRAIN_AT_MOST,
          ),
        );
      else if (!hold.grow(size)) refuseWith(() => refuseBusy(req, res, DRAIN_AT_MOST));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

/** A chunked body has no length up front: read it, stopping at the limit, and hand the app a complete request. */
async function forwardChunked(app: App, req: IncomingMessage, res: ServerResponse, limit: number, hold: BodyHold): Promise<void> {
  const body = await readChunked(req, res, limit, hold);
  if (body === undefined) return;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && name !== 'transfer-encoding') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  // With the server context yoga's Node adapter passes ({ req, res }), so that plugins see the same client on both
  // paths: without it every chunked request was keyed `address:local` by the rate limit, one bucket for all (issue
  // 24, finding 5), and a client got a second bucket by sending its body chunked.
  const response = await app.fetch(
    `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
    { method: req.method ?? 'POST', headers, body },
    { req, res },
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  // Written as it comes: an incremental answer (@defer, @stream) is sent part by part, not once the last is ready.
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) res.write(read.value);
  res.end();
}

/**
 * A streamed body that fails half-way (an export past EXPORT_TIMEOUT_MS or EXPORT_MAX_BYTES) is piped into the response
 * by the fetch adapter, and `pipe` leaves the source's 'error' unhandled: Node then ended the whole process. Cut that
 * one response instead: the socket is closed before the chunked body's end, so the client sees a download cut short.
 */
function cutOnBodyError(this: ServerResponse, source: Readable) {
  source.once('error', () => this.destroy());
}

/**
 * Node's defaults let a client hold a socket 60 s sending headers and 300 s sending a body, and checked only every
 * 30 s, so a slow sender kept one 85 s or more; and they set no cap on connections. A connection over
 * MAX_CONNECTIONS is closed as soon as it is accepted. The timeouts cover receiving the request only: a long download
 * is bounded by EXPORT_TIMEOUT_MS instead.
 */
export function createHttpServer(app: App, config: HttpServerConfig): Server {
  const maxBodyBytes = config.MAX_BODY_BYTES;
  const budget = new BodyBudget(config.MAX_BODY_BYTES_IN_FLIGHT);
  /** What a refused body with a declared length may send before it is cut: the cap, and DRAIN_AT_MOST past it. */
  const readAtMost = maxBodyBytes + DRAIN_AT_MOST;
  const server = createServer(
    {
      headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      // How often Node looks for requests past those timeouts: a tenth of the headers timeout, at most 1 s.
      connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(config.HTTP_HEADERS_TIMEOUT_MS / 10))),
    },
    handle,
  );
  server.maxConnections = config.MAX_CONNECTIONS;
  return server;

  function handle(req: IncomingMessage, res: ServerResponse) {
    res.on('pipe', cutOnBodyError);
    const declared = req.headers['content-length'];
    const chunked = declared === undefined && req.headers['transfer-encoding'] !== undefined;
    const length = declared === undefined ? 0 : Number(declared);
    if (length > maxBodyBytes) {
      refuseUnread(
        req,
        res,
        tooLarge(`The request body is ${length} bytes, over the limit of ${maxBodyBytes} (MAX_BODY_BYTES).`),
        readAtMost,
      );
      return;
    }
    const hold = budget.hold();
    // 'close' comes once per exchange, answered or cut, so what a body took cannot outlive its request.
    res.once('close', hold.release);
    if (!hold.grow(length)) return refuseBusy(req, res, readAtMost);
    if (chunked) {
      forwardChunked(app, req, res, maxBodyBytes, hold).catch(() => {
        // Failed after the answer began (a download cut short): end this exchange rather than leave it open.
        if (res.headersSent) res.destroy();
        else refuse(res, 400, 'BAD_REQUEST', 'The request body could not be read.');
      });
      return;
    }
    void app(req, res);
  }
}
