import { z } from "zod";

/**
 * What one export asks for: the format and file type, the row rule and its thresholds, and the
 * filters. The same schema reads the HTTP query, the CLI's flags and the page's form, so a bad value
 * is refused with the field's name wherever it comes from. Defaults keep everything a trainer would
 * want and nothing it would not: excluded labelers and gold pairs are left out unless asked.
 */
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "on", "off", "1", "0"], { message: "must be true or false" })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "true" || v === "on" || v === "1"));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD, UTC) or an ISO date-time; `endOfDay` turns a bare day into the next midnight. */
const instant = (endOfDay: boolean) =>
  z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)) && (DAY.test(v) || /^\d{4}-\d{2}-\d{2}T/.test(v)), {
      message: "must be a date (YYYY-MM-DD) or an ISO date-time",
    })
    .transform((v) => {
      const at = new Date(DAY.test(v) ? `${v}T00:00:00.000Z` : v);
      if (endOfDay && DAY.test(v)) at.setUTCDate(at.getUTCDate() + 1);
      return at;
    })
    .optional();

const whole = (name: string, min: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `must be a whole number ≥ ${min}` })
    .transform(Number)
    .refine((n) => n >= min, { message: `${name} must be at least ${min}` });

export const exportQuerySchema = z
  .object({
    format: z.enum(["trl", "votes"], { message: "must be trl or votes" }).default("trl"),
    as: z.enum(["jsonl", "parquet", "csv"], { message: "must be jsonl, parquet or csv" }).default("jsonl"),
    rule: z.enum(["pair", "judgment"], { message: "must be pair or judgment" }).default("pair"),
    messages: z
      .enum(["standard", "conversational"], { message: "must be standard or conversational" })
      .default("standard"),
    from: instant(false),
    to: instant(true),
    minVotes: whole("minVotes", 1).optional(),
    minAgreement: z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, { message: "must be a number from 0 to 1" })
      .transform(Number)
      .optional(),
    excludeExcludedLabelers: flag(true),
    excludeGold: flag(true),
    afterModelVersion: whole("afterModelVersion", 1).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from >= q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  })
  .transform((q) => ({
    format: q.format,
    as: q.as,
    // Raw votes are one row per judgment whatever the rule; the rule shapes TRL rows only.
    rule: q.format === "votes" ? ("judgment" as const) : q.rule,
    messages: q.messages,
    filters: {
      from: q.from ?? null,
      to: q.to ?? null,
      minVotes: q.minVotes ?? 1,
      minAgreement: q.minAgreement ?? 0,
      excludeExcludedLabelers: q.excludeExcludedLabelers,
      excludeGold: q.excludeGold,
      afterModelVersion: q.afterModelVersion ?? null,
    },
  }));

export type ExportSpec = z.output<typeof exportQuerySchema>;
export type ExportFilters = ExportSpec["filters"];
export type ExportFormat = ExportSpec["format"];
export type FileType = ExportSpec["as"];

/** The spec as plain JSON (dates as ISO strings), in a fixed key order: what the manifest stores and the hash covers. */
export function canonicalSpec(spec: ExportSpec) {
  const f = spec.filters;
  return {
    format: spec.format,
    as: spec.as,
    rule: spec.rule,
    messages: spec.messages,
    filters: {
      from: f.from?.toISOString() ?? null,
      to: f.to?.toISOString() ?? null,
      minVotes: f.minVotes,
      minAgreement: f.minAgreement,
      excludeExcludedLabelers: f.excludeExcludedLabelers,
      excludeGold: f.excludeGold,
      afterModelVersion: f.afterModelVersion,
    },
  };
}

export const FILE_TYPES: Record<FileType, { contentType: string; extension: string }> = {
  jsonl: { contentType: "application/x-ndjson; charset=utf-8", extension: "jsonl" },
  parquet: { contentType: "application/vnd.apache.parquet", extension: "parquet" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
};
