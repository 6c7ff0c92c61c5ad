// Errors of a batch: the options error that stops it before any row.
import type { ColumnBinding } from "./types.js";

/**
 * Thrown by {@link createBatchScorer} (and so by {@link scoreRows} and {@link scoreStream}) when the batch
 * cannot start: an unknown instrument, a bad column mapping or offset, an option the instrument does not
 * have, or, with `header`, required columns that are absent. Bad cells never throw.
 *
 * @category Batch
 */
export class BatchOptionsError extends Error {
  /** Every problem, one sentence each. */
  readonly problems: readonly string[];
  /** Required columns absent from the header (empty for other problems). */
  readonly missingColumns: readonly ColumnBinding[];

  /**
   * @param problems - one sentence per problem
   * @param missingColumns - required columns absent from the header
   */
  constructor(problems: readonly string[], missingColumns: readonly ColumnBinding[] = []) {
    super(problems.join("; "));
    this.name = "BatchOptionsError";
    this.problems = problems;
    this.missingColumns = missingColumns;
  }
}
