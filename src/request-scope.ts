// One place turns a request into what serves it, for GraphQL and the export routes alike: who is calling (checked
// once per request) and the store bound to the request's deadline, counted in the store metrics.
import { type Authentication, createAuthenticator } from './auth.ts';
import type { Config } from './config.ts';
import type { Deadline, GraphStore } from './graph/store.ts';
import { DuplicateFinder } from './identity/duplicate-finder.ts';
import { requestDeadline } from './plugins/deadline.ts';
import { instrumentStore, type StoreMetrics } from './plugins/observability.ts';

export interface RequestScope {
  /** The caller's credentials, verified once however many plugins ask (a JWT check costs a signature). */
  authOf(request: Request): Promise<Authentication>;
  /** The store for this request: stops at `deadline` (default: REQUEST_TIMEOUT_MS from now), every call measured. */
  storeFor(request: Request, deadline?: Deadline): GraphStore;
  /** Moves on every write through this server, on either store: part of every response cache key and ETag. */
  readonly dataVersion: () => number;
  /** possibleDuplicates' index and answers, shared by every request and kept fresh by every write through storeFor. */
  readonly duplicates: DuplicateFinder;
}

export function createRequestScope(store: GraphStore, config: Config, metrics: StoreMetrics): RequestScope {
  const authenticate = createAuthenticator(config);
  const checked = new WeakMap<Request, Promise<Authentication>>();
  let version = 0;
  const changed = () => {
    version++;
  };
  const duplicates = new DuplicateFinder(instrumentStore(store, metrics), {
    maxAgeMs: store.kind === 'neo4j' ? config.DUPLICATES_MAX_AGE_MS : null,
  });
  return {
    dataVersion: () => version,
    duplicates,
    authOf(request) {
      let auth = checked.get(request);
      if (auth === undefined) {
        auth = authenticate(request);
        checked.set(request, auth);
      }
      return auth;
    },
    storeFor(request, deadline = requestDeadline(request, config.REQUEST_TIMEOUT_MS)) {
      return duplicates.watch(instrumentStore(store.withDeadline(deadline), metrics, changed));
    },
  };
}
