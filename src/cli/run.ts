// How a command-line tool ends: with its own exit code, or on failure with a message and 1.

import { tmpdir } from 'node:os';
import { ConfigError } from '../config.ts';
import { InvalidDatasetError } from '../dataset/validate.ts';
import { isDiskFull } from '../graph/memory/storage-errors.ts';
import { StoreStartError } from '../graph/store.ts';

/**
 * Runs `main` and exits with the code it answers. A failure the user can mend (bad configuration, a bad dataset, a
 * damaged or missing database) is
 * printed as its message, anything else with its stack. `explain` may claim a failure of its own, printing it and
 * answering the exit code.
 */
export function runCommand(main: () => Promise<number>, explain: (error: unknown) => number | undefined = () => undefined) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const code = explain(error);
      if (code !== undefined) process.exit(code);
      if (isDiskFull(error, tmpdir())) {
        // Not a fault of the input, so not named as one (a converter once called it XML that is not well-formed).
        console.error(`liner: the disk is full (${(error as Error).message}). Free some space and run the command again.`);
        process.exit(1);
      }
      console.error(
        error instanceof ConfigError || error instanceof InvalidDatasetError || error instanceof StoreStartError
          ? error.message
          : error,
      );
      process.exit(1);
    },
  );
}
