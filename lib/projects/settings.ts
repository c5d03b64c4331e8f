import { z } from "zod";

/** Project settings an admin can set; defaults match the schema's. */
export const projectSettingsSchema = z.object({
  k: z.number().int().min(1).max(100).default(3),
  allowTie: z.boolean().default(true),
  allowBothBad: z.boolean().default(true),
  strengthScale: z.boolean().default(false),
  rationale: z.enum(["OFF", "OPTIONAL", "REQUIRED"]).default("OFF"),
  goldRate: z.number().min(0).max(1).default(0.05),
  demonstrations: z.boolean().default(false),
  demoRate: z.number().min(0).max(1).default(0.1),
  pairCap: z.number().int().min(1).max(1000).default(6),
  leaseSeconds: z.number().int().min(5).max(86_400).default(600),
  quota: z.number().int().min(0).default(0),
  /** The question above each pair; empty uses the kind's default. */
  question: z.string().trim().max(300).nullable().optional(),
});

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export const newProjectSchema = projectSettingsSchema.extend({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "use 2-63 lowercase letters, digits and dashes, e.g. poems-v2"),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(["TEXT", "GO"]).default("TEXT"),
});

export type NewProject = z.infer<typeof newProjectSchema>;
