/** A problem with how the CLI was called or with a file it cannot read: exit code 2, no stack trace. */
export class UsageError extends Error {}
