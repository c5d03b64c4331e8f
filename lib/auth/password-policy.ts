import { z } from "zod";

/** Password length limits, everywhere a password is set: sign-up, the admin's form, the CLI, resets. */
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 256;

/** A new password; the messages name the field as the forms show it. */
export const passwordSchema = z
  .string({ error: "Password is required" })
  .min(MIN_PASSWORD, `Password must be at least ${MIN_PASSWORD} characters`)
  .max(MAX_PASSWORD, `Password must be at most ${MAX_PASSWORD} characters`);
