import { z } from "zod";

export const REPORT_KINDS = ["BROKEN", "OFFENSIVE", "DUPLICATE", "OTHER"] as const;

export const reportInputSchema = z.object({
  assignmentId: z.string().min(1, "Which pair to report (assignmentId) is missing."),
  kind: z.enum(REPORT_KINDS, "Choose what is wrong: broken, offensive, duplicate or other."),
  note: z.string().trim().max(2_000, "The note can be at most 2,000 characters.").optional(),
});

export type ReportInput = z.infer<typeof reportInputSchema>;
