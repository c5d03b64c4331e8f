import { z } from "zod";
import { DEFAULT_TRUTH_ESTIMATOR, truthEstimatorSchema } from "../truth/estimator-names";

// Empty text means "none": the question falls back to the kind's default, no guidelines are shown.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((s) => s || null);

/**
 * Every setting of a project, as stored. The one schema the API, the forms and the CLI validate
 * with; what each field means and how its problems read is in ./setting-fields.ts.
 */
export const settingsShape = {
  k: z.number().int().min(1).max(100),
  allowTie: z.boolean(),
  allowBothBad: z.boolean(),
  strengthScale: z.boolean(),
  rationale: z.enum(["OFF", "OPTIONAL", "REQUIRED"]),
  goldRate: z.number().min(0).max(1),
  demonstrations: z.boolean(),
  demoRate: z.number().min(0).max(1),
  pairCap: z.number().int().min(1).max(1000),
  leaseSeconds: z.number().int().min(5).max(86_400),
  quota: z.number().int().min(0).max(1_000_000),
  question: optionalText(300),
  activeLearning: z.boolean(),
  retrainEvery: z.number().int().min(0).max(1_000_000),
  goTruthEstimator: truthEstimatorSchema,
  guidelines: optionalText(20_000),
  fastMs: z.number().int().min(0).max(600_000),
  flagGoldBelow: z.number().min(0).max(1),
  flagGoldAfter: z.number().int().min(1).max(1_000_000),
  flagFastShare: z.number().min(0).max(1),
  flagLeftMargin: z.number().min(0).max(0.5),
  flagLeftAfter: z.number().int().min(1).max(1_000_000),
};

export type SettingKey = keyof typeof settingsShape;
export type ProjectSettings = { [K in SettingKey]: z.output<(typeof settingsShape)[K]> };
export const SETTING_KEYS = Object.keys(settingsShape) as SettingKey[];

/** A new project's settings; they match the database schema's defaults. */
export const SETTING_DEFAULTS: ProjectSettings = {
  k: 3,
  allowTie: true,
  allowBothBad: true,
  strengthScale: false,
  rationale: "OFF",
  goldRate: 0.05,
  demonstrations: false,
  demoRate: 0.1,
  pairCap: 6,
  leaseSeconds: 600,
  quota: 0,
  question: null,
  activeLearning: false,
  retrainEvery: 200,
  goTruthEstimator: DEFAULT_TRUTH_ESTIMATOR,
  guidelines: null,
  fastMs: 2000,
  flagGoldBelow: 0.7,
  flagGoldAfter: 20,
  flagFastShare: 0.3,
  flagLeftMargin: 0.15,
  flagLeftAfter: 50,
};

/** A change to some settings: only the keys given. An unknown key is refused, so a typo cannot pass silently. */
export const settingsPatchSchema = z.strictObject(settingsShape).partial();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const projectIdentityShape = {
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "must be 2–63 lowercase letters, digits and dashes, e.g. poems-v2"),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(["TEXT", "GO"]).default("TEXT"),
};

/** A new project: slug and name, optionally its kind and any settings (the rest take their defaults). */
export const newProjectSchema = z.strictObject({ ...projectIdentityShape, ...settingsPatchSchema.shape });
export type NewProject = z.output<typeof newProjectSchema>;
