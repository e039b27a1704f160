/** A mistake in how the command was called: exit 1 with the reason on stderr. */
export class UsageError extends Error {}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
