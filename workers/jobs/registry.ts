import type { z } from "zod";

/**
 * A background job: a name, a version (bump it when the payload changes shape), a zod schema
 * for its payload, an optional cron schedule, and a lazily imported handler so the worker only
 * loads what it runs.
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  version: number;
  schema: S;
  cron?: string;
  handler: () => Promise<(payload: z.infer<S>) => Promise<unknown>>;
};

export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  return job;
}
