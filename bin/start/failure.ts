import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ActionableError } from "../../lib/actionable-error";

/**
 * The one sentence `npm start` ends a failed start with. A known problem says what to do; anything
 * else is named in one line and its stack goes to a log file in the data folder, never the screen.
 */
export function failureSentence(error: unknown, dataDir: string): string {
  const logFile = path.join(dataDir, "start-error.log");
  const known = error instanceof ActionableError;
  const details = known ? error.details : error instanceof Error ? (error.stack ?? error.message) : String(error);
  const wrote = details ? writeLog(logFile, `${new Date().toISOString()}\n${message(error)}\n\n${details}\n`) : false;
  if (known) return wrote ? `${error.message.replace(/\.$/, "")} (its log is in ${logFile}).` : error.message;
  const summary = message(error).split("\n")[0]?.replace(/\.$/, "");
  return `Vibecheck did not start: ${summary}; the details are in ${wrote ? logFile : "the output above"}, fix what they name and run npm start again.`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function writeLog(file: string, text: string): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}
