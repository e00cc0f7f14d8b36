// GET /metrics for Prometheus: the HTTP histogram with labels drawn only from values the server knows, so the number of
// series stays bounded whatever clients send, and the endpoint behind METRICS_TOKEN when one is set.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';

export const METRICS_ENDPOINT = '/metrics';

/**
 * Operation names reported as themselves: the explorer's (explorer/src/api.ts) and GraphiQL's examples
 * (src/graphiql-examples.ts), kept in step by a test, plus METRICS_OPERATIONS. Any other name is "other": the name is
 * the client's choice, and each distinct one would otherwise be a series of its own for as long as the process runs.
 */
export const KNOWN_OPERATIONS = [
  'Search',
  'Collaborators',
  'WorkCounts',
  'WorkNodes',
  'Person',
  'Work',
  'ShortestPath',
  'Document',
  'PeoplePage',
  'WorksPage',
  'ArtistsWithBoth',
  'ShortestChain',
  'Credits',
  'DeferredCollaborators',
  'AwardsAndConflicts',
] as const;

const METHODS = new Set(['GET', 'POST', 'OPTIONS', 'HEAD']);

/** A label value from a fixed set: the name itself when known, "Anonymous" without one, else "other". */
export function operationLabel(name: string | undefined, known: ReadonlySet<string>): string {
  if (!name) return 'Anonymous';
  return known.has(name) ? name : 'other';
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** 401 on /metrics without `Authorization: Bearer <METRICS_TOKEN>`; placed before the endpoint's own plugin. */
function useMetricsToken(token: string): Plugin {
  const expected = digest(`Bearer ${token}`);
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_ENDPOINT) return;
      if (timingSafeEqual(digest(request.headers.get('authorization') ?? ''), expected)) return;
      endResponse(
        new fetchAPI.Response('metrics need Authorization: Bearer <METRICS_TOKEN>\n', {
          status: 401,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' },
        }),
      );
    },
  };
}

export function useMetrics(registry: Registry, config: Config): Plugin[] {
  const known = new Set<string>([...KNOWN_OPERATIONS, ...config.METRICS_OPERATIONS]);
  return [
    ...(config.METRICS_TOKEN ? [useMetricsToken(config.METRICS_TOKEN)] : []),
    usePrometheus({
      endpoint: METRICS_ENDPOINT,
      registry,
      // Only the HTTP histogram. The plugin turns every metric on by default and each costs on every request: 40 µs
      // with five histograms on a small query whose whole hello-world request takes 130 µs (measured). Time in the
      // store is in liner_store_call_duration_seconds, errors by code in liner_graphql_errors_total.
      metrics: {
        graphql_yoga_http_duration: createHistogram({
          registry,
          histogram: {
            name: 'graphql_yoga_http_duration',
            help: 'Time spent on HTTP connection',
            // No URL: each distinct GET query string would be a series of its own.
            labelNames: ['operationName', 'operationType', 'method', 'statusCode'],
          },
          fillLabelsFn: (params, { request, response }) => ({
            operationName: operationLabel(params.operationName, known),
            operationType: params.operationType ?? 'unknown',
            method: METHODS.has(request.method) ? request.method : 'other',
            statusCode: response.status,
          }),
        }),
        graphql_envelop_error_result: false,
        graphql_envelop_request_duration: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_deprecated_field: false,
        graphql_envelop_request: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_schema_change: false,
      },
    }),
  ];
}
