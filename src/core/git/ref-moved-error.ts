/**
 * A branch update lost a race: the branch moved (or appeared) after it was read, so the update was refused
 * rather than overwriting what someone else pushed. The caller reads the new tip and tries again.
 */
export class RefMovedError extends Error {
  override readonly name = 'RefMovedError';
  constructor(
    readonly branch: string,
    readonly reason: string,
  ) {
    super(`Update of ${branch} was refused because it moved meanwhile (${reason}).`);
  }
}

export function isRefMovedError(error: unknown): error is RefMovedError {
  return error instanceof RefMovedError;
}
