import path from "node:path";
import { hashPassword } from "../auth/password";
import { db, type Role } from "../db";
import { importFile } from "../import";
import { addMember, inviteCode } from "../projects";

export type DemoLogin = { role: Role; email: string; password: string };

export const DEMO_PASSWORD = "vibecheck-demo";

const DEMO_USERS: { email: string; role: Role; name: string }[] = [
  { email: "admin@vibecheck.local", role: "ADMIN", name: "Ada Admin" },
  { email: "lead@vibecheck.local", role: "LEAD", name: "Lee Lead" },
  { email: "ml@vibecheck.local", role: "ML", name: "Emma ML" },
  { email: "labeler1@vibecheck.local", role: "LABELER", name: "Lab One" },
  { email: "labeler2@vibecheck.local", role: "LABELER", name: "Lab Two" },
  { email: "labeler3@vibecheck.local", role: "LABELER", name: "Lab Three" },
];

const POEMS_FILE = path.resolve(import.meta.dirname, "../../prisma/demo/poems.jsonl");

/**
 * The demo: users of every role and a "Poems" project with weak and degenerate candidates among
 * the good ones. Safe to run again: users, project and imported rows are never duplicated.
 */
export async function seedDemo(): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = [];
  for (const u of DEMO_USERS) {
    users.push(await db().user.upsert({ where: { email: u.email }, create: { ...u, passwordHash }, update: {} }));
  }
  const project = await db().project.upsert({
    where: { slug: "poems" },
    create: {
      slug: "poems",
      name: "Poems",
      kind: "TEXT",
      k: 3,
      goldRate: 0.1,
      demonstrations: true,
      demoRate: 0.05,
      rationale: "OPTIONAL",
      inviteCode: inviteCode(),
    },
    update: {},
  });
  await importFile(POEMS_FILE, project);
  for (const user of users) if (user.role === "LABELER") await addMember(project.id, user.id);
  return DEMO_USERS.map((u) => ({ role: u.role, email: u.email, password: DEMO_PASSWORD }));
}
