// Every LOINC code stepscore emits names one thing of one instrument. Panel and score codes belong to exactly
// one instrument and appear nowhere in another's resources; a question code may be shared only by instruments
// that ask the same question with the same coded answers (the PHQ-9 items reused by the PHQ-8 and PHQ-2).
// Codes are read from the resources actually written (Questionnaire, QuestionnaireResponse, Observation), not
// from the definitions, and the checks are run on tampered definitions too, so they cannot pass by finding nothing.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fromQuestionnaireResponse,
  gad2,
  instruments,
  phq2,
  phq8,
  safeScore,
  score,
  toObservations,
  toQuestionnaire,
  toQuestionnaireResponse,
  type InstrumentDefinition,
} from "../../src/index.js";
import { answerSet } from "../../src/testing/arbitraries.js";

const LOINC = "http://loinc.org";
const all = Object.values(instruments) as InstrumentDefinition[];

type Role = "panel" | "score" | "question" | "answer";
interface Emitted {
  readonly instrument: string;
  readonly code: string;
  readonly role: Role;
  /** For a question: its answer codings in order, to tell a shared question from a reused code. */
  readonly answers?: string;
}

/** Every LOINC coding anywhere in a JSON value. */
function loincCodes(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(loincCodes);
  if (typeof value !== "object" || value === null) return [];
  const v = value as Readonly<Record<string, unknown>>;
  const own = v.system === LOINC && typeof v.code === "string" ? [v.code] : [];
  return [...own, ...Object.values(v).flatMap(loincCodes)];
}

/** A scored result with every item answered, for the Observation. */
function completeResult(def: InstrumentDefinition) {
  const answers = fc.sample(answerSet(def), { numRuns: 50, seed: 14 }).find((a) => safeScore(def, a as never).success);
  if (answers === undefined) throw new Error(`${def.id}: no valid answer set sampled`);
  return score(def, answers as never);
}

/** What one definition's resources emit, each code with the role it plays there. */
function emitted(def: InstrumentDefinition): Emitted[] {
  const q = toQuestionnaire(def);
  const out: Emitted[] = [];
  const add = (code: string, role: Role, answers?: string): void => {
    out.push({ instrument: def.id, code, role, ...(answers === undefined ? {} : { answers }) });
  };
  for (const c of loincCodes(q.code)) add(c, "panel");
  for (const it of q.item ?? []) {
    const role: Role = it.linkId.startsWith("score.") ? "score" : "question";
    const answers = (it.answerOption ?? [])
      .map((o) => (o.valueCoding?.system === LOINC ? (o.valueCoding.code ?? "") : "-"))
      .join(",");
    for (const c of loincCodes(it.code)) add(c, role, role === "question" ? answers : undefined);
    for (const c of loincCodes(it.answerOption)) add(c, "answer");
  }
  const result = completeResult(def);
  for (const obs of toObservations(result, { instrument: def })) {
    for (const c of loincCodes(obs.code)) add(c, "score");
    for (const c of loincCodes(obs.component)) add(c, "score");
  }
  const qr = toQuestionnaireResponse(def, result.answers as never);
  for (const c of loincCodes(qr)) add(c, "answer");
  return out;
}

/** Panel and score codes emitted by more than one instrument, or by another in any role. */
function identityConflicts(emissions: readonly Emitted[]): string[] {
  const problems = new Set<string>();
  for (const e of emissions.filter((x) => x.role === "panel" || x.role === "score")) {
    for (const other of emissions) {
      if (other.code === e.code && other.instrument !== e.instrument) {
        problems.add(
          `${e.code} is ${e.instrument}'s ${e.role} code but ${other.instrument} emits it as a ${other.role} code`,
        );
      }
      if (other.code === e.code && other.instrument === e.instrument && other.role !== e.role) {
        problems.add(`${e.code} is both ${e.role} and ${other.role} in ${e.instrument}`);
      }
    }
  }
  return [...problems];
}

/** Question codes shared by instruments that code the question's answers differently (not the same question). */
function questionConflicts(emissions: readonly Emitted[]): string[] {
  const byCode = new Map<string, Emitted[]>();
  for (const e of emissions.filter((x) => x.role === "question"))
    byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  const problems: string[] = [];
  for (const [code, uses] of byCode) {
    const variants = new Set(uses.map((u) => u.answers));
    if (variants.size > 1)
      problems.push(`${code} is asked by ${uses.map((u) => u.instrument).join(", ")} with different answers`);
  }
  return problems;
}

