// The one error bad Discogs input raises: which file, where in it (XML line and column, or JSON path), and what was wrong.

export class DiscogsInputError extends Error {
  readonly file: string;
  /** `line 12, column 3`, `$.tracklist[3].position`, or both (`line 12 (release 2), $.extraartists[0].id`). */
  readonly where: string;
  readonly problem: string;
  constructor(file: string, where: string, problem: string) {
    super(`${file}: ${where}: ${problem}`);
    this.name = 'DiscogsInputError';
    this.file = file;
    this.where = where;
    this.problem = problem;
  }
}
