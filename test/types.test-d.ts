import { describe, expectTypeOf, it } from "vitest";
import type { gad7 } from "../src/index.js";
import {
  getInstrument,
  phq2,
  phq9,
  safeScore,
  score,
  type BandId,
  type InstrumentDefinition,
  type ItemId,
  type ScoreResult,
} from "../src/index.js";

describe("result types flow from the definitions", () => {
  it("types the PHQ-9 band id as the union of its band ids", () => {
    const r = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expectTypeOf(r.band).toEqualTypeOf<{
      readonly id: "minimal" | "mild" | "moderate" | "moderately-severe" | "severe";
      readonly label: string;
    } | null>();
    expectTypeOf<BandId<typeof phq9>>().toEqualTypeOf<
      "minimal" | "mild" | "moderate" | "moderately-severe" | "severe"
    >();
    expectTypeOf(r.instrument).toEqualTypeOf<"phq9">();
    expectTypeOf(r.score).toEqualTypeOf<number | null>();
  });

  it("types scoring by id the same as by definition", () => {
    expectTypeOf(score("gad7", [0, 0, 0, 0, 0, 0, 0])).toEqualTypeOf<ScoreResult<typeof gad7>>();
    expectTypeOf(score("phq9", [])).toEqualTypeOf(score(phq9, []));
  });

  it("types item ids, answers and scales from the items", () => {
    expectTypeOf<ItemId<typeof phq2>>().toEqualTypeOf<"1" | "2">();
    const r = score(phq2, { "1": 1, "2": 2 });
    expectTypeOf(r.answers).toEqualTypeOf<{
      readonly "1": number | string | null;
      readonly "2": number | string | null;
    }>();
    expectTypeOf(r.scales).toHaveProperty("total");
    expectTypeOf(r.flags[0]?.id).toExtend<string | undefined>();
  });

  it("rejects unknown item ids, options and flags at compile time", () => {
    // @ts-expect-error: "q1" is not a PHQ-2 item id
    score(phq2, { q1: 1 });
    // @ts-expect-error: the PHQ-2 has no alternative missing-data rule
    score(phq2, [1, 1], { missing: "cms-mds" });
    score(phq9, [1, 1], { missing: "cms-mds" });
    score(phq2, [1, 1], { flags: ["sensitive-cutoff"] });
    // @ts-expect-error: not an opt-in flag of the PHQ-2
    score(phq2, [1, 1], { flags: ["self-harm"] });
    // @ts-expect-error: unknown instrument id
    score("phq10", []);
  });

  it("narrows safeScore by success", () => {
    const r = safeScore(phq9, JSON.parse("[]") as unknown);
    if (r.success)
      expectTypeOf(r.data.band?.id).toEqualTypeOf<
        "minimal" | "mild" | "moderate" | "moderately-severe" | "severe" | undefined
      >();
    else expectTypeOf(r.error.issues[0]?.item).toEqualTypeOf<string | null | undefined>();
  });

  it("widens for definitions known only at run time", () => {
    const def = getInstrument("phq9" as string);
    expectTypeOf(def).toEqualTypeOf<InstrumentDefinition | undefined>();
    if (def) expectTypeOf(score(def, []).band).toEqualTypeOf<{ readonly id: string; readonly label: string } | null>();
  });
});

describe("option types", () => {
  it("accepts any flag or missing option id for a definition known only at run time", () => {
    const def = getInstrument("phq9" as string) as InstrumentDefinition;
    score(def, [], { flags: ["anything"], missing: "anything" });
  });
});
