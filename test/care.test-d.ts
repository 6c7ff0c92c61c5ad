import { describe, expectTypeOf, it } from "vitest";
import {
  compareScores,
  defaultPathway,
  fabq,
  gad7,
  phq9,
  progress,
  score,
  stratify,
  type phq8,
  type ChangeComparison,
  type ChangeOptionId,
  type Pathway,
  type ScoreResult,
} from "../src/index.js";

describe("stratify and compareScores types", () => {
  it("types the default pathway's steps and domain ids", () => {
    const r = stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0])]);
    expectTypeOf(r.step).toEqualTypeOf<1 | 2 | 3 | null>();
    expectTypeOf(r.pathway.id).toEqualTypeOf<"stepscore-default">();
    expectTypeOf(r.targets[0]?.domain).toEqualTypeOf<
      | "depression"
      | "anxiety"
      | "catastrophizing"
      | "fear-of-movement"
      | "fear-avoidance-beliefs"
      | "sleep"
      | "risk"
      | "disability"
      | undefined
    >();
    expectTypeOf(stratify([], defaultPathway).step).toEqualTypeOf<1 | 2 | 3 | null>();
  });

  it("widens for a pathway known only at run time", () => {
    const p = JSON.parse("{}") as Pathway;
    expectTypeOf(stratify([], p).step).toEqualTypeOf<number | null>();
  });

  it("types a comparison by the instrument id, and its options by the definition", () => {
    const a = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expectTypeOf(compareScores(a, a)).toEqualTypeOf<ChangeComparison<"phq9">>();
    expectTypeOf(compareScores(a, a).instrument).toEqualTypeOf<"phq9">();
    expectTypeOf<ChangeOptionId<typeof phq9, "reliability">>().toEqualTypeOf<
      "lowe2004" | "iapt" | "general-population"
    >();
    expectTypeOf<ChangeOptionId<typeof phq8, "mcid">>().toEqualTypeOf<never>();
    compareScores(a, a, { mcid: "kounali2022", reliability: "iapt", response: "below-10", remission: "below-5" });
    compareScores(a, a, { reliability: { sem: 2, source: "local audit" } });
    // @ts-expect-error: not an MCID option of the PHQ-9
    compareScores(a, a, { mcid: "ostelo2008" });
    // @ts-expect-error: results of different instruments
    compareScores(a, score(gad7, [0, 0, 0, 0, 0, 0, 0]));
    const f = score(fabq, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    compareScores(f, f, { scale: "work" });
    // @ts-expect-error: the FABQ has no "total"
    compareScores(f, f, { scale: "total" });
  });

  it("accepts results of definitions known only at run time", () => {
    const r = JSON.parse("{}") as ScoreResult;
    expectTypeOf(compareScores(r, r)).toEqualTypeOf<ChangeComparison>();
    compareScores(r, r, { mcid: "anything" });
  });

  it("types progress's step from the pathway, and its current step option", () => {
    expectTypeOf(progress([]).step).toEqualTypeOf<1 | 2 | 3 | null>();
    expectTypeOf(progress([], { pathway: JSON.parse("{}") as Pathway }).step).toEqualTypeOf<number | null>();
    // @ts-expect-error: the default pathway has no step 4
    progress([], { step: { current: 4, since: "2026-01-05" } });
  });
});
