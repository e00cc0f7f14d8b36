// @defer and @stream (incremental delivery), from graphql-yoga's defer-stream plugin: a client gets the fast part of an
// answer first and the slow relationship fields (collaborators, commonCollaborators, shortestPath…) as they resolve.
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

type MaskError = (error: unknown, message: string, isDev?: boolean) => Error;

/** What a client must accept to be sent an incremental answer; named in the error when it accepts neither. */
export const INCREMENTAL_MEDIA_TYPES = ['multipart/mixed', 'text/event-stream'] as const;

/**
 * An operation with @defer or @stream from a client that accepts neither multipart/mixed nor text/event-stream.
 * Yoga would answer an empty 406; this says why and how to ask, and stops the stream so its deferred fields do not
 * keep running against the store for nobody.
 */
function useNotAcceptableExplained(): Plugin {
  return {
    onResultProcess({ result, resultProcessor, setResult, setResultProcessor }) {
      // Yoga's own processors ran first (they come before any plugin): none took this stream.
      if (resultProcessor || !(Symbol.asyncIterator in result)) return;
      void (result as AsyncGenerator).return?.(undefined);
      const body = {
        errors: [
          new GraphQLError(
            `This operation uses @defer or @stream, whose answer comes in parts: send "Accept: ${INCREMENTAL_MEDIA_TYPES.join('" or "Accept: ')}".`,
            { extensions: { code: 'NOT_ACCEPTABLE' } },
          ),
        ],
      };
      setResult(body);
      setResultProcessor(
        (_result, fetchAPI) =>
          new fetchAPI.Response(JSON.stringify(body), {
            status: 406,
            headers: { 'content-type': 'application/json; charset=utf-8', accept: INCREMENTAL_MEDIA_TYPES.join(', ') },
          }),
        'application/json',
      );
    },
  };
}

/**
 * Error masking (yoga's maskedErrors) reaches only a payload's top-level `errors`; a deferred fragment's or a streamed
 * item's errors travel inside `incremental[]`, and went out unmasked: an internal message (a Cypher error, a file path)
 * for any client that asked with @defer. They go through the same masker here.
 */
function useMaskedIncrementalErrors(maskError: MaskError): Plugin {
  const mask = (error: unknown) => maskError(error, 'Unexpected error.', false) as GraphQLError;
  return {
    onExecute() {
      return {
        onExecuteDone({ result }) {
          if (!(Symbol.asyncIterator in result)) return;
          return {
            onNext({ result: payload, setResult }) {
              const { incremental } = payload as { incremental?: { errors?: readonly unknown[] }[] };
              if (!incremental?.some((part) => part.errors?.length)) return;
              setResult({
                ...payload,
                incremental: incremental.map((part) => (part.errors ? { ...part, errors: part.errors.map(mask) } : part)),
              } as typeof payload);
            },
          };
        },
      };
    },
  };
}

/**
 * The plugin adds both directives to the schema the server runs (not to schema/schema.graphql, which describes the
 * types) and the validation rules that go with them (a label once per operation, no @defer on a root mutation field,
 * @stream on lists only). Yoga then answers an operation that uses them with a stream of payloads, as multipart/mixed
 * or as server-sent events (text/event-stream), whichever the client accepts; the first carries `data` and
 * `hasNext: true`, each later one `incremental: [{ data | items, path, label }]`, and the last `hasNext: false`.
 *
 * Such operations run on the default executor (src/plugins/compiled-execution.ts says why), stop at the request's
 * deadline like any other (src/plugins/deadline.ts keeps its timer until the last payload), are sent `no-store`
 * (src/plugins/cache-control.ts), are logged once their last payload is out with the errors of every payload
 * (src/plugins/observability.ts), have the errors of later payloads masked as the first's are, and count against the query limits as written: each directive is one of
 * MAX_DIRECTIVES, and complexity is that of the same selection without them.
 */
export function useIncrementalDelivery(maskError: MaskError): Plugin[] {
  return [useDeferStream(), useNotAcceptableExplained(), useMaskedIncrementalErrors(maskError)];
}
