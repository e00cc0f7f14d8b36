// GET /export/{projection}.{format}: a yoga plugin answering graph downloads before GraphQL sees the request.
import type { Plugin } from 'graphql-yoga';
import { createAuthenticator } from '../auth.ts';
import type { Config } from '../config.ts';
import type { GraphStore } from '../graph/store.ts';
import { prepareExport } from './export.ts';
import {
  EXPORT_PARAMETERS,
  type ExportOptions,
  ExportRequestError,
  parseExportOptions,
  type RawExportOptions,
} from './options.ts';
import { toByteStream } from './stream.ts';

export const EXPORT_PATH = '/export/';

export interface ExportRoutesOptions {
  store: GraphStore;
  /** MAX_HOPS bounds `hops` as it bounds shortestPath's `maxHops`; REQUIRE_AUTH_FOR_READS applies as to queries. */
  config: Config;
}

function decodedName(url: URL): string {
  const name = url.pathname.slice(EXPORT_PATH.length);
  try {
    return decodeURIComponent(name);
  } catch {
    throw new ExportRequestError('projection', `"${name}" is not a valid path segment`);
  }
}

/** `/export/collaboration.gexf?metrics=pagerank` → checked options; a repeated parameter reads as one list. */
export function exportOptionsFromUrl(url: URL, maxHops: number): ExportOptions {
  const name = decodedName(url);
  const dot = name.indexOf('.');
  const raw: RawExportOptions = {
    projection: dot === -1 ? name : name.slice(0, dot),
    format: dot === -1 ? undefined : name.slice(dot + 1),
  };
  for (const parameter of new Set(url.searchParams.keys())) {
    if (!(EXPORT_PARAMETERS as readonly string[]).includes(parameter))
      throw new ExportRequestError(parameter, `unknown parameter; use ${EXPORT_PARAMETERS.join(', ')}`);
    raw[parameter as (typeof EXPORT_PARAMETERS)[number]] = url.searchParams.getAll(parameter).join(',');
  }
  return parseExportOptions(raw, maxHops);
}

/** The same error shape GraphQL answers with, so a client reads one kind of error from the whole server. */
function errorBody(message: string, extensions: Record<string, string>): string {
  return JSON.stringify({ errors: [{ message, extensions }] });
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

export function useExportRoutes({ store, config }: ExportRoutesOptions): Plugin {
  const authenticate = createAuthenticator(config);
  return {
    // Not async itself: every GraphQL request passes through here, and an async hook would cost each a promise.
    onRequest(payload) {
      if (payload.url.pathname.startsWith(EXPORT_PATH)) return answer(payload);
    },
  };

  async function answer({ request, url, endResponse, fetchAPI }: Parameters<NonNullable<Plugin['onRequest']>>[0]) {
    if (request.method !== 'GET') {
      endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET' } }));
      return;
    }
    // An export is a read of everything at once: it is guarded exactly as a query is.
    const auth = await authenticate(request);
    if (config.REQUIRE_AUTH_FOR_READS && auth.viewer === null) {
      const why = auth.refused ?? 'this needs an Authorization: Bearer <token> header';
      endResponse(
        new fetchAPI.Response(errorBody(`Not authenticated: ${why}.`, { code: 'UNAUTHENTICATED' }), {
          status: 401,
          headers: { ...JSON_TYPE, 'www-authenticate': 'Bearer' },
        }),
      );
      return;
    }
    try {
      const prepared = await prepareExport(store, exportOptionsFromUrl(url, config.MAX_HOPS));
      endResponse(
        new fetchAPI.Response(toByteStream(prepared.chunks()), {
          status: 200,
          headers: {
            'content-type': prepared.contentType,
            'content-disposition': `attachment; filename="${prepared.filename}"`,
            // The graph changes with every import; a stale download would be silently wrong.
            'cache-control': 'no-store',
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ExportRequestError)) throw error;
      const code = error.status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT';
      endResponse(
        new fetchAPI.Response(errorBody(error.message, { code, argument: error.parameter }), {
          status: error.status,
          headers: JSON_TYPE,
        }),
      );
    }
  }
}
