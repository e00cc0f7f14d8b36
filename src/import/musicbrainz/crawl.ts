// Fetches an artist's neighbourhood from the MusicBrainz web service as its rules ask, caching every answer on disk.
//
// The rules (musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting): at most one request a second, a User-Agent naming
// the application and a contact, and backing off when the server answers 503. Every answer is kept in the cache, so a
// second run reads the cache and makes no request at all; answers that say "not found" are cached too.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeLimit, INPUT_LIMITS } from '../../input-limits.ts';
import { readBoundedAnswer } from '../read-bounded-answer.ts';
import { jsonProblem, MusicBrainzInputError } from './errors.ts';

export const DEFAULT_MUSICBRAINZ_URL = 'https://musicbrainz.org/ws/2';
const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Release groups per browse page: the web service's maximum. */
const PAGE = 100;

export interface CrawlOptions {
  /** Hops along artist–artist relationships from the first artist (0: that artist only). */
  depth: number;
  cacheDir: string;
  /** An email address or URL MusicBrainz can reach the operator at; it goes into the User-Agent. */
  contact: string | undefined;
  /** The web service's root; default https://musicbrainz.org/ws/2 (MUSICBRAINZ_URL). */
  baseUrl?: string | undefined;
  /** Least time between two requests' starts, in ms; default 1000, the web service's rule. */
  minIntervalMs?: number;
  /** Tries per request when the server answers 503 or cannot be reached; default 5. */
  attempts?: number;
  log?: (line: string) => void;
}

export interface CrawlResult {
  /** The cached answers, in the order they were asked for: the importer's input. */
  files: string[];
  requests: number;
  /** When each request started, in ms from the crawl's start (each a full interval after the previous answer ended). */
  requestStarts: number[];
  cached: number;
  notFound: string[];
  baseUrl: string;
  cacheDir: string;
  userAgent: string;
}

export function userAgent(contact: string): string {
  return `Liner/0.1.0 ( ${contact} )`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a cache file is there to be read: checked without reading it, as the answer may be any size. */
const readable = (file: string) =>
  access(file, constants.R_OK).then(
    () => true,
    () => false,
  );

/**
 * A cached answer, parsed. The cache is a folder anyone may have written to (`--cache DIR`), so an answer is read as
 * every other one is: at most INPUT_LIMITS.answerBytes, refused in one line naming the file past that.
 */
async function readCached(file: string): Promise<unknown> {
  const text = await readBoundedAnswer(file, (problem) => new MusicBrainzInputError(file, '(file)', problem));
  try {
    return JSON.parse(text);
  } catch (error) {
    const { where, problem } = jsonProblem(text, error);
    throw new MusicBrainzInputError(file, where, problem);
  }
}

/**
 * The answer's text, read up to INPUT_LIMITS.answerBytes (after any Content-Encoding is undone): a server sending
 * more is refused before the answer is cached, instead of being held whole and then refused on reading.
 */
async function boundedText(response: Response, url: string): Promise<string> {
  const limit = INPUT_LIMITS.answerBytes;
  const refuse = () =>
    new MusicBrainzInputError(url, '(answer)', `larger than an answer may be, ${describeLimit('answerBytes')}: refused`);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length).toString('utf8');
}

/** Seconds or an HTTP date, as Retry-After may say; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The web service client: one request at a time, spaced, retried, and cached by request. */
class Client {
  /** When the last answer had fully arrived: the next request starts a full interval later. */
  private lastEnd = Number.NEGATIVE_INFINITY;
  private readonly origin = performance.now();
  readonly starts: number[] = [];
  requests = 0;
  cached = 0;
  readonly notFound: string[] = [];
  private readonly base: string;
  private readonly options: CrawlOptions;
  readonly agent: string;
  constructor(base: string, agent: string, options: CrawlOptions) {
    this.base = base;
    this.agent = agent;
    this.options = options;
  }