/**
 * Panel and score codes with the one instrument allowed to emit them and the role they play there; an
 * instrument not bundled (yet) reserves its codes, so nobody else may emit them. Public code is known to misuse
 * these: the PHQ-9 total for the PHQ-8 (awell-score), the PHQ-4 total for the GAD-2, the PHQ-2 panel as its
 * total, the AUDIT and AUDIT-C totals swapped, the KOOS JR panel as its score (audit-2026-12, table 1.2 and E8;
 * instruments-2). The PCL-C panel belongs to no instrument here: the PCL-5 is another questionnaire.
 */
const OWNER: Readonly<Record<string, readonly [instrument: string, role: "panel" | "score"]>> = {
  "44249-1": ["phq9", "panel"],
  "44261-6": ["phq9", "score"],
  "55757-9": ["phq2", "panel"],
  "55758-7": ["phq2", "score"],
  "69737-5": ["gad7", "panel"],
  "70274-6": ["gad7", "score"],
  "69724-3": ["phq4", "panel"],
  "70272-0": ["phq4", "score"],
  "97908-8": ["odi", "panel"],
  "97909-6": ["odi", "score"],
  "82226-2": ["ndi", "panel"],
  "82237-9": ["ndi", "score"],
  "91349-1": ["startback", "panel"],
  "91351-7": ["startback", "score"],
  "91350-9": ["startback", "score"],
  "91352-5": ["startback", "score"],
  "91148-7": ["peg", "panel"],
  "91147-9": ["peg", "score"],
  "69728-4": ["phq15", "panel"],
  "70273-8": ["phq15", "score"],
  "72109-2": ["auditc", "panel"],
  "75626-2": ["auditc", "score"],
  "75624-7": ["audit", "score"],
  "102017-1": ["pcptsd5", "score"],
  "96777-8": ["ahchrsn", "panel"],
  "95614-4": ["ahchrsn", "score"],
  "82324-5": ["koosjr", "panel"],
  "82332-8": ["koosjr", "score"],
  "82316-1": ["hoosjr", "panel"],
  "82323-7": ["hoosjr", "score"],
  "70221-7": ["pclc", "panel"],
};

/** Codes shown to be fabricated in public code (audit-2026-12): nobody may emit them. */
const FABRICATED = ["89206-5", "89209-9", "89210-7", "89190-1", "44250-0"];

function ownerConflicts(emissions: readonly Emitted[]): string[] {
  const problems = new Set<string>();
  for (const e of emissions) {
    const known = OWNER[e.code];
    if (known !== undefined && known[0] !== e.instrument)
      problems.add(`${e.instrument} emits ${e.code}, which is ${known[0]}'s`);
    else if (known !== undefined && known[1] !== e.role)
      problems.add(`${e.instrument} emits its ${known[1]} code ${e.code} as a ${e.role} code`);
    if (FABRICATED.includes(e.code)) problems.add(`${e.instrument} emits the fabricated code ${e.code}`);
  }
  return [...problems];
}

/** Panel and score codes a definition declares that the table does not give to it, in that role. */
function unknownDeclared(defs: readonly InstrumentDefinition[]): string[] {
  return defs.flatMap((def) =>
    (["panel", "score"] as const).flatMap((role) => {
      const code = def.loinc?.[role];
      if (code === undefined) return [];
      const known = OWNER[code];
      return known?.[0] === def.id && known[1] === role
        ? []
        : [
            `${def.id} declares ${role} code ${code}, ${known === undefined ? "not in the table" : `the table's ${known[0]} ${known[1]}`}`,
          ];
    }),
  );
}

const bundled = all.flatMap(emitted);

