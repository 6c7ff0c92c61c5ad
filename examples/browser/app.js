// A form for any bundled instrument, rendered from its definition and scored on every change.
import { instruments, safeScore } from "../../dist/index.js";

const select = document.querySelector("#instrument");
const form = document.querySelector("#form");
const about = document.querySelector("#about");
const result = document.querySelector("#result");
const safety = document.querySelector("#safety");

for (const def of Object.values(instruments)) {
  select.append(new Option(`${def.shortTitle}: ${def.title}`, def.id));
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function render(def) {
  form.replaceChildren();
  about.replaceChildren(
    el("h2", { textContent: def.shortTitle }),
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
      fieldset.append(el("input", { type: "number", name, min: item.min, max: item.max, step: item.integer ? 1 : "any" }), ` ${item.unit ?? ""}`);
    } else {
      const options = el("div", { className: "options" });
      for (const o of item.options) {
        options.append(el("label", {}, el("input", { type: "radio", name, value: String(o.value) }), ` ${o.label}`));
      }
      fieldset.append(options);
    }
    form.append(fieldset);
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
  const r = safeScore(def, answers(def));
  if (!r.success) {
    result.replaceChildren(el("p", { className: "error", textContent: r.error.message }));
    safety.hidden = true;
    return;
  }
  const { score, band, flags, reason, subscales, missing } = r.data;
  const parts = [
    el("div", { id: "score", textContent: score === null ? "—" : String(Math.round(score * 100) / 100) }),
    el("div", { id: "band", textContent: band ? band.label : "" }),
  ];
  if (reason) parts.push(el("p", { id: "reason", className: "muted", textContent: reason }));
  const subs = Object.entries(subscales);
  if (subs.length > 0) {
    parts.push(el("ul", { id: "subscales" }, ...subs.map(([k, v]) => el("li", { textContent: `${k}: ${v === null ? "—" : Math.round(v * 100) / 100}` }))));
  }
  parts.push(el("p", { className: "muted", textContent: `${String(def.items.length - missing.length)} of ${String(def.items.length)} answered` }));
  result.replaceChildren(...parts);
  const urgent = flags.filter((f) => f.id === "self-harm");
  safety.hidden = urgent.length === 0;
  safety.textContent = urgent.map((f) => f.message).join(" ");
  const other = flags.filter((f) => f.id !== "self-harm");
  if (other.length > 0) result.append(el("ul", { id: "flags" }, ...other.map((f) => el("li", { textContent: `${f.label}: ${f.message}` }))));
}

select.addEventListener("change", () => render(instruments[select.value]));
form.addEventListener("change", () => update(instruments[select.value]));
form.addEventListener("input", () => update(instruments[select.value]));
render(instruments[select.value]);
