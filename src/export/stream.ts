// Turns an export's text chunks into a byte stream that pulls one chunk at a time, so memory follows the reader.
export function toByteStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    // A client that goes away stops the export, which closes the store's cursor (a Neo4j session) behind it.
    async cancel() {
      await iterator.return?.();
    },
  });
}
