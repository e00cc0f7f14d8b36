// Structured request logs (pino) with a request id and operation name, and store metrics for /metrics.
import { randomUUID } from 'node:crypto';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { HOPS } from '../graph/hops.ts';
import type { GraphStore } from '../graph/store.ts';

const requestIds = new WeakMap<Request, string>();

/** The request's id: the caller's X-Request-Id when it is a sane token, else a fresh UUID. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const offered = request.headers.get('x-request-id');
    id = offered && /^[\w.:-]{1,128}$/.test(offered) ? offered : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/**
 * One log line per GraphQL operation, errors counted by code (liner_graphql_errors_total), and the request id echoed
 * on every response. One hook does all three: each plugin hook costs every request something.
 */
/** The codes of a result's errors, those of its incremental parts included (a later payload of @defer/@stream). */
function errorCodes(result: {
  errors?: readonly { extensions?: { code?: unknown } }[];
  incremental?: readonly { errors?: readonly { extensions?: { code?: unknown } }[] }[];
}): string[] {
  const errors = [...(result.errors ?? []), ...(result.incremental ?? []).flatMap((part) => part.errors ?? [])];
  return errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
}

export function useRequestLog(logger: Logger, registry: Registry): Plugin {
  const errorsByCode = new Counter({
    name: 'liner_graphql_errors_total',
    help: 'Errors in GraphQL results, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  return {
    onExecute({ args }) {
      const started = performance.now();
      const request = (args.contextValue as { request?: Request }).request;
      const operation = (args.document as DocumentNode).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      );
      const operationName = args.operationName ?? operation?.name?.value ?? null;
      return {
        onExecuteDone({ result }) {
          const codes: string[] = [];
          const done = () => {
            for (const code of codes) errorsByCode.inc({ code });
            logger.info(
              {
                requestId: request ? requestIdOf(request) : undefined,
                operationName,
                ms: Math.round((performance.now() - started) * 10) / 10,
                errors: codes.length > 0 ? codes : undefined,
              },
              'graphql operation',
            );
          };
          if (!(Symbol.asyncIterator in result)) {
            codes.push(...errorCodes(result));
            return done();
          }
          // An incremental answer (@defer, @stream): its errors may come in any payload; logged once it has ended.
          return {
            onNext: ({ result: payload }) => void codes.push(...errorCodes(payload)),
            onEnd: done,
          };
        },
      };
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}

export interface StoreMetrics {
  calls: Counter<'method' | 'outcome'>;
  seconds: Histogram<'method'>;
}

export function createStoreMetrics(registry: Registry, kind: string): StoreMetrics {
  return {
    calls: new Counter({
      name: 'liner_store_calls_total',
      help: `GraphStore port calls (${kind} store), by method and outcome`,
      labelNames: ['method', 'outcome'],
      registers: [registry],
    }),
    seconds: new Histogram({
      name: 'liner_store_call_duration_seconds',
      help: 'GraphStore port call latency, by method',
      labelNames: ['method'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

/** Methods that change the data: the response cache's data version moves before and after each. */
const WRITES = new Set<PropertyKey>(['write', 'load', 'applyChange']);

/** A port call's metric label: the method, and for `hops` which hop (the table's names only, a closed set). */
function methodLabel(property: PropertyKey, args: unknown[]): string {
  const hop = args[0];
  return property === 'hops' && typeof hop === 'string' && Object.hasOwn(HOPS, hop) ? `hops:${hop}` : String(property);
}

/** The store with every port call counted and timed, and `changed` called around every write. */
export function instrumentStore(store: GraphStore, metrics: StoreMetrics, changed?: () => void): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'withDeadline') return value;
      const writes = changed !== undefined && WRITES.has(property);
      return (...args: unknown[]) => {
        const method = methodLabel(property, args);
        // Before: no answer computed from now on may be cached under the old version. After: none computed while the
        // write ran (which may or may not have seen it) is served once it has landed.
        if (writes) changed();
        const result = value.apply(target, args);
        if (writes)
          Promise.resolve(result)
            .finally(changed)
            .catch(() => {});
        if (!(result instanceof Promise)) return result;
        const end = metrics.seconds.startTimer({ method });
        return result.then(
          (v) => {
            end();
            metrics.calls.inc({ method, outcome: 'ok' });
            return v;
          },
          (error: unknown) => {
            end();
            metrics.calls.inc({ method, outcome: 'error' });
            throw error;
          },
        );
      };
    },
  });
}

/** The export metrics worker pool, read when /metrics is scraped. */
export function registerExportGauges(registry: Registry, pool: { tasks: number; threads: number }): void {
  new Gauge({
    name: 'liner_export_metrics_tasks',
    help: 'Export metrics computations running or waiting in the worker pool',
    registers: [registry],
    collect() {
      this.set(pool.tasks);
    },
  });
  new Gauge({
    name: 'liner_export_worker_threads',
    help: 'Live worker threads of the export metrics pool',
    registers: [registry],
    collect() {
      this.set(pool.threads);
    },
  });
}
