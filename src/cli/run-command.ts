// How every command-line tool ends: its exit code, or its error's message (no stack) and 1,
// or 2 with the usage for a usage error.
export class UsageError extends Error {}

export function runCommand(main: () => Promise<number>, usage?: string): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof UsageError) {
        console.error(usage ? `${err.message}\n${usage}` : err.message);
        process.exit(2);
      }
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
