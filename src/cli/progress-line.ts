// Where a command's progress line goes: one rewritten line at a terminal, one line per tick otherwise (a log keeps
// them all).
export const progressLine = process.stderr.isTTY
  ? (line: string) => process.stderr.write(`\r${line}\x1b[K`)
  : (line: string) => console.error(line);
