import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/** A GTP command the engine answered with `? message`. */
export class GtpError extends Error {
  constructor(command: string, answer: string) {
    super(`the Go engine refused "${command}": ${answer}`);
    this.name = "GtpError";
  }
}

/**
 * One Go engine process spoken to over the Go Text Protocol: a command per line, each answered by
 * `= result` or `? error` and a blank line. Commands are sent one at a time, in order.
 */
export class GtpEngine {
  readonly #process: ChildProcessWithoutNullStreams;
  #buffer = "";
  #waiting: { resolve: (answer: string) => void; reject: (error: Error) => void } | null = null;
  #failure: Error | null = null;
  #stderr = "";

  constructor(executable: string, args: string[]) {
    this.#process = spawn(executable, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.#process.stdout.setEncoding("utf8");
    this.#process.stdout.on("data", (chunk: string) => this.#read(chunk));
    this.#process.stderr.on("data", (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-2000);
    });
    this.#process.on("error", (error) => this.#fail(error));
    this.#process.on("exit", (code, signal) =>
      this.#fail(new Error(`the Go engine exited (${signal ?? `code ${code}`}) ${this.#stderr.trim()}`.trim())),
    );
  }

  /** Sends one command and resolves with the text after `=`; rejects with GtpError on `?`. */
  send(command: string): Promise<string> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#waiting) return Promise.reject(new Error("GtpEngine.send: wait for the previous answer first"));
    return new Promise((resolve, reject) => {
      this.#waiting = {
        resolve,
        reject: (error) => reject(error instanceof GtpError ? new GtpError(command, error.message) : error),
      };
      this.#process.stdin.write(`${command}\n`);
    });
  }

  async close(): Promise<void> {
    if (this.#failure) return;
    await this.send("quit").catch(() => undefined);
    this.#process.kill();
  }

  #read(chunk: string): void {
    this.#buffer += chunk;
    // An answer ends with an empty line.
    const end = this.#buffer.indexOf("\n\n");
    if (end < 0 || !this.#waiting) return;
    const answer = this.#buffer.slice(0, end).trim();
    this.#buffer = this.#buffer.slice(end + 2);
    const waiting = this.#waiting;
    this.#waiting = null;
    if (answer.startsWith("=")) waiting.resolve(answer.slice(1).trim());
    else waiting.reject(new GtpError("", answer.replace(/^\?\s*/, "")));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.reject(this.#failure);
  }
}
