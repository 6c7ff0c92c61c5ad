// A form for any bundled instrument, rendered from its definition and scored on every change. A person is
// assessed at a baseline and at any number of reassessments, each with its own date and answers. The
// stepped-care panel evaluates the default pathway (stratify) over the chosen assessment's results; "Over
// time" follows the person across all of them with progress.
import { defaultPathway, instruments, progress, safeScore, stratify } from "../../dist/index.js";

const select = document.querySelector("#instrument");
const form = document.querySelector("#form");
const about = document.querySelector("#about");
const result = document.querySelector("#result");
const careSummary = document.querySelector("#care-summary");
const careUrgent = document.querySelector("#care-urgent");
const careDetails = document.querySelector("#care-details");
const tabs = document.querySelector("#assessment-tabs");
const dateInput = document.querySelector("#assessment-date");
const addButton = document.querySelector("#add-assessment");
const progressBody = document.querySelector("#progress-body");

/** Days between a new reassessment and the one before it, by default: the pathway's first review window (weeks 4–8). */
const REASSESS_AFTER_DAYS = 28;

/**
 * The assessments: a date, the answers given so far by instrument id (kept when another questionnaire is
 * chosen) and the latest result of each questionnaire with at least one valid answer.
 */
const assessments = [{ date: isoDate(new Date()), drafts: new Map(), results: new Map() }];
let current = 0;

