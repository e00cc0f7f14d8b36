// The Node HTTP server around the app: request bodies capped at MAX_BODY_BYTES before the app reads them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App } from './app.ts';

/** Past this, an oversized body is not even read to its end. */
const DRAIN_AT_MOST = 64 * 1024 * 1024;

/** An error answer; `close` when the body was not read to its end, so the connection cannot be reused. */
function refuse(res: ServerResponse, status: number, code: string, message: string, close = false): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** A chunked body has no length up front: read it, stopping at the limit, and hand the app a complete request. */
async function forwardChunked(app: App, req: IncomingMessage, res: ServerResponse, limit: number): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      refuse(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is over the limit of ${limit} bytes (MAX_BODY_BYTES).`, true);
      req.destroy();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && name !== 'transfer-encoding') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const response = await app.fetch(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method ?? 'POST',
    headers,
    body: Buffer.concat(chunks),
  });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export function createHttpServer(app: App, maxBodyBytes: number): Server {
  return createServer((req, res) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined) {
      const length = Number(declared);
      if (length > maxBodyBytes) {
        refuse(
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `The request body is ${length} bytes, over the limit of ${maxBodyBytes} (MAX_BODY_BYTES).`,
        );
        req.resume();
        return;
      }
      void app(req, res);
      return;
    }
    if (req.headers['transfer-encoding']) {
      forwardChunked(app, req, res, maxBodyBytes).catch(() => {
        if (!res.headersSent) refuse(res, 400, 'BAD_REQUEST', 'The request body could not be read.');
      });
      return;
    }
    void app(req, res);
  });
}
