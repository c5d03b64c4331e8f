import type { ExportSpec } from "./options";

/**
 * The columns of an export, fixed before the first row: they name the CSV header and type the
 * Parquet schema, so numbers stay numbers and conversations stay lists of messages.
 */
export type ColumnKind = "string" | "int" | "float" | "bool" | "timestamp" | "messages";
export type Column = { name: string; kind: ColumnKind; nullable: boolean };

/** What about the project changes the columns: Go candidates, and whether labelers give a strength. */
export type ProjectShape = { id: string; go: boolean; strength: boolean };

const col = (name: string, kind: ColumnKind, nullable = false): Column => ({ name, kind, nullable });

export function voteColumns(project: ProjectShape): Column[] {
  return [
    col("judgment_id", "string"),
    col("pair_id", "string"),
    col("prompt_id", "string"),
    col("candidate_a_id", "string"),
    col("candidate_b_id", "string"),
    col("source_a", "string"),
    col("source_b", "string"),
    col("left_candidate_id", "string"),
    col("labeler_id", "string"),
    col("choice", "string"),
    col("strength", "int", true),
    col("rationale", "string", true),
    col("duration_ms", "int"),
    col("created_at", "timestamp"),
    col("is_gold", "bool"),
    col("gold_answer", "string", true),
    ...(project.go ? goColumns(["a", "b"], (side, what) => `${what}_${side}`) : []),
  ];
}

export function trlColumns(project: ProjectShape, spec: Pick<ExportSpec, "rule" | "messages">): Column[] {
  const text: ColumnKind = spec.messages === "conversational" ? "messages" : "string";
  return [
    col("prompt", text),
    col("chosen", text),
    col("rejected", text),
    ...(project.strength ? [col("margin", "float")] : []),
    col("prompt_id", "string"),
    col("pair_id", "string"),
    col("chosen_id", "string"),
    col("rejected_id", "string"),
    ...(spec.rule === "pair"
      ? [col("votes", "int"), col("agreement", "float")]
      : [col("judgment_id", "string"), col("labeler_id", "string")]),
    ...(project.go ? goColumns(["chosen", "rejected"], (side, what) => `${side}_${what}`) : []),
  ];
}

function goColumns(sides: [string, string], name: (side: string, what: string) => string): Column[] {
  return [
    ...sides.map((s) => col(name(s, "position"), "string", true)),
    ...sides.map((s) => col(name(s, "sgf"), "string", true)),
    ...sides.map((s) => col(name(s, "p_black_wins"), "float", true)),
  ];
}

export function columnsFor(project: ProjectShape, spec: Pick<ExportSpec, "format" | "rule" | "messages">): Column[] {
  return spec.format === "votes" ? voteColumns(project) : trlColumns(project, spec);
}
