// The R4 JSON shape of a QuestionnaireResponse and of the Questionnaire it answers, checked before anything is
// read: what is not of that shape is an issue naming the linkId, never a TypeError, a RangeError or an answer
// silently dropped (an `answer` that is an object instead of an array once lost PHQ-9 item 9 and its flag).
import { describeValue } from "../errors.js";

/** One problem with the shape, as {@link FhirImportError} reports it. */
export interface ShapeIssue {
  readonly linkId: string | null;
  readonly value: unknown;
  readonly message: string;
}

/** The statuses of a QuestionnaireResponse in R4. */
export const RESPONSE_STATUSES = ["in-progress", "completed", "amended", "entered-in-error", "stopped"] as const;

/**
 * Deepest nesting of items (through groups and answers) read. Forms nest a few levels; the bound keeps the
 * walk small and makes a response nested deeper (or an object graph with a cycle) an issue, not a RangeError.
 */
export const MAX_DEPTH = 64;

type Obj = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** An item to check, with where it sits: its parent item's linkId and its path under that parent. */
interface Pending {
  readonly node: unknown;
  readonly parent: string | null;
  readonly at: string;
  readonly depth: number;
}

class Shape {
  readonly issues: ShapeIssue[] = [];
  // Each item object is read once: a graph that repeats one (JSON never does) could otherwise take forever.
  private readonly seen = new Set<object>();

  say(linkId: string | null, value: unknown, message: string): void {
    this.issues.push({ linkId, value, message });
  }

  /** An optional array field's entries; none, with an issue, when it holds something else. */
  list(owner: Obj, key: string, linkId: string | null, at: string): readonly unknown[] {
    const v = owner[key];
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    this.say(linkId, v, `${at}${key} must be an array, got ${describeValue(v)}`);
    return [];
  }

  /** An optional array field whose entries must be objects: the objects, with an issue per other entry. */
  objects(owner: Obj, key: string, linkId: string | null, at: string, what: string): Obj[] {
    const out: Obj[] = [];
    this.list(owner, key, linkId, at).forEach((v, i) => {
      if (isObject(v)) out.push(v);
      else this.say(linkId, v, `${at}${key}[${String(i)}] is ${describeValue(v)}, not ${what}`);
    });
    return out;
  }

  /** Optional fields that must be strings when present. */
  strings(owner: Obj, keys: readonly string[], linkId: string | null, at: string): void {
    for (const key of keys) {
      const v = owner[key];
      if (v !== undefined && typeof v !== "string")
        this.say(linkId, v, `${at}${key} must be a string, got ${describeValue(v)}`);
    }
  }

  coding(c: Obj, linkId: string | null, at: string): void {
    this.strings(c, ["system", "version", "code", "display"], linkId, at);
    this.extensions(c, linkId, at);
  }

  codings(owner: Obj, key: string, linkId: string | null, at: string): void {
    this.objects(owner, key, linkId, at, "a Coding").forEach((c, i) => {
      this.coding(c, linkId, `${at}${key}[${String(i)}].`);
    });
  }

  extensions(owner: Obj, linkId: string | null, at: string): void {
    this.objects(owner, "extension", linkId, at, "an extension").forEach((e, i) => {
      const here = `${at}extension[${String(i)}].`;
      if (typeof e["url"] !== "string")
        this.say(linkId, e["url"], `${here}url must be a string, got ${describeValue(e["url"])}`);
      const d = e["valueDecimal"];
      if (d !== undefined && (typeof d !== "number" || !Number.isFinite(d)))
        this.say(linkId, d, `${here}valueDecimal must be a number, got ${describeValue(d)}`);
    });
  }

  /** An answer's value[x]: a Coding, or a primitive of the type its name says. */
  answer(a: Obj, linkId: string, at: string): void {
    for (const key of Object.keys(a)) {
      if (!key.startsWith("value")) continue;
      const v = a[key];
      if (key === "valueCoding") {
        if (isObject(v)) this.coding(v, linkId, `${at}valueCoding.`);
        else this.say(linkId, v, `${at}valueCoding must be a Coding (an object), got ${describeValue(v)}`);
        continue;
      }
      const want =
        key === "valueInteger" || key === "valueDecimal"
          ? "number"
          : key === "valueBoolean"
            ? "boolean"
            : /^value(Quantity|Reference|Attachment)$/.test(key)
              ? "object"
              : "string";
      const ok =
        want === "object"
          ? isObject(v)
          : want === "number"
            ? typeof v === "number" && Number.isFinite(v)
            : typeof v === want;
      if (!ok)
        this.say(
          linkId,
          v,
          `${at}${key} must be ${want === "object" ? "an object" : `a ${want}`}, got ${describeValue(v)}`,
        );
    }
    this.extensions(a, linkId, at);
  }

