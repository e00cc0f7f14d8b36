// The progress line of a long import on stderr: entities/s, relationships/s, and an ETA when the size is known.

const human = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : `${Math.round(n)}`);
const duration = (s: number) =>
  s >= 3600
    ? `${Math.floor(s / 3600)}h${Math.round((s % 3600) / 60)}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s`
      : `${Math.round(s)}s`;

export class ProgressLine {
  private readonly started = performance.now();
  private last = 0;
  private readonly write: (text: string) => void;
  private readonly everyMs: number;
  private readonly units: readonly [string, string];
  /** `units` name what is counted: MusicBrainz reads entities and relationships, Discogs records and credits. */
  constructor(write: (text: string) => void, everyMs = 1000, units: readonly [string, string] = ['entities', 'relationships']) {
    this.write = write;
    this.everyMs = everyMs;
    this.units = units;
  }

  /** Print at most once per `everyMs`; `bytes` of `totalBytes` read gives the share done and the ETA. */
  tick(label: string, entities: number, relationships: number, bytes?: number, totalBytes?: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.last < this.everyMs) return;
    this.last = now;
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const [what, related] = this.units;
    let line = `${label}: ${human(entities)} ${what} (${human(entities / seconds)}/s), ${human(relationships)} ${related} (${human(relationships / seconds)}/s)`;
    if (bytes !== undefined && totalBytes) {
      const share = Math.min(bytes / totalBytes, 1);
      line += `, ${(share * 100).toFixed(1)}%`;
      if (share > 0.001 && share < 1) line += `, ETA ${duration((seconds / share) * (1 - share))}`;
    }
    this.write(line);
  }
}
