// Where a selection leads outside the page: its query in GraphiQL, its network as an export download.
import { inlineVariables } from './api.ts';

/** yoga's GraphiQL reads `?query=` from its URL into the editor (checked in a real browser). */
export function graphiqlUrl(query: string, variables: Record<string, unknown>): string {
  return `/graphql?query=${encodeURIComponent(inlineVariables(query, variables))}`;
}

/**
 * The address if it is an http(s) one, else null: stored addresses come from datasets and writers, and a
 * `javascript:` or `data:` link would run in the reader's page. The server refuses them too; this is the second lock.
 */
export function webLink(address: string | null | undefined): string | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function exportUrl(personSlug: string, hops = 1): string {
  return `/export/collaboration.graphml?${new URLSearchParams({ person: personSlug, hops: String(hops) })}`;
}
