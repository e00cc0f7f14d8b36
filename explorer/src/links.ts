// Where a selection leads outside the page: its query in GraphiQL, its network as an export download.
import { inlineVariables } from './api.ts';

/** yoga's GraphiQL reads `?query=` from its URL into the editor (checked in a real browser). */
export function graphiqlUrl(query: string, variables: Record<string, unknown>): string {
  return `/graphql?query=${encodeURIComponent(inlineVariables(query, variables))}`;
}

export function exportUrl(personSlug: string, hops = 1): string {
  return `/export/collaboration.graphml?${new URLSearchParams({ person: personSlug, hops: String(hops) })}`;
}
