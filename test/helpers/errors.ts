import { expect } from "vitest";
import { safeScore, ScoreInputError, type InstrumentDefinition } from "../../src/index.js";

/**
 * Asserts that `answers` are rejected with exactly one issue, on `item`, carrying the value as given and a
 * message matching `message`, and that the error's own message names the instrument and the item.
 */
export function expectOneInvalid(
  def: InstrumentDefinition,
  answers: unknown,
  item: string,
  value: unknown,
  message: RegExp,
): void {
  const r = safeScore(def, answers);
  expect(r.success).toBe(false);
  if (r.success) return;
  expect(r.error).toBeInstanceOf(ScoreInputError);
  expect(r.error.issues).toHaveLength(1);
  expect(r.error.issues[0]?.item).toBe(item);
  expect(Object.is(r.error.issues[0]?.value, value)).toBe(true);
  expect(r.error.issues[0]?.message).toMatch(message);
  expect(r.error.message.startsWith(`${def.shortTitle} (${def.id}): 1 invalid answer: item ${item}: `)).toBe(true);
}
