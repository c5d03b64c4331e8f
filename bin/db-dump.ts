import { BackupError, dumpDatabase } from "../lib/db/backup";
import { env } from "../lib/env";
import { runCli } from "./cli";

const USAGE = `Usage: npm run db:dump -- <file>

Writes every table of the database at DATABASE_URL (the one npm start prints) to <file>, gzipped,
as one consistent moment: the app may keep running. Restore it with npm run db:restore.`;

runCli<{ file: string }>({
  usage: USAGE,
  database: true,
  parse: () => {
    const [file, ...rest] = process.argv.slice(2);
    if (file === "--help" || file === "-h") return "help";
    if (!file || rest.length > 0) throw new Error("Give exactly one file to write.");
    return { file };
  },
  run: async ({ file }) => {
    const { tables, rows } = await dumpDatabase(env().DATABASE_URL, file);
    console.log(`Wrote ${rows} rows of ${tables} tables to ${file}.`);
    return 0;
  },
  explain: (error) => {
    if (!(error instanceof BackupError)) return undefined;
    console.error(error.message);
    return 1;
  },
});
