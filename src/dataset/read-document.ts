// Reads the text of a document a dataset file names by `path`: only an ordinary file inside the folder it may read.
//
// A document's text is served to anyone (`document { text }`), so a dataset naming ../../etc/passwd or
// /proc/self/environ published that file, and the importing process's tokens with it. A dataset reads from its own
// folder, or from the one the operator names (`npm run import -- --documents-dir DIR`), and from nothing else.
import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, realpath, stat, statfs } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { describeLimit, INPUT_LIMITS } from '../input-limits.ts';
import { readAtMost } from '../read-at-most.ts';

/** File systems whose files are the kernel's view of processes and devices, never documents (statfs(2) magic numbers). */
const KERNEL_FILE_SYSTEMS = new Map([
  [0x9fa0, '/proc'],
  [0x62656572, '/sys'],
  [0x1cd1, '/dev/pts'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x74726163, 'tracefs'],
  [0x63677270, 'cgroup2'],
]);

/** Why a document's path was refused: a sentence for the operator, naming the rule. */
export class DocumentRefusal extends Error {
  override name = 'DocumentRefusal';
}

const inside = (folder: string, path: string) => {
  const rest = relative(folder, path);
  return rest === '' || (!isAbsolute(rest) && rest !== '..' && !rest.startsWith(`..${sep}`));
};

/**
 * The text of `path` read from `folder` (the dataset's own, or --documents-dir). Throws DocumentRefusal for an
 * absolute path, a path leading out of the folder (by `..` or by a symbolic link anywhere on the way), anything but
 * an ordinary file (a device, a FIFO, a socket, a folder, a file of /proc or /sys), and a file larger than
 * INPUT_LIMITS.documentBytes. `folder` is named in each refusal, so the operator sees which one was meant.
 */
export async function readDocumentText(folder: string, path: string): Promise<string> {
  if (isAbsolute(path))
    throw new DocumentRefusal(`an absolute path; documents are read only from inside ${folder}, by a relative path`);
  const root = await realpath(folder).catch(() => {
    throw new DocumentRefusal(`the documents folder ${folder} cannot be read`);
  });
  const named = resolve(root, path);
  if (!inside(root, named))
    throw new DocumentRefusal(`it leads out of ${folder} by ".."; documents are read only from inside it`);
  // A missing file is not refused but unreadable: its error goes on as it is.
  const real = await realpath(named);
  if (!inside(root, real))
    throw new DocumentRefusal(`a symbolic link leads out of ${folder} (to ${real}); documents are read only from inside it`);
  const kernel = KERNEL_FILE_SYSTEMS.get((await statfs(real)).type);
  if (kernel !== undefined) throw new DocumentRefusal(`${real} is a file of ${kernel}, not a document`);
  ordinary(await stat(real), real);
  // O_NONBLOCK: a FIFO swapped in after the check must not hang the import on open; O_NOFOLLOW: nor a link swapped in.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    return await readAtMostSize(handle, real);
  } finally {
    await handle.close();
  }
}

function ordinary(info: Stats, real: string): void {
  if (!info.isFile()) throw new DocumentRefusal(`${real} is not an ordinary file (a folder, device, FIFO or socket)`);
  if (info.size > INPUT_LIMITS.documentBytes)
    throw new DocumentRefusal(`${info.size} bytes: larger than a document may be, ${describeLimit('documentBytes')}`);
}

/** The file's bytes as UTF-8, checked on the open file: one that holds more than its size says is not ordinary. */
async function readAtMostSize(handle: FileHandle, real: string): Promise<string> {
  const info = await handle.stat();
  ordinary(info, real);
  const bytes = await readAtMost(handle, info.size);
  if (bytes === undefined)
    throw new DocumentRefusal(`${real} holds more than the ${info.size} bytes it says: not an ordinary file`);
  return bytes.toString('utf8');
}
