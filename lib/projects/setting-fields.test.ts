import { describe, expect, it } from "vitest";
import { fieldsFor, SETTING_FIELDS, settingsFromAssignments, settingsFromForm } from "./setting-fields";
import { parseSettings } from "./setting-problems";
import { SETTING_KEYS, settingsPatchSchema } from "./settings";

describe("the settings' descriptions", () => {
  it("describe every setting once, with help and an effect on existing data", () => {
    expect(SETTING_FIELDS.map((f) => f.key).sort()).toEqual([...SETTING_KEYS].sort());
    for (const field of SETTING_FIELDS) {
      expect(field.help.length).toBeGreaterThan(20);
      expect(field.onChange.length).toBeGreaterThan(20);
    }
  });
});

describe("the Go truth estimator setting", () => {
  it("is shown for Go projects only, and read from text in any case", () => {
    expect(fieldsFor("GO").map((f) => f.key)).toContain("goTruthEstimator");
    expect(fieldsFor("TEXT").map((f) => f.key)).not.toContain("goTruthEstimator");
    expect(fieldsFor("TEXT")).toHaveLength(SETTING_FIELDS.length - 1);
    expect(parseSettings(settingsPatchSchema, settingsFromAssignments(["goTruthEstimator=UCT/v2"]))).toEqual({
      goTruthEstimator: "uct/v2",
    });
    // A text project's form has no such radio group: the setting is left out, not refused.
    expect(settingsFromForm(() => null)).not.toHaveProperty("goTruthEstimator", expect.anything());
    expect(() => parseSettings(settingsPatchSchema, settingsFromAssignments(["goTruthEstimator=katago"]))).toThrow(
      "Ground truth estimator must be one of Random playouts (random-playouts/v1), Tree search (UCT) (uct/v2), GNU Go self-play (gnugo/v1).",
    );
  });
});

describe("settings from text", () => {
  it("reads CLI key=value words into the schema's types", () => {
    const settings = settingsFromAssignments([
      "k=5",
      "allowTie=off",
      "strengthScale=yes",
      "rationale=required",
      "goldRate=0.1",
      "question=Which is kinder?",
      "guidelines=a=b",
    ]);
    expect(parseSettings(settingsPatchSchema, settings)).toEqual({
      k: 5,
      allowTie: false,
      strengthScale: true,
      rationale: "REQUIRED",
      goldRate: 0.1,
      question: "Which is kinder?",
      guidelines: "a=b",
    });
  });

  it("passes a value that does not fit on, so the schema names the problem", () => {
    expect(() => parseSettings(settingsPatchSchema, settingsFromAssignments(["k=many", "allowTie=maybe"]))).toThrow(
      "Judgments per pair (k) must be a number. Allow ties must be on or off (true or false).",
    );
    expect(() => settingsFromAssignments(["k"])).toThrow('expected key=value, got "k"');
  });

  it("reads a browser form: an unchecked box is off, an empty number is missing", () => {
    const form = new Map<string, string>([
      ["k", ""],
      ["allowBothBad", "on"],
      ["rationale", "OPTIONAL"],
      ["question", ""],
    ]);
    const settings = settingsFromForm((key) => form.get(key) ?? null);
    expect(settings).toMatchObject({
      k: null,
      allowTie: false,
      allowBothBad: true,
      rationale: "OPTIONAL",
      question: "",
    });
  });
});
