// MAX_QUERY_BYTES: a query document longer than this is refused before it is parsed, cached or even looked up.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';

/** UTF-8 bytes of `text`, counted only when its length leaves the answer in doubt (a character is 1 to 3 bytes). */
function overBytes(text: string, limit: number): number | null {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : null;
}

/**
 * Every query limit (tokens, depth, aliases) counts what the parser finds, and a comment or whitespace is not found:
 * a 3-token query padded with 4 MB of `#` passed them all, and yoga cached its text (issue 24, finding 1). This bounds
 * the text itself, before APQ, the parser and its cache see it.
 */
export function useQuerySizeLimit(config: Pick<Config, 'MAX_QUERY_BYTES'>): Plugin {
  const limit = config.MAX_QUERY_BYTES;
  return {
    onParams({ params }) {
      if (typeof params.query !== 'string') return;
      const bytes = overBytes(params.query, limit);
      if (bytes === null) return;
      throw new GraphQLError(
        `The query document is ${bytes} bytes, over the limit of ${limit} (MAX_QUERY_BYTES); send a shorter document (comments and whitespace count).`,
        { extensions: { code: 'QUERY_TOO_LARGE', limit: 'MAX_QUERY_BYTES', max: limit, http: { status: 413 } } },
      );
    },
  };
}