describe("LOINC codes in the resources written", () => {
  it("finds the codes it checks (the collector is not blind)", () => {
    const of = (id: string, role: Role) =>
      bundled.filter((e) => e.instrument === id && e.role === role).map((e) => e.code);
    expect(of("phq9", "panel")).toEqual(["44249-1"]);
    expect(of("phq9", "score")).toContain("44261-6");
    expect(of("phq9", "question")).toHaveLength(10);
    expect(of("ndi", "answer")).toContain("LA25853-5");
    // Every definition's own panel, score and question codes are found in its resources.
    for (const def of all) {
      const mine = bundled.filter((e) => e.instrument === def.id).map((e) => e.code);
      const declared = [def.loinc?.panel, def.loinc?.score, ...def.items.map((it) => it.loinc)].filter(
        (c) => c !== undefined,
      );
      expect(mine, def.id).toEqual(expect.arrayContaining(declared));
    }
    expect(
      new Set(bundled.filter((e) => e.role === "panel" || e.role === "score").map((e) => e.code)).size,
    ).toBeGreaterThanOrEqual(14);
  });

  it("gives every panel and score code to exactly one instrument", () => {
    expect(identityConflicts(bundled)).toEqual([]);
  });

  it("shares a question code only between instruments asking the same question (PHQ-9 items in the PHQ-8 and PHQ-2)", () => {
    expect(questionConflicts(bundled)).toEqual([]);
    const shared = [...new Set(bundled.filter((e) => e.role === "question").map((e) => e.code))].filter(
      (c) => new Set(bundled.filter((e) => e.role === "question" && e.code === c).map((e) => e.instrument)).size > 1,
    );
    expect(shared).toEqual(expect.arrayContaining(["44250-9", "44255-8", "69725-0", "68509-9"]));
  });

  it("has every bundled owner emit its own codes, so the ownership check is not vacuous", () => {
    // Every panel and score code in the registry is in the table, given to the instrument declaring it.
    expect(unknownDeclared(all)).toEqual([]);
    // What an owner emits of its codes is in the role the table gives (reserved codes, such as the STarT Back
    // subscore, or an incoming instrument's panel it does not declare, may go unused) …
    for (const [code, [owner, role]] of Object.entries(OWNER)) {
      const roles = bundled.filter((e) => e.instrument === owner && e.code === code).map((e) => e.role);
      if (roles.length > 0) expect(new Set(roles), `${owner} ${code}`).toEqual(new Set([role]));
    }
    // … and the codes of today's instruments are all emitted, by their owners.
    const today = [
      ...["44249-1", "44261-6", "55757-9", "55758-7", "69737-5", "70274-6", "69724-3", "70272-0"],
      ...["97908-8", "97909-6", "82226-2", "82237-9", "91349-1", "91351-7", "91148-7", "91147-9"],
    ];
    for (const code of today) {
      const owner = OWNER[code]?.[0];
      expect(
        bundled.some((e) => e.instrument === owner && e.code === code),
        `${String(owner)} ${code}`,
      ).toBe(true);
    }
    const of = (id: string, role: Role) =>
      bundled.filter((e) => e.instrument === id && e.role === role).map((e) => e.code);
    expect(of("phq4", "panel")).toEqual(["69724-3"]);
    expect(of("phq4", "score")).toContain("70272-0");
    expect(of("startback", "panel")).toEqual(["91349-1"]);
    expect(of("startback", "score")).toContain("91351-7");
  });

  it("never emits a code that belongs to another instrument, or a fabricated one", () => {
    expect(ownerConflicts(bundled)).toEqual([]);
    const codesOf = (id: string) => new Set(bundled.filter((e) => e.instrument === id).map((e) => e.code));
    for (const c of ["44261-6", "44249-1"]) expect(codesOf("phq8").has(c)).toBe(false);
    for (const c of ["70272-0", "69724-3", "70274-6", "69737-5"]) expect(codesOf("gad2").has(c)).toBe(false);
  });

  describe("catches what it is meant to catch", () => {
    it("a PHQ-8 given the PHQ-9 total (as awell-score does)", () => {
      const bad = emitted({ ...phq8, id: "phq8", loinc: { score: "44261-6" } });
      const rest = bundled.filter((e) => e.instrument !== "phq8");
      expect(identityConflicts([...rest, ...bad])).toContain(
        "44261-6 is phq9's score code but phq8 emits it as a score code",
      );
      expect(ownerConflicts([...rest, ...bad])).toContain("phq8 emits 44261-6, which is phq9's");
    });
    it("a GAD-2 given the PHQ-4 total or panel", () => {
      const bad = emitted({ ...gad2, loinc: { panel: "69724-3", score: "70272-0" } });
      expect(ownerConflicts(bad)).toEqual([
        "gad2 emits 69724-3, which is phq4's",
        "gad2 emits 70272-0, which is phq4's",
      ]);
    });
    it("a code in the wrong role (the PHQ-2 panel as its total), the AUDIT pair swapped, a code not in the table", () => {
      expect(ownerConflicts(emitted({ ...phq2, loinc: { score: "55757-9" } }))).toEqual([
        "phq2 emits its panel code 55757-9 as a score code",
      ]);
      const swapped = { ...phq2, id: "auditc", loinc: { score: "75624-7" } };
      expect(ownerConflicts(emitted(swapped))).toContain("auditc emits 75624-7, which is audit's");
      expect(unknownDeclared([swapped])).toEqual(["auditc declares score code 75624-7, the table's audit score"]);
      expect(unknownDeclared([{ ...phq2, loinc: { panel: "55757-9", score: "12345-6" } }])).toEqual([
        "phq2 declares score code 12345-6, not in the table",
      ]);
      const pcl = { ...phq2, id: "pcl5", loinc: { panel: "70221-7" } };
      expect(ownerConflicts(emitted(pcl))).toEqual(["pcl5 emits 70221-7, which is pclc's"]);
    });
    it("a question code reused with other answers, and another instrument's panel code", () => {
      const reused = {
        ...phq8,
        id: "other",
        loinc: { panel: "44249-1" },
        items: phq8.items.map((it, i) =>
          i === 0 ? { ...it, options: it.options.map((o) => ({ value: o.value, label: o.label })) } : it,
        ),
      };
      const bad = emitted(reused);
      expect(questionConflicts([...bundled, ...bad])).toContain(
        "44250-9 is asked by phq9, phq8, phq2, phq4, other with different answers",
      );
      expect(identityConflicts([...bundled, ...bad])).toContain(
        "44249-1 is phq9's panel code but other emits it as a panel code",
      );
    });
  });

  it("tells every instrument with a panel code from a response to LOINC's form (http://loinc.org/q/<panel>)", () => {
    const panels = all.filter((d) => d.loinc?.panel !== undefined);
    expect(panels.map((d) => d.id).sort()).toEqual(
      expect.arrayContaining(["gad7", "ndi", "odi", "peg", "phq2", "phq4", "phq9", "startback"]),
    );
    for (const def of panels) {
      const qr = {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        questionnaire: `http://loinc.org/q/${def.loinc?.panel ?? ""}`,
      } as const;
      expect(fromQuestionnaireResponse(qr).instrument.id).toBe(def.id);
    }
  });

  it("reads an NDI answered in LOINC's form (LHC-Forms linkIds and answer codes) as the same answers", () => {
    // Shaped as LHC-Forms writes a response to its rendering of panel 76453-0, where the NDI is group 82226-2.
    const codes = [
      ["82227-0", "LA25854-3"],
      ["82228-8", "LA25861-8"],
      ["82229-6", "LA25866-7"],
      ["82230-4", "LA25873-3"],
      ["82231-2", "LA26367-5"],
      ["82232-0", "LA25879-0"],
      ["82233-8", "LA25886-5"],
      ["82234-6", "LA25891-5"],
      ["82235-3", "LA25898-0"],
      ["82236-1", "LA25903-8"],
    ] as const;
    const qr = {
      resourceType: "QuestionnaireResponse",
      status: "completed",
      item: [
        {
          linkId: "/77575-9",
          item: [
            {
              linkId: "/77575-9/82226-2",
              item: codes.map(([q, a]) => ({
                linkId: `/77575-9/82226-2/${q}`,
                answer: [{ valueCoding: { system: LOINC, code: a } }],
              })),
            },
          ],
        },
      ],
    } as const;
    const { answers } = fromQuestionnaireResponse(qr, "ndi");
    expect(Object.values(answers)).toEqual([1, 2, 1, 2, 3, 1, 2, 1, 2, 1]);
    expect(score("ndi", answers).score).toBe(16);
  });

  it("reads a STarT Back answered in LOINC's form (panel 91349-1) by its question codes", () => {
    const codes = ["91340-0", "91341-8", "91342-6", "91343-4", "91344-2", "91345-9", "91346-7", "91347-5", "91348-3"];
    const values = [1, 0, 1, 1, 1, 0, 1, 1, 3];
    const qr = {
      resourceType: "QuestionnaireResponse",
      status: "completed",
      questionnaire: "http://loinc.org/q/91349-1",
      item: codes.map((c, i) => ({ linkId: `/91349-1/${c}`, answer: [{ valueInteger: values[i] as number }] })),
    } as const;
    const read = fromQuestionnaireResponse(qr);
    expect(read.instrument.id).toBe("startback");
    expect(Object.values(read.answers)).toEqual(values);
    expect(score("startback", read.answers).band?.id).toBe("high");
  });
});
