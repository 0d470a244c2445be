import { closeSync, openSync, readSync } from 'node:fs';

/**
 * `bytes` random bytes from the kernel's generator, as hex: for names and delimiters no one may guess. Read from
 * /dev/urandom rather than through node:crypto, whose loading costs 5-8 ms of Node's own 36-42 ms start on the
 * bench machine (docs/performance.md, "Fixed cost of a step") and which every step would otherwise pay to write its
 * first output. Windows has no /dev/urandom: node:crypto there.
 */
export function randomHex(bytes: number): string {
  if (process.platform === 'win32') return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');
  const buffer = Buffer.alloc(bytes);
  const fd = openSync('/dev/urandom', 'r');
  try {
    let filled = 0;
    while (filled < bytes) filled += readSync(fd, buffer, filled, bytes - filled, null);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('hex');
}
