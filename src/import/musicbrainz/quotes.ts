// The words an imported fact is quoted with: MusicBrainz's statement, rebuilt the same way from the same answer.
//
// The forms (docs/graph-model.md, "MusicBrainz mapping", lists them with examples):
//   an entity:        `<type>: <name or title>`                            artist: Mary Hopkin
//   a relationship:   `<entity0>[ (as "<credit>")] — <type>[ [<attr>, …]] — <entity1>[ (as "<credit>")][ (<dates>)]`, dates as dateSpan says
//                                                                          Mary Hopkin — married — Tony Visconti (1971 – 1981)
//   an artist credit: `<title> — artist credit — <the credit as printed>`  Burn the Witch — artist credit — Key Nyata feat. Wilt Gamberlin
//   a track:          `<release> — disc <d>, track <n>[ (<number>)] — <recording>[ (as "<track title>")]`
//   an edition:       `<release> — release of — <release group>`
// entity0 and entity1 are MusicBrainz's own ends of the relationship, whichever end the answer was about, so the same
// relationship read from either end's page is quoted alike.

export function entityQuote(type: string, name: string): string {
  return `${type}: ${name}`;
}

/** `1971 – 1981`, `1971 –` (begun, not ended), ` – 1981`, `1971 – ?` (ended, end unknown), `ended`; empty without dates. */
export function dateSpan(begin: string | undefined, end: string | undefined, ended: boolean): string {
  if (begin === undefined && end === undefined) return ended ? 'ended' : '';
  return `${begin ?? ''} – ${end ?? (ended ? '?' : '')}`;
}

const as = (credit: string | undefined) => (credit !== undefined ? ` (as "${credit}")` : '');

export function relationQuote(
  entity0: string,
  type: string,
  attributes: readonly string[],
  entity1: string,
  credit0?: string,
  credit1?: string,
  dates = '',
): string {
  const attrs = attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
  return `${entity0}${as(credit0)} — ${type}${attrs} — ${entity1}${as(credit1)}${dates ? ` (${dates.trimEnd()})` : ''}`;
}

export function artistCreditQuote(title: string, credit: string): string {
  return `${title} — artist credit — ${credit}`;
}

export function trackQuote(
  release: string,
  disc: number,
  position: number,
  number: string | undefined,
  recording: string,
  trackTitle: string | undefined,
): string {
  const numbered = number !== undefined && number !== String(position) ? ` (${number})` : '';
  return `${release} — disc ${disc}, track ${position}${numbered} — ${recording}${as(trackTitle !== recording ? trackTitle : undefined)}`;
}
