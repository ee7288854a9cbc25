// What the command line touches outside itself, passed in so the commands can
// be run in-process by tests and by main.ts against the real process.

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8; throws Node's error (ENOENT, EISDIR, ...) on failure. */
  readFile(path: string): string;
  readStdin(): Promise<string>;
}

/** A problem with how the command was called or what it was given: message to stderr, exit 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
/** `lint` found at least one error. */
export const EXIT_FINDINGS = 1;
/** Bad options, a missing file, an unknown stage. */
export const EXIT_USAGE = 2;
