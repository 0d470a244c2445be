// Preloaded with `node --import` by the benchmarks: writes the CPU milliseconds this node process spent (user +
// system, its children excluded) to BENCH_CPU_FILE when it exits, so that the action's own CPU is told apart from the
// tools it runs.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  writeFileSync(process.env.BENCH_CPU_FILE, String((userCPUTime + systemCPUTime) / 1000));
});
