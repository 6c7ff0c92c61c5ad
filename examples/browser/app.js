// A form for any bundled instrument, rendered from its definition and scored on every change. The latest
// result of each questionnaire answered is kept, and the stepped-care panel evaluates the default pathway
// (stratify) over all of them.
import { instruments, safeScore, stratify } from "../../dist/index.js";

const select = document.querySelector("#instrument");
const form = document.querySelector("#form");
const about = document.querySelector("#about");
const result = document.querySelector("#result");
const safety = document.querySelector("#safety");
const careSummary = document.querySelector("#care-summary");
const careUrgent = document.querySelector("#care-urgent");
const careDetails = document.querySelector("#care-details");

/** The answers given so far, by instrument id (kept when another questionnaire is chosen). */
const drafts = new Map();
/** The latest result of each questionnaire with at least one valid answer, by instrument id. */
const results = new Map();

const OPS = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=" };
const KINDS = { urgent: "Urgent", domain: "Elevated domain", "follow-up": "Follow-up" };

for (const def of Object.values(instruments)) {
  select.append(new Option(optionText(def), def.id));
}

function optionText(def) {
  return `${def.shortTitle}: ${def.title}${results.has(def.id) ? " (answered)" : ""}`;
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function fmt(v) {
  return typeof v === "number" ? String(Math.round(v * 100) / 100) : String(v);
}

function title(id) {
  return instruments[id]?.shortTitle ?? id;
}

function render(def) {
  form.replaceChildren();
  about.replaceChildren(
    el("h2", { id: "about-heading", textContent: def.shortTitle }),
    el("p", { textContent: def.description }),
    el("p", { className: "muted", textContent: def.licence.attribution ?? `© ${def.licence.rightsHolder}` }),
    el("p", { className: "muted", textContent: def.licence.terms }),
  );
  for (const item of def.items) {
    const name = `item-${item.id}`;
    const fieldset = el("fieldset", { id: `fs-${item.id}` }, el("legend", { textContent: `${item.id}. ${item.text ?? item.label}` }));
    if (item.kind === "time") {
      fieldset.append(el("input", { type: "time", name, ariaLabel: item.label }));
    } else if (item.kind === "number") {
      fieldset.append(el("input", { type: "number", name, min: item.min, max: item.max, step: item.integer ? 1 : "any", ariaLabel: item.label }), ` ${item.unit ?? ""}`);
    } else {
      const options = el("div", { className: "options" });
      for (const o of item.options) {
        options.append(el("label", {}, el("input", { type: "radio", name, value: String(o.value) }), ` ${o.label}`));
      }
      fieldset.append(options);
    }
    form.append(fieldset);
  }
  // Going back to a questionnaire shows the answers already given.
  for (const [name, value] of drafts.get(def.id) ?? []) {
    const field = form.elements.namedItem(name);
    if (field) field.value = value;
  }
  update(def);
}

function answers(def) {
  const data = new FormData(form);
  const out = {};
  for (const item of def.items) {
    const raw = data.get(`item-${item.id}`);
    if (raw === null || raw === "") continue;
    out[item.id] = item.kind === "time" ? raw : Number(raw);
  }
  return out;
}

function update(def) {
  const given = answers(def);
  drafts.set(def.id, [...new FormData(form)]);
  const r = safeScore(def, given);
  if (!r.success) {
    result.replaceChildren(el("p", { className: "error", textContent: r.error.message }));
    safety.hidden = true;
    remember(def, null);
    return;
  }
  remember(def, Object.keys(given).length > 0 ? r.data : null);
  const { score, band, flags, reason, subscales, missing } = r.data;
  const parts = [
    el("div", { id: "score", textContent: score === null ? "—" : fmt(score) }),
    el("div", { id: "band", textContent: band ? band.label : "" }),
  ];
  if (reason) parts.push(el("p", { id: "reason", className: "muted", textContent: reason }));
  const subs = Object.entries(subscales);
  if (subs.length > 0) {
    parts.push(el("ul", { id: "subscales" }, ...subs.map(([k, v]) => el("li", { textContent: `${k}: ${v === null ? "—" : fmt(v)}` }))));
  }
  parts.push(el("p", { className: "muted", textContent: `${String(def.items.length - missing.length)} of ${String(def.items.length)} answered` }));
  result.replaceChildren(...parts);
  const urgent = flags.filter((f) => f.id === "self-harm");
  safety.hidden = urgent.length === 0;
  safety.textContent = urgent.map((f) => f.message).join(" ");
  const other = flags.filter((f) => f.id !== "self-harm");
  if (other.length > 0) result.append(el("ul", { id: "flags" }, ...other.map((f) => el("li", { textContent: `${f.label}: ${f.message}` }))));
}

/** Keeps (or, with null, forgets) an instrument's result, then recomputes the stepped-care panel. */
function remember(def, scored) {
  if (scored === null) results.delete(def.id);
  else results.set(def.id, scored);
  const option = [...select.options].find((o) => o.value === def.id);
  if (option) option.text = optionText(def);
  renderCare();
}

function section(heading, id, items) {
  if (items.length === 0) return [];
  return [el("h3", { textContent: heading }), el("ul", { id }, ...items)];
}

/** One condition that held: what was read, the value observed and the threshold it was compared with. */
function evidence(e) {
  const read = { score: e.scale, band: `${e.scale} band`, flag: "flag", item: `item ${e.item}` }[e.kind];
  const threshold = e.op === null ? fmt(e.threshold) : `${OPS[e.op]} ${fmt(e.threshold)}`;
  return el(
    "li",
    {},
    `${title(e.instrument)} ${read}: observed `,
    el("strong", { textContent: fmt(e.observed) }),
    ", threshold ",
    el("strong", { textContent: threshold }),
    el("span", { className: "muted", textContent: ` (source: ${e.source.key}${e.designChoice ? "; design choice" : ""})` }),
  );
}

function renderCare() {
  if (results.size === 0) {
    careSummary.textContent = "Answer one or more questionnaires to see the recommended step of care.";
    careUrgent.hidden = true;
    careUrgent.replaceChildren();
    careDetails.replaceChildren();
    return;
  }
  const s = stratify([...results.values()]);
  // A null step means nothing the pathway uses has a score: say so rather than show a step.
  careSummary.replaceChildren(
    el("span", { id: "care-step", textContent: s.step === null ? "Not assessed" : `Step ${String(s.step)}` }),
    ...(s.step === null ? [] : [": ", el("span", { id: "care-label", textContent: s.stepLabel })]),
  );

  careUrgent.hidden = !s.urgent;
  careUrgent.replaceChildren(
    ...(s.urgent
      ? [
          el("strong", { textContent: "Urgent, whatever the step" }),
          el("ul", {}, ...s.urgentActions.map((u) => el("li", {}, el("strong", { textContent: `${u.label}: ` }), u.action))),
        ]
      : []),
  );

  const used = [...results.values()].map((r) =>
    el("li", { textContent: `${title(r.instrument)}: ${r.score === null ? "no score" : fmt(r.score)}${r.band ? ` (${r.band.label})` : ""}` }),
  );
  const reasons = s.reasons.map((r) =>
    el(
      "li",
      { className: `reason ${r.kind}` },
      el("span", { className: "kind", textContent: r.kind === "step" ? `Step ${String(r.step)}` : KINDS[r.kind] }),
      " ",
      el("strong", { textContent: r.label }),
      " ",
      el("code", { textContent: r.rule }),
      r.designChoice ? el("span", { className: "muted", textContent: " (design choice)" }) : "",
      r.evidence.length > 0 ? el("ul", {}, ...r.evidence.map(evidence)) : "",
    ),
  );
  const targets = s.targets.map((t) => el("li", {}, el("strong", { textContent: `${t.label}: ` }), t.intervention));
  const missing = s.missing.map((m) =>
    el(
      "li",
      { className: m.couldRaiseStep ? "raises" : "" },
      el("strong", { textContent: m.label }),
      ` (${m.instruments.map(title).join(", ")})${m.status === "screen-positive" ? ", screened positive" : ""}: `,
      m.couldRaiseStepTo === null ? "would not raise the step" : `could raise the step to ${String(m.couldRaiseStepTo)}`,
    ),
  );
  const followUps = s.followUps.map((f) => el("li", {}, el("strong", { textContent: `${f.label}: ` }), `${f.recommend}${f.pending ? "" : " (done)"}`));
  const unchecked = s.urgentNotChecked.map((u) => el("li", { textContent: `${u.label}: ${u.reason}` }));
  const notUsed = s.notUsed.map((n) => el("li", { textContent: `${title(n.instrument)}: ${n.reason}` }));

  careDetails.replaceChildren(
    el("p", { id: "care-care", textContent: s.care }),
    ...section("Based on", "care-used", used),
    ...section("Why", "care-reasons", reasons),
    ...section("Targets", "care-targets", targets),
    ...section("Not yet assessed", "care-missing", missing),
    ...(s.missingCouldRaiseStepTo === null ? [] : [el("p", { className: "muted", textContent: `Assessing all of these could raise the step to ${String(s.missingCouldRaiseStepTo)}.` })]),
    ...section("Follow-ups", "care-follow-ups", followUps),
    ...section("Urgent checks not done", "care-unchecked", unchecked),
    ...section("Not used", "care-not-used", notUsed),
    el("p", { className: "muted", textContent: `Pathway ${s.pathway.id} ${s.pathway.version}. Decision support for a clinician, not a diagnosis.` }),
  );
}

select.addEventListener("change", () => render(instruments[select.value]));
form.addEventListener("change", () => update(instruments[select.value]));
form.addEventListener("input", () => update(instruments[select.value]));
render(instruments[select.value]);
