import { z } from "zod";

// Configuration is read once, here, and validated: a wrong value stops the process with a message
// that names the variable, instead of failing somewhere later.
const schema = z.object({
  DATABASE_URL: z.string().url("must be a postgresql:// URL"),
  // Needed by the web app only (session signing); CLIs and the worker run without it.
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters (npm start generates one)").optional(),
  // The app's public URL (npm start sets it); invite links shown to staff start with it.
  NEXTAUTH_URL: z.string().url("must be the app's public URL, like https://vibecheck.example.com").optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // A local directory with an ONNX sentence encoder and its tokenizer.json: text projects' reward
  // models then read its embeddings instead of hashed text (lib/rm/service/encoder-env.ts). Never downloaded.
  RM_TEXT_ENCODER: z.string().min(1).optional(),
  // The retrain sweep (lib/rm/service/sweep.ts) queues a retrain of a project whose oldest untrained
  // judgment is older than this many seconds, even below retrainEvery.
  RM_RETRAIN_QUIET_SECONDS: z.coerce.number().int().min(0).default(900),
  // Versions that keep their ONNX bytes and scores besides the serving one (lib/rm/service/prune.ts).
  RM_KEEP_VERSIONS: z.coerce.number().int().min(1).default(5),
  // Rate limits (lib/security/rate-limit.ts): attempts per window, window in seconds.
  RATE_SIGN_IN_ACCOUNT: z.coerce.number().int().min(1).default(10),
  RATE_SIGN_IN_ADDRESS: z.coerce.number().int().min(1).default(100),
  RATE_SIGN_IN_WINDOW: z.coerce.number().int().min(1).default(900),
  // Generous: a fast honest labeler (one judgment per half second, sustained) never reaches it.
  RATE_JUDGMENTS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  // Calls per minute per API token; a script exporting or scoring in batches stays far below it.
  RATE_API_TOKEN_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // Failed token lookups (unknown, revoked, expired) per client address per RATE_SIGN_IN_WINDOW.
  RATE_API_TOKEN_FAILURES: z.coerce.number().int().min(1).default(20),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration (environment variables):\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret)
    throw new Error("NEXTAUTH_SECRET is not set: npm start generates one; set it when running the app yourself.");
  return secret;
}

/**
 * For command-line tools: why they cannot reach the database, or null when they can. The message
 * says where the URL comes from, since a CLI user may not have started Vibecheck yet.
 */
export function cliEnvProblem(): string | null {
  if (!process.env.DATABASE_URL) {
    return "DATABASE_URL is not set; start Vibecheck with npm start, which prints it, and run this command with DATABASE_URL=<that url>";
  }
  try {
    env();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
