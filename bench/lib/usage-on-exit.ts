// Preloaded (`node --import`) into a bench's child process: its CPU time and peak RSS, threads included, written at
// exit to the file LINER_BENCH_USAGE names, for the parent to report beside the wall time it measured.
import { writeFileSync } from 'node:fs';

const file = process.env.LINER_BENCH_USAGE;
if (file !== undefined)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssBytes: usage.maxRSS * 1024 }),
    );
  });
