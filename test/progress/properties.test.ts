// Laws of progress under the default pathway, on random histories: several instruments, unscored results,
// dates with and without times, any order.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareScores,
  gad7,
  odi,
  peg,
  phq9,
  progress,
  score,
  startback,
  type AnswerValue,
  type HistoryEntry,
  type InstrumentDefinition,
  type Item,
  type ProgressAction,
  type ProgressOptions,
  defaultPathway,
  type Pathway,
} from "../../src/index.js";
import { answerSet } from "../../src/testing/arbitraries.js";

// Instruments whose score never falls when an answer is raised (no reverse keying), so that "item by item no
// worse" means "no worse".
const used: readonly InstrumentDefinition[] = [phq9, gad7, odi, peg, startback];
const RANK: Readonly<Record<ProgressAction, number>> = {
  "not-assessed": 0,
  "step-down": 1,
  continue: 2,
  review: 3,
  "step-up": 4,
};

const START = Date.UTC(2026, 0, 5);
/** A date or date-time `minutes` after the start: date only, local-less date-time (UTC), Z or an offset. */
const when = fc
  .record({ minutes: fc.integer({ min: 0, max: 200 * 1440 }), form: fc.constantFrom("date", "local", "z", "offset") })
  .map(({ minutes, form }) => {
    const iso = new Date(START + minutes * 60_000).toISOString();
    if (form === "date") return iso.slice(0, 10);
    if (form === "local") return iso.slice(0, 16);
    if (form === "z") return iso;
    // The same instant written with a +02:00 offset.
    return `${new Date(START + minutes * 60_000 + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`;
  });

const entry = fc
  .constantFrom(...used)
  .chain((def) => fc.tuple(fc.constant(def), answerSet(def, { missingRate: 0.05 }), when))
  .map(([def, answers, at]) => ({ def, answers, at }));
const histories = fc.array(entry, { minLength: 1, maxLength: 9 });
type Raw = { def: InstrumentDefinition; answers: AnswerValue[]; at: string };
const toHistory = (raw: readonly Raw[]): HistoryEntry[] =>
  raw.map((r) => ({ at: r.at, result: score(r.def, r.answers as never) }));
const stepOption = fc.option(fc.record({ current: fc.constantFrom<1 | 2 | 3>(1, 2, 3), since: when }), {
  nil: undefined,
});
const opts = (step: { current: 1 | 2 | 3; since: string } | undefined): ProgressOptions =>
  step === undefined ? {} : { step };

/** The same answers with some answered items lowered (never unanswered): item by item no worse. */
function lowered(def: InstrumentDefinition, answers: readonly AnswerValue[], picks: readonly number[]): AnswerValue[] {
  return answers.map((v, i) => {
    const item = def.items[i] as Item;
    if (typeof v !== "number" || item.kind !== "choice") return v;
    const lower = item.options.map((o) => o.value).filter((x) => x <= v);
    return lower[(picks[i] ?? 0) % lower.length] as number;
  });
}

