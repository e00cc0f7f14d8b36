// GET /export/{projection}.{format}: a yoga plugin answering graph downloads before GraphQL sees the request.
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { DeadlineExceededError, StoreUnavailableError } from '../graph/store.ts';
import { ownedDeadline } from '../plugins/deadline.ts';
import { errorResponse } from '../plugins/error-response.ts';
import type { RequestScope } from '../request-scope.ts';
import { prepareExport } from './export.ts';
import type { HeldGraph } from './metrics.ts';
import { estimateMetricsMs } from './metrics-cost.ts';
import { MetricsOutOfMemoryError, type MetricsPool, MetricsPoolBusyError } from './metrics-pool.ts';
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
  /** Who is calling and the store for the request: the same as GraphQL's, so exports get its deadline and metrics. */
  scope: RequestScope;
  /** MAX_HOPS bounds `hops` as it bounds shortestPath's `maxHops`; REQUIRE_AUTH_FOR_READS applies as to queries. */
  config: Config;
  /** Where metrics run: worker threads, never the event loop. */
  pool: MetricsPool;
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

/** Metrics that could not finish within the request's deadline: refused before any is started. */
export class MetricsTooCostlyError extends Error {
  override name = 'MetricsTooCostlyError';
}

/** The CLI command that computes the same file without the server's limits. */
function cliFor(options: ExportOptions): string {
  const flags = [`--projection ${options.projection}`, `--format ${options.format}`, `--metrics ${options.metrics.join(',')}`];
  if (options.person !== undefined) flags.push(`--person ${options.person} --hops ${options.hops}`);
  return `npm run export -- ${flags.join(' ')}`;
}

/** Refuses metrics whose estimate does not fit in what is left of the request's deadline. */
function costCheck(options: ExportOptions, config: Config, deadlineAt: number) {
  return ({ input }: HeldGraph) => {
    const estimate = estimateMetricsMs(input.order, input.sources.length, input.metrics, config.EXPORT_EDGE_VISITS_PER_MS);
    const left = deadlineAt - Date.now();
    if (estimate <= left) return;
    throw new MetricsTooCostlyError(
      `metrics: ${input.metrics.join(',')} on ${input.order} nodes and ${input.sources.length} edges would take about ` +
        `${Math.ceil(estimate / 1000)} s, over the request deadline of ${config.REQUEST_TIMEOUT_MS} ms (REQUEST_TIMEOUT_MS). ` +
        `Narrow the export (person and hops, roles, yearFrom/yearTo), or compute it outside the server: ` +
        `\`${cliFor(options)}\`, or with Neo4j's Graph Data Science library on the same data.`,
    );
  };
}

export function useExportRoutes({ scope, config, pool }: ExportRoutesOptions): Plugin {
  return {
    // Not async itself: every GraphQL request passes through here, and an async hook would cost each a promise.
    onRequest(payload) {
      if (payload.url.pathname.startsWith(EXPORT_PATH)) return answer(payload);
    },
  };

  async function answer({ request, url, endResponse, fetchAPI }: Parameters<NonNullable<Plugin['onRequest']>>[0]) {
    const fail = (status: number, message: string, extensions: Record<string, string | number>, headers = {}) =>
      endResponse(errorResponse(fetchAPI, status, message, extensions, headers));
    if (request.method !== 'GET') {
      endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET' } }));
      return;
    }
    // An export is a read of everything at once: it is guarded exactly as a query is.
    const auth = await scope.authOf(request);
    if (config.REQUIRE_AUTH_FOR_READS && auth.viewer === null) {
      const why = auth.refused ?? 'this needs an Authorization: Bearer <token> header';
      fail(401, `Not authenticated: ${why}.`, { code: 'UNAUTHENTICATED' }, { 'www-authenticate': 'Bearer' });
      return;
    }
    // Streaming is bounded by EXPORT_TIMEOUT_MS; the metrics, computed before the first byte, by the request deadline.
    const deadline = ownedDeadline(config.EXPORT_TIMEOUT_MS, request.signal);
    const metricsDeadline = ownedDeadline(config.REQUEST_TIMEOUT_MS, deadline.signal);
    try {
      const options = exportOptionsFromUrl(url, config.MAX_HOPS);
      const prepared = await prepareExport(scope.storeFor(request, deadline), options, {
        compute: (input) => pool.run(input, metricsDeadline.signal),
        check: costCheck(options, config, metricsDeadline.at),
        signal: metricsDeadline.signal,
      });
      metricsDeadline.dispose();
      endResponse(
        new fetchAPI.Response(
          toByteStream(prepared.chunks(), {
            maxBytes: config.EXPORT_MAX_BYTES,
            signal: deadline.signal,
            onEnd: () => deadline.dispose(),
          }),
          {
            status: 200,
            headers: {
              'content-type': prepared.contentType,
              'content-disposition': `attachment; filename="${prepared.filename}"`,
              // The graph changes with every import; a stale download would be silently wrong.
              'cache-control': 'no-store',
            },
          },
        ),
      );
    } catch (error) {
      metricsDeadline.dispose();
      deadline.dispose();
      if (error instanceof ExportRequestError) {
        const code = error.status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT';
        fail(error.status, error.message, { code, argument: error.parameter });
      } else if (error instanceof MetricsTooCostlyError)
        fail(422, error.message, { code: 'EXPORT_TOO_COSTLY', limit: 'REQUEST_TIMEOUT_MS', argument: 'metrics' });
      else if (error instanceof MetricsPoolBusyError)
        fail(
          503,
          `Every export worker is busy (EXPORT_WORKERS=${config.EXPORT_WORKERS}); try again shortly.`,
          { code: 'SERVICE_BUSY' },
          { 'retry-after': '10' },
        );
      else if (error instanceof MetricsOutOfMemoryError)
        fail(507, `metrics: ${error.message} (EXPORT_WORKER_MEMORY_MB); compute them with \`npm run export\`.`, {
          code: 'EXPORT_TOO_LARGE',
          argument: 'metrics',
        });
      else if (error instanceof DeadlineExceededError || (error as Error)?.name === 'TimeoutError')
        fail(
          504,
          `The export ran past its deadline and was stopped (REQUEST_TIMEOUT_MS=${config.REQUEST_TIMEOUT_MS} for metrics, EXPORT_TIMEOUT_MS=${config.EXPORT_TIMEOUT_MS} in all).`,
          { code: 'TIMEOUT' },
        );
      else if (error instanceof StoreUnavailableError)
        fail(
          503,
          'The graph store is unavailable right now; try again shortly.',
          { code: 'SERVICE_UNAVAILABLE' },
          { 'retry-after': '5' },
        );
      else if (request.signal.aborted) fail(499, 'The client went away.', { code: 'CLIENT_CLOSED' });
      else throw error;
    }
  }
}
