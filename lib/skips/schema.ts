import { z } from "zod";

export const skipInputSchema = z.object({
  assignmentId: z.string().min(1, "Which pair to skip (assignmentId) is missing."),
  reason: z.string().trim().max(500, "The reason for skipping can be at most 500 characters.").optional(),
});

export type SkipInput = z.infer<typeof skipInputSchema>;
