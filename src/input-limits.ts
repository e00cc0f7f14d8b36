// The bounds on what an import reads from a file: every decompression, record and document stops at one of these.
//
// A dump is streamed, so its total size is not bounded, but nothing held at once is: a compressed file of a few
// hundred kilobytes can expand to gigabytes (one line, one record, one answer), and without a bound it ends the
// process with an out-of-memory abort instead of a refusal. Each limit is far above the largest real input seen
// (noted beside it) and is named in the refusal, so an operator knows which one was met.

const MiB = 1024 * 1024;

export const INPUT_LIMITS = {
  /**
   * One web-service answer (MusicBrainz or Discogs JSON), decompressed. The largest real ones, a MusicBrainz browse
   * page of 100 releases with recordings, are a few MB.
   */
  answerBytes: 64 * MiB,
  /** One line (one entity) of a MusicBrainz JSON dump. The largest release lines are some tens of MB. */
  dumpLineBytes: 128 * MiB,
  /**
   * One line (one entry) of a dataset file in JSON Lines. The largest real entries, a MusicBrainz artist with its
   * aliases and a source per release, are some hundreds of KB.
   */
  datasetLineBytes: 64 * MiB,
  /**
   * One record of a Discogs XML dump, in characters from its opening tag to its closing one; also the longest stretch
   * of a dump outside any record. The largest real records (compilations of thousands of tracks) are a few MB.
   */
  xmlRecordChars: 32 * MiB,
  /** Elements in one Discogs record: a release of 5,000 tracks with their credits is some 100k. */
  xmlRecordElements: 250_000,
  /** Elements nested in one Discogs record: real ones are 5 deep (release → tracklist → track → sub_tracks → track). */
  xmlRecordDepth: 64,
  /**
   * One dataset file (`npm run import FILE`, SEED_DATASET, `npm run export`, `npm run neo4j:import`), read as one
   * string: V8 makes none longer than 2^29 − 24 characters (about 512 MiB), so past that a read ends in "Invalid
   * string length". The largest real one, a 2M-credit catalogue, is about 490 MB (docs/scaling.md).
   */
  datasetBytes: 500 * MiB,
  /** One document a dataset file names by `path`, read as its text. */
  documentBytes: 16 * MiB,
} as const;

export type InputLimit = keyof typeof INPUT_LIMITS;

/** "64 MiB (INPUT_LIMITS.answerBytes)": how a refusal names the limit it met. */
export function describeLimit(limit: InputLimit): string {
  const value = INPUT_LIMITS[limit];
  const amount = limit.endsWith('Bytes')
    ? `${value / MiB} MiB`
    : limit.endsWith('Chars')
      ? `${value / MiB} Mi characters`
      : value.toLocaleString('en');
  return `${amount} (INPUT_LIMITS.${limit} in src/input-limits.ts)`;
}
