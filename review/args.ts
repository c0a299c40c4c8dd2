/**
 * The command-line arguments of a project command, one at a time: `value()` takes the next one
 * as the current flag's value, or fails naming the flag, with the usage. Shared by review,
 * deploy-check and plan.
 */
export class Args {
  private i = -1;

  constructor(
    private readonly argv: readonly string[],
    private readonly usage: string,
  ) {}

  /** The next argument, or undefined at the end. */
  next(): string | undefined {
    return this.argv[++this.i];
  }

  /** The value of `flag`: the next argument, which must not be another flag. */
  value(flag: string): string {
    const v = this.argv[++this.i];
    if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value.\n\n${this.usage}`);
    return v;
  }

  /** The next argument as it is, even empty or absent (a workflow's optional input). */
  raw(): string {
    return this.argv[++this.i] ?? "";
  }
}
