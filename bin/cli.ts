import { cliEnvProblem } from "../lib/env";
import { DomainError } from "../lib/errors";

/**
 * One command-line program: its usage text, how it reads its arguments, whether it needs the
 * database, and the work. Exit codes are the same for every CLI here: 0 done, 1 bad input or a
 * refusal of the domain (the message says what was wrong), 2 bad usage or configuration.
 */
export type Cli<A> = {
  usage: string;
  /** Reads process.argv; throws an Error naming the bad flag, or answers "help". */
  parse: () => A | "help";
  /** Checks DATABASE_URL first and closes the connections before exiting. */
  database: boolean;
  run: (args: A) => Promise<number>;
  /** Prints an error this program knows how to explain and answers its exit code; else undefined. */
  explain?: (error: unknown, args: A) => number | undefined;
};

export function runCli<A>(cli: Cli<A>): void {
  // Exits explicitly: lib/db's disconnect() leaves the pg pool's idle clients open for ~10 s.
  main(cli).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

async function main<A>(cli: Cli<A>): Promise<number> {
  let args: A | "help";
  try {
    args = cli.parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${cli.usage}`);
    return 2;
  }
  if (args === "help") {
    console.log(cli.usage);
    return 0;
  }
  if (cli.database) {
    const problem = cliEnvProblem();
    if (problem) {
      console.error(problem);
      return 2;
    }
  }
  try {
    return await cli.run(args);
  } catch (error) {
    const code = cli.explain?.(error, args);
    if (code !== undefined) return code;
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    // Imported only here, so a CLI without a database never loads the Prisma client.
    if (cli.database) await (await import("../lib/db")).disconnect();
  }
}
