// Characters a POSIX shell passes through unquoted.
const SAFE = /^[A-Za-z0-9_./:@%+=,-]+$/;

/** `cosign verify ...` as one line a user can paste into a POSIX shell. */
export function verifyCommand(args: readonly string[]): string {
  return ['cosign', ...args].map(shellQuote).join(' ');
}

export function shellQuote(word: string): string {
  if (SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
