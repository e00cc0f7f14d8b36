// Turns an export's text chunks into a byte stream that pulls one chunk at a time, so memory follows the reader.
import { createYielder } from './yielder.ts';

export interface StreamLimits {
  /** Stop with an error past this many bytes (EXPORT_MAX_BYTES): the client sees a cut download, never a short one passed off as whole. */
  maxBytes?: number;
  /** Stop with an error when this aborts: the export's deadline (EXPORT_TIMEOUT_MS) or the client gone. */
  signal?: AbortSignal;
  /** Called once when the stream ends, however: releases what the export held (its deadline timer, a limit's slot). */
  onEnd?: () => void;
}

export function toByteStream(chunks: AsyncIterable<string>, limits: StreamLimits = {}): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const pause = createYielder();
  let bytes = 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    limits.onEnd?.();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // The socket may take chunk after chunk without ever waiting; a turn lets other requests in meanwhile.
        await pause();
        limits.signal?.throwIfAborted();
        const { value, done } = await iterator.next();
        if (done) {
          end();
          controller.close();
          return;
        }
        const encoded = encoder.encode(value);
        bytes += encoded.byteLength;
        if (limits.maxBytes !== undefined && bytes > limits.maxBytes)
          throw new RangeError(`the export passed ${limits.maxBytes} bytes (EXPORT_MAX_BYTES) and was cut`);
        controller.enqueue(encoded);
      } catch (error) {
        end();
        await iterator.return?.();
        controller.error(error);
      }
    },
    // A client that goes away stops the export, which closes the store's cursor (a Neo4j session) behind it.
    async cancel() {
      end();
      await iterator.return?.();
    },
  });
}
