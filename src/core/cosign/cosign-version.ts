/** A cosign release number, compared numerically (3.0.10 is after 3.0.6). */
export class CosignVersion {
  private constructor(
    readonly major: number,
    readonly minor: number,
    readonly patch: number,
  ) {}

  static parse(text: string): CosignVersion {
    const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text);
    if (!match) throw new Error(`"${text}" is not a cosign version.`);
    return new CosignVersion(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  atLeast(text: string): boolean {
    const other = CosignVersion.parse(text);
    return (this.major - other.major || this.minor - other.minor || this.patch - other.patch) >= 0;
  }

  toString(): string {
    return `${this.major}.${this.minor}.${this.patch}`;
  }
}
