import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A whole file; `tooLarge(size)` is thrown, and no more than a scratch buffer's worth read, when the file is larger
 * than `maxBytes`. Synchronous on purpose: a step reading many small files has nothing else to do meanwhile, and a
 * promise read goes through the thread pool four times per file (8,000 small files on 2 cores: 0.2 s instead of 1.3 s,
 * the two floors of `npm run bench -- bump-manifest`).
 *
 * With `scratch`, a file that fits is read into it with one open, read and close, and the result is a view of it, valid
 * until the next read into the same scratch: a caller that skips most of the files it reads allocates nothing for them.
 */
export function readFileAtMost(
  file: string,
  maxBytes: number,
  tooLarge: (size: number) => Error,
  scratch?: Buffer,
): Buffer {
  const descriptor = openSync(file, 'r');
  try {
    if (scratch) {
      // A regular file's read returns less than it was asked for only at the file's end, so a short read is the whole
      // file and it needs no fstat; a full one may not be, and goes the long way.
      const asked = Math.min(scratch.length, maxBytes + 1);
      const read = readSync(descriptor, scratch, 0, asked, 0);
      if (read < asked) return scratch.subarray(0, read);
    }
    const { size } = fstatSync(descriptor);
    if (size > maxBytes) throw tooLarge(size);
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    // Up to the size fstat saw: the cap holds even for a file that grows meanwhile.
    while (filled < size) {
      const read = readSync(descriptor, bytes, filled, size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } finally {
    closeSync(descriptor);
  }
}
