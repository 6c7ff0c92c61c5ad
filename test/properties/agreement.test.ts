// The engine agrees with the reference scorer (test/helpers/reference.ts, the specification stated plainly)
// on random valid definitions and answer sets: `score` and `safeScore` from the main entry (which scores
// complete, valid arrays with its unrolled loop) and from `stepscore/core`, arrays and records, with and without
// options. What is compared is what the specification fixes: scores, methods, band and flag ids, missing
// items, subscales, the answers record, and which inputs are rejected naming which items; not the wording.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as core from "../../src/core.js";
import {
  safeScore,
  score,
  ScoreInputError,
  validateDefinition,
  type InstrumentDefinition,
  type SafeScoreResult,
  type ScaleOutcome,
  type ScoreOptions,
  type ScoreResult,
} from "../../src/index.js";
import { definition, definitionWithAnswers, scoreOptions, toRecord } from "../../src/testing/arbitraries.js";
import { referenceScore, type ReferenceOutcome, type ReferenceResult } from "../helpers/reference.js";

/** Equal numbers, allowing for the order of floating-point additions; null only with null. */
function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${what}: ${String(actual)} vs ${String(expected)}`).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

function expectResult(r: ScoreResult, ref: ReferenceResult, where: string): void {
  expect(r.instrument, where).toBe(ref.instrument);
  expect(r.version, where).toBe(ref.version);
  expectClose(r.score, ref.score, `${where} score`);
  expect(r.method, `${where} method`).toBe(ref.method);
  expect(r.reason === null, `${where} reason null`).toBe(!ref.hasReason);
  if (ref.hasReason) expect(r.reason, `${where} reason`).toMatch(/\S/);
  expect(r.band?.id ?? null, `${where} band`).toBe(ref.band);
  const subscales = r.subscales as Readonly<Record<string, number | null>>;
  expect(Object.keys(subscales).sort(), `${where} subscale ids`).toEqual(Object.keys(ref.subscales).sort());
  for (const [id, v] of Object.entries(ref.subscales)) expectClose(subscales[id] ?? null, v, `${where} subscale ${id}`);
  expect(
    r.flags.map((f) => f.id),
    `${where} flags`,
  ).toEqual(ref.flags);
  expect(r.missing, `${where} missing`).toEqual(ref.missing);
  expect(r.answers, `${where} answers`).toEqual(ref.answers);
  const scales = r.scales as Readonly<Record<string, ScaleOutcome>>;
  expect(Object.keys(scales).sort(), `${where} scale ids`).toEqual(Object.keys(ref.scales).sort());
  for (const [id, s] of Object.entries(ref.scales)) {
    const out = scales[id] as ScaleOutcome;
    expectClose(out.score, s.score, `${where} scale ${id} score`);
    expect(out.method, `${where} scale ${id} method`).toBe(s.method);
    expect(out.missing, `${where} scale ${id} missing`).toEqual(s.missing);
    expect(out.reason === null, `${where} scale ${id} reason null`).toBe(!s.hasReason);
    expect(out.band?.id ?? null, `${where} scale ${id} band`).toBe(s.band);
  }
}

/** The items an error names, in a stable order (null: an issue about the input as a whole). */
function named(error: ScoreInputError): (string | null)[] {
  return error.issues.map((i) => i.item).sort(byId);
}

function byId(a: string | null, b: string | null): number {
  return String(a).localeCompare(String(b));
}

function expectSafe(actual: SafeScoreResult, ref: ReferenceOutcome, where: string): void {
  if (ref.valid) {
    if (!actual.success) expect.fail(`${where}: rejected (${actual.error.message}), but the specification scores it`);
    expectResult(actual.data, ref.result, where);
  } else {
    expect(actual.success, `${where}: accepted, but the specification rejects it`).toBe(false);
    if (!actual.success) expect(named(actual.error), `${where} issues`).toEqual([...ref.issues].sort(byId));
  }
}

function expectThrowing(run: () => ScoreResult, ref: ReferenceOutcome, where: string): void {
  let result: ScoreResult | undefined;
  let thrown: unknown;
  try {
    result = run();
  } catch (error) {
    thrown = error;
  }
  if (ref.valid) {
    if (result === undefined) expect.fail(`${where}: threw ${String(thrown)}, but the specification scores it`);
    expectResult(result, ref.result, where);
  } else {
    expect(thrown, `${where}: returned a result, but the specification rejects it`).toBeInstanceOf(ScoreInputError);
    expect(named(thrown as ScoreInputError), `${where} issues`).toEqual([...ref.issues].sort(byId));
  }
}

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Every scoring call under test, on one input with one set of options, checked against the reference. */
function checkAll(def: InstrumentDefinition, input: unknown, options: ScoreOptions | undefined, where: string): void {
  const ref = referenceScore(def, input, options ?? {});
  const answers = input as never;
  expectSafe(safeScore(def, input, options), ref, `${where} safeScore`);
  expectThrowing(() => score(def, answers, options), ref, `${where} score`);
  expectSafe(core.safeScore(def, input, options), ref, `${where} core.safeScore`);
  expectThrowing(() => core.score(def, answers, options), ref, `${where} core.score`);
  // The unrolled loop and the interpreter give the same object, key for key, in the same order.
  const main = safeScore(def, input, options);
  const interpreted = safeScore(def, input, { ...options, jitless: true });
  expect(main.success, `${where} unrolled vs interpreted`).toBe(interpreted.success);
  if (main.success && interpreted.success) {
    expect(main.data, `${where} unrolled vs interpreted`).toStrictEqual(interpreted.data);
    expect(JSON.stringify(main.data), `${where} key order`).toBe(JSON.stringify(interpreted.data));
  }
}

/** Array input without the unanswered optional items at its end (array input may leave them off). */
function trimmed(def: InstrumentDefinition, answers: readonly unknown[]): unknown[] {
  const out = [...answers];
  while (out.length > 0 && def.items[out.length - 1]?.optional === true && (out[out.length - 1] ?? null) === null)
    out.pop();
  return out;
}

/** Inputs that are not an answer set at all, or have the wrong shape: always rejected, never thrown from safeScore. */
function malformed(def: InstrumentDefinition, answers: readonly unknown[]): unknown[] {
  class Answers {
    readonly first = answers[0];
  }
  return [
    [...answers, 0],
    answers.slice(0, -1),
    [],
    { ...toRecord(def, answers), "0": 1 },
    { ...toRecord(def, answers), total: answers[0] ?? 1 },
    null,
    undefined,
    3,
    "1,2,3",
    new Map([[def.items[0]?.id ?? "1", answers[0]]]),
    new Answers(),
  ];
}

const cases = definitionWithAnswers({ answerSets: 4 }).chain((d) =>
  fc.record({ d: fc.constant(d), options: fc.array(scoreOptions(d.definition), { maxLength: 2 }) }),
);

describe("the engine agrees with the reference scorer on generated definitions", () => {
  it("accepts every generated definition (validateDefinition)", () => {
    fc.assert(
      fc.property(definition(), (def) => {
        expect(validateDefinition(def)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("scores valid and incomplete answer sets as the specification says, arrays and records, with and without options", () => {
    fc.assert(
      fc.property(cases, ({ d, options }) => {
        const def = deepFreeze(d.definition);
        const sets = [...d.incomplete, ...d.complete];
        const inputs: [string, unknown][] = sets.flatMap((a, k) => [
          [`set ${String(k)} array`, deepFreeze([...a])],
          [`set ${String(k)} trimmed array`, deepFreeze(trimmed(def, a))],
          [`set ${String(k)} record`, deepFreeze(toRecord(def, a))],
          // Unanswered items given as null or undefined in the record, not left out.
          [
            `set ${String(k)} record with nulls`,
            deepFreeze(Object.fromEntries(def.items.map((it, i) => [it.id, k % 2 === 0 ? a[i] : (a[i] ?? undefined)]))),
          ],
        ]);
        // Twice without options: a result never depends on what was scored before.
        for (const pass of [1, 2])
          for (const [where, input] of inputs) checkAll(def, input, undefined, `pass ${String(pass)} ${where}`);
        for (const o of options)
          for (const [where, input] of inputs) checkAll(def, input, o, `${where} with ${JSON.stringify(o)}`);
      }),
      { numRuns: 120 },
    );
  });

  it("rejects every invalid answer naming its item, in arrays and records; safeScore never throws", () => {
    fc.assert(
      fc.property(cases, ({ d, options }) => {
        const def = deepFreeze(d.definition);
        for (const [k, bad] of d.invalid.entries()) {
          for (const [form, input] of [
            ["array", bad.answers],
            ["record", toRecord(def, bad.answers)],
          ] as const) {
            deepFreeze(input);
            const ref = referenceScore(def, input);
            expect(ref).toEqual({ valid: false, issues: [bad.item] });
            for (const o of [undefined, ...options]) checkAll(def, input, o, `invalid ${String(k)} ${form}`);
          }
        }
        for (const [k, input] of malformed(def, d.complete[0] ?? def.items.map(() => null)).entries()) {
          checkAll(def, deepFreeze(input), undefined, `malformed ${String(k)}`);
        }
      }),
      { numRuns: 120 },
    );
  });
});