  /**
   * Walks items with an explicit stack, in document order; `check` checks one item (its linkId known) and
   * returns the objects whose `item` lists hold its children, each with its path under the item.
   */
  items(root: Obj, kind: string, check: (item: Obj, linkId: string) => readonly (readonly [Obj, string])[]): void {
    const stack: Pending[] = [];
    const push = (owner: Obj, parent: string | null, prefix: string, depth: number): void => {
      const list = this.list(owner, "item", parent, prefix);
      for (let i = list.length - 1; i >= 0; i--)
        stack.push({ node: list[i], parent, at: `${prefix}item[${String(i)}]`, depth });
    };
    push(root, null, "", 1);
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const { node, parent, at, depth } = next;
      if (depth > MAX_DEPTH) {
        this.say(parent, undefined, `items are nested more than ${String(MAX_DEPTH)} levels deep`);
        return;
      }
      if (!isObject(node)) {
        this.say(parent, node, `${at} is ${describeValue(node)}, not ${kind}`);
        continue;
      }
      if (this.seen.has(node)) {
        this.say(
          parent,
          undefined,
          `${at} is the same object as an item met before (a response read from JSON never repeats one)`,
        );
        continue;
      }
      this.seen.add(node);
      const linkId = node["linkId"];
      if (typeof linkId !== "string" || linkId === "") {
        this.say(parent, linkId, `${at}.linkId must be a non-empty string, got ${describeValue(linkId)}`);
        continue;
      }
      const owners = check(node, linkId);
      // Pushed last first, so the item's own children are read before those under its answers, as written.
      for (let i = owners.length - 1; i >= 0; i--) {
        const [owner, prefix] = owners[i] as readonly [Obj, string];
        push(owner, linkId, prefix, depth + 1);
      }
    }
  }

  /** A Questionnaire: its url and codes (which tell the instrument) and its items' codes and answer options. */
  form(q: Obj, at: string): void {
    if (q["resourceType"] !== "Questionnaire")
      this.say(
        null,
        q["resourceType"],
        `${at}resourceType must be "Questionnaire", got ${describeValue(q["resourceType"])}`,
      );
    this.strings(q, ["id", "url"], null, at);
    this.codings(q, "code", null, at);
    this.items(q, "a Questionnaire item", (it, linkId) => {
      this.codings(it, "code", linkId, "");
      this.objects(it, "answerOption", linkId, "", "an answer option").forEach((o, i) => {
        const here = `answerOption[${String(i)}].`;
        const c = o["valueCoding"];
        if (c !== undefined) {
          if (isObject(c)) this.coding(c, linkId, `${here}valueCoding.`);
          else this.say(linkId, c, `${here}valueCoding must be a Coding (an object), got ${describeValue(c)}`);
        }
        this.extensions(o, linkId, here);
      });
      return [[it, ""]];
    });
  }
}

/**
 * Every way the response (and the Questionnaire passed with it, if any) departs from the R4 JSON shape of the
 * fields stepscore reads: status, questionnaire, contained resources, items, answers, codings, extensions.
 * The response itself must already be an object with resourceType "QuestionnaireResponse".
 */
export function shapeIssues(qr: Obj, form: unknown): ShapeIssue[] {
  const s = new Shape();
  const status = qr["status"];
  if (typeof status !== "string" || !(RESPONSE_STATUSES as readonly string[]).includes(status)) {
    s.say(
      null,
      status,
      `status must be one of ${RESPONSE_STATUSES.map((x) => `"${x}"`).join(", ")}, got ${describeValue(status)}`,
    );
  }
  s.strings(qr, ["id", "questionnaire", "authored"], null, "");
  s.objects(qr, "contained", null, "", "a resource").forEach((r, i) => {
    if (typeof r["resourceType"] !== "string")
      s.say(
        null,
        r["resourceType"],
        `contained[${String(i)}].resourceType must be a string, got ${describeValue(r["resourceType"])}`,
      );
    else if (r["resourceType"] === "Questionnaire") s.form(r, `contained[${String(i)}].`);
    s.strings(r, ["id"], null, `contained[${String(i)}].`);
  });
  if (form !== undefined) {
    if (isObject(form)) s.form(form, "options.questionnaire.");
    else s.say(null, form, `options.questionnaire must be a Questionnaire, got ${describeValue(form)}`);
  }
  s.items(qr, "an item", (item, linkId) => {
    s.strings(item, ["definition"], linkId, "");
    const owners: (readonly [Obj, string])[] = [[item, ""]];
    s.list(item, "answer", linkId, "").forEach((a, i) => {
      const at = `answer[${String(i)}]`;
      if (!isObject(a)) {
        s.say(linkId, a, `${at} is ${describeValue(a)}, not an answer`);
        return;
      }
      s.answer(a, linkId, `${at}.`);
      owners.push([a, `${at}.`]);
    });
    return owners;
  });
  return s.issues;
}
