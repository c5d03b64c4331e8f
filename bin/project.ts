import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { isDomainError, notFound } from "../lib/errors";
import {
  createProject,
  deleteProject,
  SETTING_KEYS,
  type SettingProblem,
  setArchived,
  updateSettings,
} from "../lib/projects";
import { settingsFromAssignments } from "../lib/projects/setting-fields";
import { runCli } from "./cli";

const USAGE = `Usage:
  npm run project -- create --slug <slug> --name <name> [--kind TEXT|GO] [--set key=value …]
  npm run project -- set <slug> key=value …
  npm run project -- show <slug>
  npm run project -- archive <slug>       (stops serving pairs, keeps everything)
  npm run project -- unarchive <slug>
  npm run project -- delete <slug> --confirm <slug>

Settings: ${SETTING_KEYS.join(", ")}.
Switches take true/false (or on/off); rationale takes off, optional or required;
goTruthEstimator (Go) takes random-playouts/v1, uct/v2 or gnugo/v1;
guidelines=@file.md reads the guidelines from a markdown file; question= (empty) clears the question.
Checked as on the Settings page: a bad value changes nothing.`;

type Args =
  | { command: "create"; slug: string; name: string; kind?: string; settings: Record<string, unknown> }
  | { command: "set"; slug: string; settings: Record<string, unknown> }
  | { command: "show" | "archive" | "unarchive"; slug: string }
  | { command: "delete"; slug: string; confirm?: string };

const COMMANDS = ["create", "set", "show", "archive", "unarchive", "delete"];

function parse(): Args | "help" {
  const { values, positionals } = parseArgs({
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      kind: { type: "string" },
      set: { type: "string", multiple: true },
      confirm: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) return "help";
  const [command, ...rest] = positionals;
  if (!command || !COMMANDS.includes(command)) {
    throw new Error(
      command ? `unknown command "${command}"` : "give a command: create, set, show, archive, unarchive or delete",
    );
  }
  if (command === "create") {
    if (rest.length > 0) throw new Error(`unexpected argument "${rest[0]}"; settings go after --set, e.g. --set k=5`);
    if (!values.slug) throw new Error("--slug <slug> is required");
    if (!values.name) throw new Error("--name <name> is required");
    const settings = withFiles(settingsFromAssignments(values.set ?? []));
    return { command, slug: values.slug, name: values.name, kind: values.kind?.toUpperCase(), settings };
  }
  const [slug, ...words] = rest;
  if (!slug) throw new Error(`give the project's slug: npm run project -- ${command} <slug>`);
  if (command === "set") {
    if (words.length === 0) throw new Error("give at least one key=value, e.g. k=5");
    return { command, slug, settings: withFiles(settingsFromAssignments([...words, ...(values.set ?? [])])) };
  }
  if (words.length > 0) throw new Error(`unexpected argument "${words[0]}"`);
  if (command === "delete") return { command, slug, confirm: values.confirm };
  return { command: command as "show" | "archive" | "unarchive", slug };
}

/** guidelines=@file.md: the guidelines are the file's text. */
function withFiles(settings: Record<string, unknown>): Record<string, unknown> {
  const value = settings.guidelines;
  if (typeof value !== "string" || !value.startsWith("@")) return settings;
  const file = value.slice(1);
  try {
    return { ...settings, guidelines: readFileSync(file, "utf8") };
  } catch (error) {
    throw new Error(`cannot read the guidelines file ${file}: ${(error as Error).message}`);
  }
}

async function show(slug: string): Promise<void> {
  const project = await db().project.findUnique({ where: { slug } });
  if (!project) throw notFound(`Project "${slug}"`);
  console.log(`${project.name} (${project.slug}, ${project.kind})${project.archivedAt ? " — archived" : ""}`);
  for (const key of SETTING_KEYS) {
    const value = project[key];
    const shown = typeof value === "string" && value.length > 60 ? `${value.slice(0, 57).replace(/\n/g, " ")}…` : value;
    console.log(`  ${key} = ${shown ?? ""}`);
  }
}

runCli<Args>({
  usage: USAGE,
  database: true,
  parse,
  run: async (args) => {
    switch (args.command) {
      case "create": {
        const { slug, name, kind, settings } = args;
        await createProject({ slug, name, ...(kind ? { kind } : {}), ...settings });
        console.log(`Created project "${slug}".`);
        await show(slug);
        return 0;
      }
      case "set":
        await updateSettings(args.slug, args.settings);
        console.log(`Saved ${Object.keys(args.settings).join(", ")}.`);
        await show(args.slug);
        return 0;
      case "show":
        await show(args.slug);
        return 0;
      case "archive":
      case "unarchive":
        await setArchived(args.slug, args.command === "archive");
        console.log(
          args.command === "archive"
            ? `Archived "${args.slug}": no pairs are served; everything is kept.`
            : `Unarchived "${args.slug}": pairs are served again.`,
        );
        return 0;
      case "delete":
        await deleteProject(args.slug, args.confirm);
        console.log(`Deleted project "${args.slug}" and everything in it.`);
        return 0;
    }
  },
  explain: (error, args) => {
    if (args.command !== "create" && args.command !== "set") return undefined;
    if (!isDomainError(error, "INVALID_INPUT") || !Array.isArray(error.details)) return undefined;
    for (const problem of error.details as SettingProblem[]) console.error(`${problem.field}: ${problem.message}`);
    console.error("Nothing was changed.");
    return 1;
  },
});
