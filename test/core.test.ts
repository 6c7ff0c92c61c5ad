// The engine-only entry: the same results and errors as the main entry, from a definition object.
import { describe, expect, it } from "vitest";
import * as core from "../src/core.js";
import { gad7, phq9, safeScore, score, ScoreInputError } from "../src/index.js";

describe("stepscore/core", () => {
  it("scores a definition exactly as the main entry does", () => {
    const answers = [1, 2, 1, 2, 0, 1, 3, 2, 1];
    expect(core.score(phq9, answers)).toEqual(score(phq9, answers));
    expect(core.safeScore(gad7, { "1": 2 })).toEqual(safeScore(gad7, { "1": 2 }));
  });

  it("throws the same ScoreInputError, recognised by either entry's class", () => {
    const r = core.safeScore(phq9, [4, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error).toBeInstanceOf(ScoreInputError);
      expect(r.error).toBeInstanceOf(core.ScoreInputError);
      expect(r.error.issues[0]?.item).toBe("1");
    }
  });

  it("recognises a ScoreInputError made by another copy of the class, and nothing else", () => {
    const foreign = Object.defineProperty(new Error("x"), Symbol.for("stepscore.ScoreInputError"), { value: true });
    expect(foreign instanceof ScoreInputError).toBe(true);
    expect(new Error("x") instanceof ScoreInputError).toBe(false);
    expect((null as unknown as object) instanceof ScoreInputError).toBe(false);
  });
});