const instant = (s: string): number =>
  Date.parse(s.length === 10 ? `${s}T00:00Z` : /Z|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`);

/** Whether the latest PHQ-9 in which item 9 was answered (ties: the later entry) has item 9 of 1 or more. */
function selfHarmAtLatest(h: readonly HistoryEntry[]): boolean {
  const phqs = h
    .map((e, i) => ({ e, i }))
    .filter(
      ({ e }) =>
        e.result.instrument === "phq9" && typeof (e.result.answers as Record<string, unknown>)["9"] === "number",
    )
    .sort((a, b) => instant(a.e.at) - instant(b.e.at) || a.i - b.i);
  const deciding = phqs.at(-1)?.e.result.answers as Record<string, number> | undefined;
  return deciding !== undefined && (deciding["9"] ?? 0) >= 1;
}

describe("progress laws (default pathway)", () => {
  it("is urgent exactly when the latest PHQ-9 with item 9 answered has item 9 of 1 or more", () => {
    fc.assert(
      fc.property(histories, stepOption, (raw, step) => {
        const h = toHistory(raw);
        const p = progress(h, opts(step));
        expect(p.urgent).toBe(selfHarmAtLatest(h));
      }),
      { numRuns: 300 },
    );
  });

  it("is urgent when the deciding PHQ-9 has item 9 of 1 or more, even under a pathway with no urgent rules", () => {
    // A pathway may add urgent rules, never remove the self-harm one.
    const silent: Pathway = { ...defaultPathway, id: "no-urgent-rules", urgent: [] };
    fc.assert(
      fc.property(histories, stepOption, (raw, step) => {
        const h = toHistory(raw);
        const p = progress(h, { ...opts(step), pathway: silent });
        expect(p.urgent).toBe(selfHarmAtLatest(h));
      }),
      { numRuns: 200 },
    );
  });

  it("never steps down while anything is urgent", () => {
    fc.assert(
      fc.property(histories, stepOption, answerSet(phq9), fc.constantFrom(1, 2, 3), (raw, step, answers, item9) => {
        const last = [...answers];
        last[8] = item9;
        const h = [...toHistory(raw), { at: "2026-12-31T23:59Z", result: score(phq9, last as never) }];
        const p = progress(h, opts(step));
        expect(p.urgent).toBe(true);
        expect(p.action).not.toBe("step-down");
        expect(p.reasons.filter((r) => r.effect === "step-down")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("adding a later assessment that is better, item by item, never raises the action (overall or for that instrument)", () => {
    fc.assert(
      fc.property(
        histories,
        stepOption,
        fc.nat({ max: 8 }),
        fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        fc.nat({ max: 30 }),
        (raw, step, k, picks, later) => {
          const base = raw[k % raw.length] as Raw;
          const h = toHistory(raw);
          const def = base.def;
          // The new assessment is the instrument's latest: dated at or after everything in the history.
          const lastT = Math.max(...raw.map((r) => instant(r.at)));
          const at = new Date(lastT + later * 86_400_000).toISOString();
          const worse = base.answers;
          const better = lowered(def, worse, picks);
          const pw = progress([...h, { at, result: score(def, worse as never) }], opts(step));
          const pb = progress([...h, { at, result: score(def, better as never) }], opts(step));
          expect(RANK[pb.action]).toBeLessThanOrEqual(RANK[pw.action]);
          expect(RANK[pb.instruments[def.id]?.action ?? "not-assessed"]).toBeLessThanOrEqual(
            RANK[pw.instruments[def.id]?.action ?? "not-assessed"],
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the same answer for the history in any order, with change exactly compareScores(baseline, latest)", () => {
    fc.assert(
      fc.property(histories, stepOption, fc.nat(), (raw, step, seed) => {
        const h = toHistory(raw);
        const shuffled = [...h].sort((a, b) => ((instant(a.at) * 7 + seed) % 13) - ((instant(b.at) * 7 + seed) % 13));
        const p = progress(h, opts(step));
        const q = progress(shuffled, opts(step));
        // Results at the same instant keep their input order, so only histories without ties are compared whole.
        const ties = new Set(h.map((e) => `${e.result.instrument}@${String(instant(e.at))}`)).size !== h.length;
        if (!ties) {
          expect(q.action).toBe(p.action);
          expect(q.step).toBe(p.step);
          expect(q.instruments).toEqual(p.instruments);
        }
        for (const t of Object.values(p.instruments)) {
          const weeks = t.points.map((x) => x.weeks);
          expect([...weeks].sort((a, b) => a - b)).toEqual(weeks);
          const scored = t.points.filter((x) => x.score !== null);
          expect(t.baseline).toEqual(scored[0] ?? null);
          expect(t.latest).toEqual(scored.at(-1) ?? null);
          const [first, last] = [scored[0], scored.at(-1)];
          if (scored.length >= 2 && first !== undefined && last !== undefined)
            expect(t.change).toEqual(compareScores(first.result, last.result));
          else expect(t.change).toBeNull();
          expect(t.status === "not-scored").toBe(scored.length === 0);
          expect(t.status === "baseline-only").toBe(scored.length === 1);
        }
        expect(p.step === null).toBe(p.action === "not-assessed");
      }),
      { numRuns: 200 },
    );
  });
});
