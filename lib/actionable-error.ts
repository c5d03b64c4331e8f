/**
 * An error whose message is one sentence saying what went wrong and what to do, fit to show a user
 * as it is. `details` (a server's log lines, say) belong in a log file, not on the screen.
 */
export class ActionableError extends Error {
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = "ActionableError";
  }
}
