/** `npm run user:create -- --email ada@example.com --role ADMIN [--password …] [--name …]` */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { disconnect } from "../lib/db";
import { cliEnvProblem } from "../lib/env";
import { DomainError } from "../lib/errors";
import { createUser, newUserSchema } from "../lib/users";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "LABELER" },
    password: { type: "string" },
    name: { type: "string" },
  },
});

async function main(): Promise<number> {
  const problem = cliEnvProblem();
  if (problem) {
    console.error(problem);
    return 2;
  }
  const generated = values.password ? null : randomBytes(12).toString("base64url");
  const parsed = newUserSchema.safeParse({
    ...values,
    role: values.role?.toUpperCase(),
    password: values.password ?? generated,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
    return 2;
  }
  const user = await createUser(parsed.data);
  console.log(`Created ${user.role} ${user.email}${generated ? ` with password ${generated}` : ""}`);
  return 0;
}

main()
  .catch((error) => {
    console.error(error instanceof DomainError ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    await disconnect();
    process.exit(code);
  });
