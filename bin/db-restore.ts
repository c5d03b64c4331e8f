import { BackupError, restoreDatabase } from "../lib/db/backup";
import { env } from "../lib/env";
import { runCli } from "./cli";

const USAGE = `Usage: npm run db:restore -- <file> [--replace]

Loads a file written by npm run db:dump into the database at DATABASE_URL, all or nothing. The
database must be empty; --replace drops everything in it first (npm start's demo data, or a
damaged copy). The dump must come from a Vibecheck with the same migrations. Restart npm start
afterwards, so that nothing it cached from the old data is served.`;

runCli<{ file: string; replace: boolean }>({
  usage: USAGE,
  database: true,
  parse: () => {
    const args = process.argv.slice(2);
    if (args.includes("--help") || args.includes("-h")) return "help";
    const replace = args.includes("--replace");
    const files = args.filter((a) => a !== "--replace");
    const unknown = files.find((a) => a.startsWith("--"));
    if (unknown) throw new Error(`Unknown flag ${unknown}.`);
    if (files.length !== 1) throw new Error("Give exactly one dump file to restore.");
    return { file: files[0] as string, replace };
  },
  run: async ({ file, replace }) => {
    const { tables, rows } = await restoreDatabase(env().DATABASE_URL, file, { replace });
    console.log(`Restored ${rows} rows of ${tables} tables from ${file}.`);
    return 0;
  },
  explain: (error) => {
    if (!(error instanceof BackupError)) return undefined;
    console.error(error.message);
    return 1;
  },
});
