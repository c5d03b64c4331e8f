import type { DemoLogin } from "../../lib/demo";

type Banner = {
  url: string;
  databaseUrl: string;
  embedded: boolean;
  logins: DemoLogin[] | null;
  /** False once --lock-demo turned the demo accounts' password sign-in off. */
  demoPasswords: boolean;
};

export function printBanner({ url, databaseUrl, embedded, logins, demoPasswords }: Banner): void {
  const lines = [
    "",
    `  Vibecheck is running at  ${url}`,
    `  Database (${embedded ? "embedded" : "external"}):  ${databaseUrl}`,
  ];
  if (logins && demoPasswords) {
    lines.push("", "  Demo logins (created now; they stay until you delete the data folder):");
    for (const l of logins) lines.push(`    ${l.role.padEnd(8)} ${l.email.padEnd(26)} ${l.password}`);
  } else if (embedded && demoPasswords) {
    lines.push("", "  Demo logins: see the README (password for all: vibecheck-demo).");
  }
  lines.push("", "  Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}