/** The date as YYYY-MM-DD: the local calendar day for today, the UTC day for dates computed from another. */
function isoDate(d, utc = false) {
  const [y, m, day] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]
    : [d.getFullYear(), d.getMonth(), d.getDate()];
  return `${String(y)}-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d, true);
}

function assessmentName(i) {
  return i === 0 ? "Baseline" : `Reassessment ${String(i)}`;
}

const KINDS = { urgent: "Urgent", domain: "Elevated domain", "follow-up": "Follow-up" };
const ACTIONS = {
  "step-up": "Step up",
  review: "Review the plan",
  continue: "Continue",
  "step-down": "Step down",
  "not-assessed": "Not assessed",
};
const STATUSES = {
  remission: "Remission",
  response: "Response",
  "reliable-improvement": "Reliable improvement",
  "no-reliable-change": "No reliable change",
  "reliable-deterioration": "Reliable deterioration",
  "baseline-only": "Baseline only (not yet reassessed)",
  "not-scored": "Not scored",
};

for (const def of Object.values(instruments)) {
  select.append(new Option(optionText(def), def.id));
}

function here() {
  return assessments[current];
}

function optionText(def) {
  return `${def.shortTitle}: ${def.title}${here().results.has(def.id) ? " (answered)" : ""}`;
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

function fmt(v) {
  return typeof v === "number" ? String(Math.round(v * 100) / 100) : String(v);
}

function signed(v) {
  return v > 0 ? `+${fmt(v)}` : v < 0 ? `−${fmt(-v)}` : "0";
}

function title(id) {
  return instruments[id]?.shortTitle ?? id;
}

/** The item a flag reads, when it reads one (the PHQ-9's self-harm flag reads item 9). */
function flagItem(flag) {
  return "item" in flag.when ? flag.when.item : null;
}

function render(def) {
  form.replaceChildren();
  const aboutParts = [
    el("h2", { id: "about-heading", textContent: def.shortTitle }),
    el("p", { textContent: def.description }),
  ];
  // The instruction stem is wording: shown only where the licence allows it and the definition carries it.
  if (def.licence.redistributeWording && def.instructions !== undefined) {
    aboutParts.push(el("p", { id: "instructions", textContent: def.instructions }));
  } else if (def.recall !== undefined) {
    aboutParts.push(el("p", { id: "recall", textContent: `Recall period: ${def.recall}.` }));
  }
  aboutParts.push(
    el("p", { className: "muted", textContent: def.licence.attribution ?? `© ${def.licence.rightsHolder}` }),
    el("p", { className: "muted", textContent: def.licence.terms }),
  );
  about.replaceChildren(...aboutParts);
  for (const item of def.items) {
    const name = `item-${item.id}`;
    const fieldset = el(
      "fieldset",
      { id: `fs-${item.id}` },
      el("legend", { textContent: `${item.id}. ${item.text ?? item.label}` }),
    );
    if (item.kind === "time") {
      fieldset.append(el("input", { type: "time", name, ariaLabel: item.label }));
    } else if (item.kind === "number") {
      fieldset.append(
        el("input", {
          type: "number",
          name,
          min: item.min,
          max: item.max,
          step: item.integer ? 1 : "any",
          ariaLabel: item.label,
        }),
        ` ${item.unit ?? ""}`,
      );
    } else {
      const options = el("div", { className: "options" });
      for (const o of item.options) {
        options.append(el("label", {}, el("input", { type: "radio", name, value: String(o.value) }), ` ${o.label}`));
      }
      fieldset.append(options);
    }
    // A flag that reads this item is shown right under it, where the answer that raised it was given.
    for (const flag of def.flags ?? []) {
      if (flagItem(flag) !== item.id) continue;
      const urgent = flag.id === "self-harm";
      fieldset.append(
        el("div", {
          id: urgent ? "safety" : `flag-${flag.id}`,
          className: `item-alert${urgent ? " urgent" : ""}`,
          role: "alert",
          hidden: true,
        }),
      );
    }
    form.append(fieldset);
  }
  // Going back to a questionnaire (or to an assessment) shows the answers already given.
  for (const [name, value] of here().drafts.get(def.id) ?? []) {
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
  here().drafts.set(def.id, [...new FormData(form)]);
  const r = safeScore(def, given);
  const alerts = form.querySelectorAll(".item-alert");
  if (!r.success) {
    result.replaceChildren(el("p", { className: "error", textContent: r.error.message }));
    for (const a of alerts) a.hidden = true;
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
    parts.push(
      el(
        "ul",
        { id: "subscales" },
        ...subs.map(([k, v]) => el("li", { textContent: `${k}: ${v === null ? "—" : fmt(v)}` })),
      ),
    );
  }
  parts.push(
    el("p", {
      className: "muted",
      textContent: `${String(def.items.length - missing.length)} of ${String(def.items.length)} answered`,
    }),
  );
  result.replaceChildren(...parts);
  const byItem = new Set((def.flags ?? []).filter((f) => flagItem(f) !== null).map((f) => f.id));
  for (const a of alerts) {
    const raised = flags.find((f) => (a.id === "safety" ? f.id === "self-harm" : `flag-${f.id}` === a.id));
    const appears = a.hidden && raised !== undefined;
    a.hidden = raised === undefined;
    a.textContent = raised ? raised.message : "";
    // Just raised by the answer above it: brought on screen (on a phone it would sit below the fold).
    if (appears) a.scrollIntoView({ block: "nearest" });
  }
  const urgent = flags.filter((f) => f.id === "self-harm");
  if (urgent.length > 0)
    result.append(
      el("p", {
        id: "result-urgent",
        className: "error",
        textContent: `${urgent[0].label}: see the alert under the item.`,
      }),
    );
  const other = flags.filter((f) => !byItem.has(f.id));
  if (other.length > 0)
    result.append(
      el("ul", { id: "flags" }, ...other.map((f) => el("li", { textContent: `${f.label}: ${f.message}` }))),
    );
}

/** Keeps (or, with null, forgets) an instrument's result in the chosen assessment, then recomputes both panels. */
function remember(def, scored) {
  if (scored === null) here().results.delete(def.id);
  else here().results.set(def.id, scored);
  const option = [...select.options].find((o) => o.value === def.id);
  if (option) option.text = optionText(def);
  renderCare();
  renderProgress();
}

function section(heading, id, items) {
  if (items.length === 0) return [];
  return [el("h3", { textContent: heading }), el("ul", { id }, ...items)];
}

/** What a condition observed, in the library's words; a flag is named by its label in the definition. */
function evidenceText(e) {
  if (e.kind === "flag") {
    const flag = instruments[e.instrument]?.flags?.find((f) => f.id === e.observed);
    if (flag) return `${title(e.instrument)}: ${flag.label}`;
  }
  return e.text;
}

function sourceNote(source, designChoice) {
  return el("span", {
    className: "muted source",
    textContent: ` (${source.text ?? source.key}${designChoice ? "; the pathway's own choice" : ""})`,
  });
}

/** One condition that held, in words, with the source of its threshold. */
function evidence(e) {
  return el("li", {}, evidenceText(e), sourceNote(e.source, e.designChoice));
}

function renderCare() {
  const { results } = here();
  document.querySelector("#care-assessment").textContent = `(${assessmentName(current)})`;
  document.querySelector("#result-assessment").textContent = `(${assessmentName(current)})`;
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
          el(
            "ul",
            {},
            ...s.urgentActions.map((u) => el("li", {}, el("strong", { textContent: `${u.label}: ` }), u.action)),
          ),
        ]
      : []),
  );

  const used = [...results.values()].map((r) =>
    el("li", {
      textContent: `${title(r.instrument)}: ${r.score === null ? "no score" : fmt(r.score)}${r.band ? ` (${r.band.label})` : ""}`,
    }),
  );
  // Rules are named by their label; the id is kept as data for scripts, never shown.
  const reasons = s.reasons.map((r) => {
    const li = el(
      "li",
      { className: `reason ${r.kind}` },
      el("span", { className: "kind", textContent: r.kind === "step" ? `Step ${String(r.step)}` : KINDS[r.kind] }),
      " ",
      el("strong", { textContent: r.label }),
      r.designChoice ? el("span", { className: "muted", textContent: " (the pathway's own choice)" }) : "",
      r.evidence.length > 0 ? el("ul", {}, ...r.evidence.map(evidence)) : "",
    );
    li.dataset.rule = r.rule;
    return li;
  });
  const targets = s.targets.map((t) => el("li", {}, el("strong", { textContent: `${t.label}: ` }), t.intervention));
  const missing = s.missing.map((m) =>
    el(
      "li",
      { className: m.couldRaiseStep ? "raises" : "" },
      el("strong", { textContent: m.label }),
      ` (${m.instruments.map(title).join(", ")})${m.status === "screen-positive" ? ", screened positive" : ""}: `,
      m.couldRaiseStepTo === null
        ? "would not raise the step"
        : `could raise the step to ${String(m.couldRaiseStepTo)}`,
    ),
  );
  const followUps = s.followUps.map((f) =>
    el("li", {}, el("strong", { textContent: `${f.label}: ` }), `${f.recommend}${f.pending ? "" : " (done)"}`),
  );
  const unchecked = s.urgentNotChecked.map((u) => el("li", { textContent: `${u.label}: ${u.reason}` }));
  const notUsed = s.notUsed.map((n) => el("li", { textContent: `${title(n.instrument)}: ${n.reason}` }));

  careDetails.replaceChildren(
    el("p", { id: "care-care", textContent: s.care }),
    ...section("Based on", "care-used", used),
    ...section("Why", "care-reasons", reasons),
    ...section("Targets", "care-targets", targets),
    ...section("Not yet assessed", "care-missing", missing),
    ...(s.missingCouldRaiseStepTo === null
      ? []
      : [
          el("p", {
            className: "muted",
            textContent: `Assessing all of these could raise the step to ${String(s.missingCouldRaiseStepTo)}.`,
          }),
        ]),
    ...section("Follow-ups", "care-follow-ups", followUps),
    ...section("Urgent checks not done", "care-unchecked", unchecked),
    ...section("Not used", "care-not-used", notUsed),
    el("p", {
      className: "muted",
      textContent: `Pathway ${s.pathway.id} ${s.pathway.version}. Decision support for a clinician, not a diagnosis.`,
    }),
  );
}

/** The assessment buttons and the chosen one's date. */
function renderAssessments() {
  tabs.replaceChildren(
    ...assessments.map((a, i) => {
      const b = el("button", {
        type: "button",
        className: "assessment",
        textContent: `${assessmentName(i)} · ${a.date || "no date"}`,
      });
      b.dataset.index = String(i);
      b.setAttribute("aria-pressed", String(i === current));
      b.addEventListener("click", () => choose(i));
      return b;
    }),
  );
  dateInput.value = here().date;
  dateInput.ariaLabel = `Date of the ${assessmentName(current).toLowerCase()}`;
}

function choose(i) {
  current = i;
  renderAssessments();
  for (const o of select.options) o.text = optionText(instruments[o.value]);
  render(instruments[select.value]);
}

/** Every dated result of every assessment, as `progress` takes them. */
function history() {
  return assessments
    .filter((a) => a.date !== "")
    .flatMap((a) => [...a.results.values()].map((result) => ({ at: a.date, result })));
}

function stepText(step) {
  if (step === null) return "Not assessed";
  const label = defaultPathway.steps.find((s) => s.step === step)?.label;
  return `Step ${String(step)}${label ? `: ${label}` : ""}`;
}

/** A small line chart of one instrument's scores against weeks since its first assessment. */
function chart(ip) {
  const def = instruments[ip.instrument];
  const scale =
    ip.scale === "total" || def?.score?.id === ip.scale ? def?.score : def?.subscales?.find((s) => s.id === ip.scale);
  const scored = ip.points.filter((p) => p.score !== null);
  const lo = Math.min(scale?.min ?? 0, ...scored.map((p) => p.score));
  const hi = Math.max(scale?.max ?? 1, ...scored.map((p) => p.score));
  const weeks = Math.max(0, ...ip.points.map((p) => p.weeks));
  // One assessment only: a week's width, so the single point sits at the left.
  const span = Math.max(1, weeks);
  const W = 320;
  const H = 120;
  const pad = { l: 30, r: 10, t: 8, b: 22 };
  const x = (w) => pad.l + (w / span) * (W - pad.l - pad.r);
  const y = (v) => pad.t + (1 - (v - lo) / (hi - lo || 1)) * (H - pad.t - pad.b);
  const nodes = [
    svg("line", { x1: pad.l, y1: y(lo), x2: W - pad.r, y2: y(lo), class: "axis" }),
    svg("line", { x1: pad.l, y1: y(lo), x2: pad.l, y2: y(hi), class: "axis" }),
    svg("text", { x: pad.l - 4, y: y(hi) + 4, "text-anchor": "end" }, fmt(hi)),
    svg("text", { x: pad.l - 4, y: y(lo) + 4, "text-anchor": "end" }, fmt(lo)),
    svg("text", { x: W - pad.r, y: H - 4, "text-anchor": "end" }, `${fmt(weeks)} week${weeks === 1 ? "" : "s"}`),
  ];
  if (scored.length > 1)
    nodes.push(
      svg("polyline", { points: scored.map((p) => `${fmt(x(p.weeks))},${fmt(y(p.score))}`).join(" "), class: "line" }),
    );
  for (const p of scored) {
    nodes.push(
      svg(
        "circle",
        { cx: x(p.weeks), cy: y(p.score), r: 4, class: "point" },
        svg("title", {}, `${p.at}: ${fmt(p.score)}`),
      ),
    );
  }
  return svg(
    "svg",
    {
      viewBox: `0 0 ${String(W)} ${String(H)}`,
      class: "chart",
      role: "img",
      "aria-label": `${title(ip.instrument)} ${ip.scale} over ${fmt(weeks)} weeks: ${scored.map((p) => fmt(p.score)).join(", ")}`,
    },
    ...nodes,
  );
}

/** The change from baseline to latest, in words, from compareScores as progress gives it. */
function changeText(c) {
  const parts = [`${fmt(c.before)} → ${fmt(c.after)}: ${signed(c.change)} points`];
  if (c.percentChange !== null) parts[0] += ` (${signed(c.percentChange)} %)`;
  parts[0] += `, ${c.direction}`;
  if (c.reliableChange.available) {
    parts.push(
      `${c.reliableChange.reliable ? "reliable" : "not reliable"} (reliable change needs ${fmt(c.reliableChange.threshold)} points)`,
    );
  }
  if (c.mcid.available && c.mcid.reached !== null)
    parts.push(
      `${c.mcid.reached ? "reaches" : "below"} the minimal important change of ${fmt(c.mcid.threshold)}${c.mcid.unit === "percent" ? " %" : " points"}`,
    );
  if (c.response.available && c.response.met !== null) parts.push(`response: ${c.response.met ? "yes" : "no"}`);
  if (c.remission.available && c.remission.met !== null) parts.push(`remission: ${c.remission.met ? "yes" : "no"}`);
  return parts.join("; ");
}

function trajectory(ip) {
  const rows = ip.points.map((p) =>
    el(
      "tr",
      {},
      el("td", { textContent: p.at }),
      el("td", { textContent: fmt(p.weeks) }),
      el("td", { className: "num", textContent: p.score === null ? "—" : fmt(p.score) }),
      el("td", { textContent: p.band?.label ?? (p.score === null ? (p.result.reason ?? "no score") : "") }),
    ),
  );
  const table = el(
    "table",
    { className: "points" },
    el(
      "thead",
      {},
      el("tr", {}, ...["Date", "Weeks", "Score", "Band"].map((h) => el("th", { scope: "col", textContent: h }))),
    ),
    el("tbody", {}, ...rows),
  );
  const box = el(
    "section",
    { className: "trajectory" },
    el("h3", { textContent: `${title(ip.instrument)} ${ip.scale}` }),
    el("p", { className: "status", textContent: STATUSES[ip.status] }),
    ...(ip.change ? [el("p", { className: "change", textContent: changeText(ip.change) })] : []),
    chart(ip),
    el("div", { className: "table-wrap" }, table),
  );
  box.dataset.instrument = ip.instrument;
  return box;
}

function reasonItem(r) {
  const li = el(
    "li",
    { className: `reason ${r.applied ? "applied" : ""}` },
    el("span", {
      className: "kind",
      textContent: ACTIONS[r.effect] + (r.step !== null && r.effect === r.action ? ` to step ${String(r.step)}` : ""),
    }),
    " ",
    el("strong", { textContent: r.label }),
    el("p", { className: "advice", textContent: r.advice }),
    ...(r.blocked ? [el("p", { className: "muted", textContent: `Not applied as asked: ${r.blocked}.` })] : []),
    el("ul", {}, ...r.evidence.map((e) => el("li", { textContent: e.text }))),
    el("p", {
      className: "muted source",
      textContent: `Source: ${r.source.text ?? r.source.key}${r.designChoice ? " (the pathway's own choice)" : ""}`,
    }),
  );
  li.dataset.rule = r.rule;
  return li;
}

function renderProgress() {
  const h = history();
  const undated = assessments.filter((a) => a.date === "" && a.results.size > 0).length;
  if (h.length === 0) {
    progressBody.replaceChildren(
      el("p", {
        className: "muted",
        textContent: "Answer a questionnaire at the baseline, then add a reassessment to follow it over time.",
      }),
    );
    return;
  }
  const p = progress(h);
  const since =
    p.current.since === null
      ? ""
      : ` since ${p.current.since}${p.current.from === "first-assessment" ? " (the first assessment)" : ""}`;
  const parts = [
    el(
      "p",
      { id: "progress-summary" },
      el("span", { id: "progress-action", textContent: ACTIONS[p.action] }),
      p.step === null ? "" : " → ",
      p.step === null ? "" : el("span", { id: "progress-step", textContent: stepText(p.step) }),
    ),
    el("p", {
      id: "progress-current",
      className: "muted",
      textContent: `Judged at ${p.judgedAt ?? "—"}. At ${stepText(p.current.step)}${since}${p.current.weeks === null ? "" : `, ${fmt(p.current.weeks)} weeks`}.`,
    }),
  ];
  if (undated > 0)
    parts.push(
      el("p", { className: "error", textContent: `${String(undated)} assessment(s) without a date are left out.` }),
    );
  if (p.urgent) {
    parts.push(
      el(
        "div",
        { id: "progress-urgent", role: "alert" },
        el("strong", { textContent: "Urgent, whatever the step (latest results)" }),
        el(
          "ul",
          {},
          ...p.urgentActions.map((u) => el("li", {}, el("strong", { textContent: `${u.label}: ` }), u.action)),
        ),
      ),
    );
  }
  parts.push(el("div", { className: "trajectories" }, ...Object.values(p.instruments).map(trajectory)));
  parts.push(...section("Why", "progress-reasons", p.reasons.map(reasonItem)));
  if (p.reasons.length === 0 && p.action !== "not-assessed")
    parts.push(
      el("p", {
        id: "progress-no-rule",
        className: "muted",
        textContent: "No progression rule fired: continue the current plan.",
      }),
    );
  parts.push(
    ...section(
      "Not judged yet",
      "progress-not-evaluated",
      p.notEvaluated.map((n) => el("li", {}, el("strong", { textContent: `${n.label}: ` }), n.reason)),
    ),
  );
  parts.push(
    el("p", {
      className: "muted",
      textContent: `Pathway ${p.pathway.id} ${p.pathway.version}. Decision support for a clinician, not a diagnosis.`,
    }),
  );
  progressBody.replaceChildren(...parts);
}

select.addEventListener("change", () => render(instruments[select.value]));
form.addEventListener("change", () => update(instruments[select.value]));
form.addEventListener("input", () => update(instruments[select.value]));
dateInput.addEventListener("change", () => {
  here().date = dateInput.value;
  renderAssessments();
  renderProgress();
});
addButton.addEventListener("click", () => {
  const last =
    assessments
      .map((a) => a.date)
      .filter((d) => d !== "")
      .sort()
      .at(-1) ?? isoDate(new Date());
  assessments.push({ date: addDays(last, REASSESS_AFTER_DAYS), drafts: new Map(), results: new Map() });
  choose(assessments.length - 1);
});
renderAssessments();
render(instruments[select.value]);
