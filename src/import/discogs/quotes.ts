// The words an imported Discogs fact is quoted with: the credit as Discogs prints it on the release page.
//
//   a credit:         `<role as written> – <name as credited>[ (tracks: <tracks>)]`    Written-By [Lyrics By] – A. Delano
//   an artist credit: `<artists joined as credited> – <title>`                        Heiko Laux & Johannes Heil – Untitled 8
//   a track:          `<release> – track <position>: <title>[ (<duration>)]`          Stockholm – track B1: Vasastaden (6:11)
//   an edition:       `<release> – master release <id>[: <master title>]`
//   an entity:        `<type>: <name as Discogs writes it>`                           artist: Persuader, The
//   a label:          `Label: <name> – <catalogue number>`                             Label: Svek – SK032
//   a membership:     `<group> – Members: <member>`, `<artist> – In Groups: <group>`
//   a sublabel:       `<label> – Sublabels: <sublabel>`, `<label> – Parent Label: <parent>`

export interface CreditedArtist {
  name: string;
  anv?: string | undefined;
  join?: string | undefined;
}

/** The name an artist is credited as: the name variation (ANV) where one is given. */
export const creditedName = (a: CreditedArtist) => (a.anv ? a.anv : a.name);

/**
 * The artists of a release or track joined as Discogs prints them: "Heiko Laux & Johannes Heil", "Nerio's Dubwork
 * Meets Kathy Lee". Old dumps end every credit with a "," join; the last join is never printed.
 */
export function artistLine(artists: readonly CreditedArtist[]): string {
  let line = '';
  for (let i = 0; i < artists.length; i++) {
    const a = artists[i] as CreditedArtist;
    line += creditedName(a);
    if (i === artists.length - 1) break;
    const join = (a.join ?? '').trim();
    line += join === '' ? ', ' : join === ',' ? ', ' : ` ${join} `;
  }
  return line;
}

export const artistCreditQuote = (artists: readonly CreditedArtist[], title: string) => `${artistLine(artists)} – ${title}`;

export function creditQuote(role: string, artist: CreditedArtist, tracks: string | undefined): string {
  return `${role} – ${creditedName(artist)}${tracks ? ` (tracks: ${tracks})` : ''}`;
}

export function trackQuote(release: string, position: string, title: string, duration: string | undefined): string {
  return `${release} – track ${position}: ${title}${duration ? ` (${duration})` : ''}`;
}
