/** `npm run user:create -- --email ada@example.com --role ADMIN [--password …] [--name …]` */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { createUser, newUserSchema } from "../lib/users";
import { runCli } from "./cli";

const USAGE = `Usage: npm run user:create -- --email <email> [--role LABELER|LEAD|ML|ADMIN] [--password <p>] [--name <name>]
Prints a generated password unless --password is given.`;

type Args = { user: z.infer<typeof newUserSchema>; generated: string | null };

runCli<Args>({
  usage: USAGE,
  database: true,
  parse: () => {
    const { values } = parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string", default: "LABELER" },
        password: { type: "string" },
        name: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) return "help";
    const generated = values.password ? null : randomBytes(12).toString("base64url");
    const parsed = newUserSchema.safeParse({
      ...values,
      role: values.role?.toUpperCase(),
      password: values.password ?? generated,
    });
    if (!parsed.success) {
      throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
    }
    return { user: parsed.data, generated };
  },
  run: async ({ user: input, generated }) => {
    const user = await createUser(input);
    console.log(`Created ${user.role} ${user.email}${generated ? ` with password ${generated}` : ""}`);
    return 0;
  },
});
