// The one error bad MusicBrainz input raises: which file, where in it, and what was wrong.

export class MusicBrainzInputError extends Error {
  readonly file: string;
  /** `line 12`, `$.recordings[3].id`, or both (`line 12, $.relations[0].artist.id`). */
  readonly where: string;
  constructor(file: string, where: string, problem: string) {
    super(`${file}: ${where}: ${problem}`);
    this.name = 'MusicBrainzInputError';
    this.file = file;
    this.where = where;
  }
}

/** `JSON.parse`'s complaint with the line and column of its position, which is what a person opening the file needs. */
export function jsonProblem(text: string, error: unknown): { where: string; problem: string } {
  const message = (error as Error).message;
  const at = /position (\d+)/.exec(message);
  if (!at) return { where: '(file)', problem: `not valid JSON: ${message}` };
  const position = Number(at[1]);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { where: `line ${line}, column ${position - lineStart + 1}`, problem: `not valid JSON: ${message}` };
}
