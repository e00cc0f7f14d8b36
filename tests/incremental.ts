// Reading incremental answers (@defer, @stream) off a real HTTP response, as a client does: multipart/mixed with
// meros, server-sent events with eventsource-parser; then the payloads merged back into one answer.
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { meros } from 'meros/browser';

/** One payload of an incremental answer: the initial one has `data`, later ones `incremental`; all say `hasNext`. */
export interface Payload {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  incremental?: {
    data?: Record<string, unknown>;
    items?: unknown[];
    path: (string | number)[];
    label?: string;
    errors?: { message: string }[];
  }[];
  hasNext?: boolean;
}

/** The payloads of a multipart/mixed answer, in the order they arrived. */
export async function multipartPayloads(response: Response): Promise<Payload[]> {
  const parts = await meros<Payload>(response);
  if (parts instanceof Response) throw new Error(`not multipart: ${response.headers.get('content-type')}`);
  const payloads: Payload[] = [];
  for await (const part of parts) {
    if (!part.json) throw new Error(`a part that is not JSON: ${String(part.body)}`);
    payloads.push(part.body);
  }
  return payloads;
}

/** The payloads of a text/event-stream answer (its `next` events), and whether it ended with `complete`. */
export async function ssePayloads(response: Response): Promise<{ payloads: Payload[]; completed: boolean }> {
  if (!response.body) throw new Error('no body');
  const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  const payloads: Payload[] = [];
  let completed = false;
  for (let read = await events.read(); !read.done; read = await events.read()) {
    const event = read.value;
    if (event.event === 'complete') completed = true;
    else if (event.event === 'next' || event.event === undefined) payloads.push(JSON.parse(event.data) as Payload);
  }
  return { payloads, completed };
}

/** Walks to the object or list at `path` in `root`. */
function at(root: Record<string, unknown>, path: (string | number)[]): unknown {
  let here: unknown = root;
  for (const key of path) here = (here as Record<string | number, unknown>)[key];
  return here;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing && value && typeof existing === 'object' && typeof value === 'object' && !Array.isArray(value))
      deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
}

/** The answer the payloads add up to: deferred fragments merged where their path says, streamed items appended. */
export function mergePayloads(payloads: Payload[]): Record<string, unknown> {
  const [first, ...rest] = payloads;
  const data = structuredClone(first?.data ?? {}) as Record<string, unknown>;
  for (const payload of rest)
    for (const part of payload.incremental ?? []) {
      if (part.items) {
        // A streamed item's path ends with its index in the list.
        const list = at(data, part.path.slice(0, -1)) as unknown[];
        list.splice(Number(part.path.at(-1)), part.items.length, ...part.items);
      } else if (part.data) deepMerge(at(data, part.path) as Record<string, unknown>, part.data);
    }
  return data;
}