  private cacheFile(request: string): string {
    // Readable names, with a hash so two requests that clean up alike never share a file.
    const readable = request.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 120);
    const hash = createHash('sha256').update(request).digest('hex').slice(0, 12);
    return join(this.options.cacheDir, `${readable}-${hash}.json`);
  }

  /** The answer's cache file, or undefined when MusicBrainz has no such entity (404). */
  async get(request: string): Promise<string | undefined> {
    const file = this.cacheFile(request);
    const missing = `${file}.not-found`;
    if (await readable(file)) {
      this.cached++;
      return file;
    }
    if (await readable(missing)) {
      this.cached++;
      this.notFound.push(request);
      return undefined;
    }
    const url = `${this.base}/${request}${request.includes('?') ? '&' : '?'}fmt=json`;
    const attempts = this.options.attempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      // Counted from the end of the previous answer, not its start: a first request slowed by connecting would
      // otherwise reach the server less than a second before the next. Looped: a timer may wake a hair early.
      const interval = this.options.minIntervalMs ?? 1000;
      for (let wait = this.lastEnd + interval - performance.now(); wait > 0; wait = this.lastEnd + interval - performance.now())
        await sleep(wait);
      this.starts.push(performance.now() - this.origin);
      this.requests++;
      let response: Response | undefined;
      let failure: string;
      let text: string | undefined;
      try {
        response = await fetch(url, { headers: { 'User-Agent': this.agent, Accept: 'application/json' } });
        failure = `HTTP ${response.status}`;
        if (response.ok) text = await boundedText(response, url);
      } catch (error) {
        // An answer past the limit is the server's to mend, not a failure to retry.
        if (error instanceof MusicBrainzInputError) throw error;
        failure = (error as Error).message;
      }
      this.lastEnd = performance.now();
      if (response?.ok && text !== undefined) {
        await mkdir(this.options.cacheDir, { recursive: true });
        // Whole or not at all: an interrupted run must not leave a truncated answer that a re-run would trust.
        await writeFile(`${file}.tmp`, text);
        await rename(`${file}.tmp`, file);
        return file;
      }
      if (response?.status === 404) {
        await response.body?.cancel();
        await mkdir(this.options.cacheDir, { recursive: true });
        await writeFile(missing, '');
        this.notFound.push(request);
        return undefined;
      }
      const retryable = response === undefined || response.status === 503 || response.status === 429 || response.status >= 500;
      await response?.body?.cancel();
      if (!retryable || attempt >= attempts)
        throw new MusicBrainzInputError(url, '(request)', `${failure} after ${attempt} attempt(s)`);
      // Exponential backoff from one second, or longer when the server says how long.
      const delay = Math.max(1000 * 2 ** (attempt - 1), retryAfterMs(response?.headers.get('retry-after') ?? null) ?? 0);
      this.options.log?.(
        `${request}: ${failure}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`,
      );
      await sleep(delay);
    }
  }
}

/**
 * For the artist and every artist within `depth` artist–artist relationships of it: the artist with its relationships
 * (artist-rels, url-rels), and its release groups with their artist credits, page by page.
 */
export async function crawlArtist(mbid: string, options: CrawlOptions): Promise<CrawlResult> {
  if (!MBID.test(mbid))
    throw new MusicBrainzInputError('--artist', mbid, 'not an MBID (36 characters: 8-4-4-4-12 lowercase hex)');
  if (!options.contact)
    throw new MusicBrainzInputError(
      '--contact',
      '(missing)',
      'MusicBrainz asks every client for a contact in its User-Agent: give --contact or MUSICBRAINZ_CONTACT (an email address or a URL)',
    );
  const base = (options.baseUrl || DEFAULT_MUSICBRAINZ_URL).replace(/\/+$/, '');
  const client = new Client(base, userAgent(options.contact), options);
  const files: string[] = [];
  const seen = new Set<string>([mbid]);
  let frontier = [mbid];
  for (let hop = 0; hop <= options.depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const artist of frontier) {
      const lookup = await client.get(`artist/${artist}?inc=artist-rels+url-rels`);
      if (!lookup) continue;
      files.push(lookup);
      options.log?.(`artist ${artist}: ${lookup}`);
      const answer = (await readCached(lookup)) as {
        relations?: { 'target-type'?: string; artist?: { id?: string } }[];
      };
      for (const r of answer.relations ?? []) {
        const id = r['target-type'] === 'artist' ? r.artist?.id : undefined;
        if (id && MBID.test(id) && !seen.has(id)) {
          seen.add(id);
          next.push(id);
        }
      }
      for (let offset = 0; ; offset += PAGE) {
        const page = await client.get(`release-group?artist=${artist}&inc=artist-credits&limit=${PAGE}&offset=${offset}`);
        if (!page) break;
        files.push(page);
        const browse = (await readCached(page)) as {
          'release-group-count'?: number;
          'release-groups'?: unknown[];
        };
        const count = browse['release-group-count'] ?? 0;
        if ((browse['release-groups']?.length ?? 0) === 0 || offset + PAGE >= count) break;
      }
    }
    frontier = next;
  }
  return {
    files,
    requests: client.requests,
    requestStarts: client.starts,
    cached: client.cached,
    notFound: client.notFound,
    baseUrl: base,
    cacheDir: options.cacheDir,
    userAgent: client.agent,
  };
}
