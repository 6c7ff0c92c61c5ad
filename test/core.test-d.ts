// stepscore/core's definitions type their results as the main entry's do.
import { describe, expectTypeOf, it } from "vitest";
import { phq9 as corePhq9, psqi as corePsqi, score as coreScore, type BandId, type ScoreResult } from "../src/core.js";
import { phq9, psqi, score } from "../src/index.js";

describe("stepscore/core's scoring-only definitions", () => {
  it("infer the same band, item and flag ids as the full definitions", () => {
    const r = coreScore(corePhq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expectTypeOf(r.band?.id).toEqualTypeOf<
      "minimal" | "mild" | "moderate" | "moderately-severe" | "severe" | undefined
    >();
    expectTypeOf<BandId<typeof corePhq9>>().toEqualTypeOf<BandId<typeof phq9>>();
    expectTypeOf(r).toEqualTypeOf<ScoreResult<typeof phq9>>();
    expectTypeOf(coreScore(corePsqi, [])).toEqualTypeOf(score(psqi, []));
  });

  it("score with the main entry's score, and the full definitions with stepscore/core's", () => {
    expectTypeOf(score(corePhq9, [])).toEqualTypeOf<ScoreResult<typeof phq9>>();
    expectTypeOf(coreScore(phq9, [])).toEqualTypeOf<ScoreResult<typeof corePhq9>>();
  });
});
