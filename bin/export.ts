import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type ExportSpec, exportQuerySchema, exportToFile, startExport } from "../lib/export";
import { projectBySlug } from "../lib/projects";
import { runCli } from "./cli";

const USAGE = `Usage:
  npm run export -- --project <slug> --format trl|votes --as jsonl|parquet|csv --out <file> [filters]

  --rule pair|judgment          TRL rows: one per decided pair (majority, default) or per decisive judgment
  --messages standard|conversational
                                TRL columns as strings (default) or lists of {role, content}
  --from YYYY-MM-DD             judgments stored on or after this day (UTC) or ISO date-time
  --to YYYY-MM-DD               ... up to the end of this day (UTC) or before this ISO date-time
  --min-votes N                 only pairs with at least N kept votes (default 1)
  --min-agreement X             only pairs whose top answer has at least this share, 0..1 (default 0)
  --include-excluded-labelers   keep judgments of labelers a lead excluded (left out by default)
  --include-gold                keep gold pairs (left out by default)
  --after-model N               only judgments stored after reward model version N was trained

Writes <file> and <file>.manifest.json; the manifest is also stored and listed on the Exports page.`;

// The schema's field for each flag, so that a refusal names the flag that was typed.
const FLAGS: Record<string, string> = {
  format: "--format",
  as: "--as",
  rule: "--rule",
  messages: "--messages",
  from: "--from",
  to: "--to",
  minVotes: "--min-votes",
  minAgreement: "--min-agreement",
  excludeExcludedLabelers: "--include-excluded-labelers",
  excludeGold: "--include-gold",
  afterModelVersion: "--after-model",
};

type Args = { project: string; out: string; spec: ExportSpec };

function parse(): Args | "help" {
  const { values } = parseArgs({
    options: {
      project: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      as: { type: "string" },
      rule: { type: "string" },
      messages: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "min-votes": { type: "string" },
      "min-agreement": { type: "string" },
      "include-excluded-labelers": { type: "boolean" },
      "include-gold": { type: "boolean" },
      "after-model": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  if (!values.project) throw new Error("--project <slug> is required");
  if (!values.out) throw new Error("--out <file> is required");
  if (!values.format) throw new Error("--format trl|votes is required");
  if (!values.as) throw new Error("--as jsonl|parquet|csv is required");
  const query: Record<string, string | undefined> = {
    format: values.format,
    as: values.as,
    rule: values.rule,
    messages: values.messages,
    from: values.from,
    to: values.to,
    minVotes: values["min-votes"],
    minAgreement: values["min-agreement"],
    excludeExcludedLabelers: values["include-excluded-labelers"] ? "false" : undefined,
    excludeGold: values["include-gold"] ? "false" : undefined,
    afterModelVersion: values["after-model"],
  };
  const parsed = exportQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    throw new Error(`${FLAGS[field] ?? field}: ${issue?.message ?? "invalid"}`);
  }
  return { project: values.project, out: values.out, spec: parsed.data };
}

runCli<Args>({
  usage: USAGE,
  parse,
  database: true,
  run: async ({ project: slug, out, spec }) => {
    const project = await projectBySlug(slug);
    const started = performance.now();
    const manifest = await exportToFile(await startExport(project, spec, "cli"), out);
    await writeFile(`${out}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Wrote ${manifest.rowCount.toLocaleString("en-US")} rows (${manifest.byteCount.toLocaleString("en-US")} bytes) to ${out} in ${seconds.toFixed(1)} s.`,
    );
    console.log(`Manifest ${manifest.id}, sha256 ${manifest.contentSha256}: ${out}.manifest.json`);
    return 0;
  },
  explain: (error) => {
    const message = error instanceof Error ? error.message : "";
    if (!message.startsWith("afterModelVersion:")) return undefined;
    console.error(message.replace("afterModelVersion:", "--after-model:"));
    return 1;
  },
});
