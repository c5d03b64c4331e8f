import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export type NumberedLine = { line: number; text: string };

/**
 * The non-blank lines of a file with their 1-based line numbers, read as a stream: memory holds one
 * line at a time however large the file is. Handles \n and \r\n and a UTF-8 byte order mark.
 */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  const stream = createReadStream(path, { encoding: "utf8" });
  const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const raw of reader) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (text.trim() !== "") yield { line, text };
    }
  } finally {
    reader.close();
    stream.destroy();
  }
}
