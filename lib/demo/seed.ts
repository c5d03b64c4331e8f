import path from "node:path";
import { hashPassword } from "../auth/password";
import { db, type Role } from "../db";
import { importFile, importGeneratedGo } from "../import";
import { addMember, inviteCode } from "../projects";

export type DemoLogin = { role: Role; email: string; password: string };

export const DEMO_PASSWORD = "vibecheck-demo";

export const DEMO_USERS: { email: string; role: Role; name: string }[] = [
  { email: "admin@vibecheck.local", role: "ADMIN", name: "Ada Admin" },
  { email: "lead@vibecheck.local", role: "LEAD", name: "Lee Lead" },
  { email: "ml@vibecheck.local", role: "ML", name: "Emma ML" },
  { email: "labeler1@vibecheck.local", role: "LABELER", name: "Lab One" },
  { email: "labeler2@vibecheck.local", role: "LABELER", name: "Lab Two" },
  { email: "labeler3@vibecheck.local", role: "LABELER", name: "Lab Three" },
];

const POEMS_FILE = path.resolve(import.meta.dirname, "../../prisma/demo/poems.jsonl");

/**
 * The demo: users of every role, a "Poems" project with weak and degenerate candidates among
 * the good ones, and a small "Go 9x9" project of generated positions (its ground truth is left to
 * the worker's go-truth job). Safe to run again: users, projects and imported rows are never duplicated.
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
  const go = await seedGoProject();
  for (const user of users) {
    if (user.role !== "LABELER") continue;
    await addMember(project.id, user.id);
    await addMember(go.id, user.id);
  }
  return DEMO_USERS.map((u) => ({ role: u.role, email: u.email, password: DEMO_PASSWORD }));
}

async function seedGoProject() {
  const project = await db().project.upsert({
    where: { slug: "go9" },
    create: {
      slug: "go9",
      name: "Go 9x9",
      kind: "GO",
      k: 3,
      goldRate: 0,
      allowBothBad: false,
      inviteCode: inviteCode(),
    },
    update: {},
  });
  await importGeneratedGo(project, { size: 9, prompts: 20, seed: 1, candidates: { min: 2, max: 4 } });
  return project;
}
