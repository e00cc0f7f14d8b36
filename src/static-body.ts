// A page built once and kept compressed in memory: gzip and brotli made off the event loop on first use, an ETag,
// and the answer (200 in the best encoding the client accepts, or 304) for any request.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Brotli 9, not 11: on the 9 MB GraphiQL page 11 took 13 s of CPU for 8 % less than 9's 0.9 s (measured). */
const BROTLI_QUALITY = 9;

/** Bodies this small are sent as they are: compressing them saves less than the headers cost. */
const COMPRESS_FROM = 1024;

type Encoding = 'br' | 'gzip' | 'identity';

export interface StaticBody {
  readonly etag: string;
  readonly bytes: number;
  /** The answer to `request`; `headers` are sent with it (a 304 too), besides the encoding, length, ETag and Vary. */
  respond(request: Request, fetchAPI: { Response: typeof Response }, headers: Record<string, string>): Promise<Response>;
}

/** Whether the client's Accept-Encoding names `coding` with a weight above 0. */
function accepts(header: string, coding: string): boolean {
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim() !== coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

export function encodingFor(acceptEncoding: string | null): Encoding {
  if (acceptEncoding === null) return 'identity';
  if (accepts(acceptEncoding, 'br')) return 'br';
  if (accepts(acceptEncoding, 'gzip')) return 'gzip';
  return 'identity';
}

/** `compress: false` for bodies already compressed (images, fonts): sent as they are whatever the client accepts. */
export function staticBody(content: string | Uint8Array, { compress = true } = {}): StaticBody {
  const identity = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
  const compressible = compress && identity.length >= COMPRESS_FROM;
  // Made once, on the first request that asks for each: apps made and never asked (tests make hundreds) cost nothing.
  let gzipped: Promise<Buffer> | undefined;
  let brotlied: Promise<Buffer> | undefined;
  const encoded = (encoding: Encoding): Promise<Buffer> => {
    if (encoding === 'gzip') return (gzipped ??= gzipAsync(identity, { level: 9 }));
    if (encoding === 'br')
      return (brotlied ??= brotliAsync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }));
    return Promise.resolve(identity);
  };
  return {
    etag,
    bytes: identity.length,
    async respond(request, fetchAPI, headers) {
      const common = { ...headers, etag, vary: 'accept-encoding' };
      const ifNoneMatch = request.headers.get('if-none-match');
      if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
        return new fetchAPI.Response(null, { status: 304, headers: common });
      const encoding = compressible ? encodingFor(request.headers.get('accept-encoding')) : 'identity';
      const body = await encoded(encoding);
      return new fetchAPI.Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
        status: 200,
        headers: {
          ...common,
          ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
          'content-length': String(body.length),
        },
      });
    },
  };
}
