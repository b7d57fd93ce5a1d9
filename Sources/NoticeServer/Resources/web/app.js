// policydex page: plain JavaScript over /api. Every text from a notice is inserted as a text
// node (never as HTML), so a notice holding <script> or onerror= shows those characters.
"use strict";

const $ = (id) => document.getElementById(id);
const view = () => $("view");

/** Element builder: el("a", {href: "#"}, "text", child, ...). Strings become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

/** A snippet with <mark>…</mark> markers from the API, as text nodes and <mark> elements. */
function snippet(text) {
  const out = el("p", { class: "snippet" });
  const parts = String(text || "").split(/<mark>|<\/mark>/);
  parts.forEach((part, i) => {
    if (!part) return;
    out.appendChild(i % 2 === 1 ? el("mark", {}, part) : document.createTextNode(part));
  });
  return out;
}

const enc = encodeURIComponent;
function link(hash, ...text) { return el("a", { href: hash }, ...text); }
const taskLink = (id, text) => link("#/task/" + enc(id), text || id);
const unitLink = (name) => link("#/unit/" + enc(name), name);
const noticeLink = (file, text) => link("#/notice/" + enc(file), text || file);
function units(list) {
  const span = el("span");
  (list || []).forEach((u, i) => { if (i) span.appendChild(document.createTextNode("、")); span.appendChild(unitLink(u)); });
  return span;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = { error: "bad answer from the server (" + res.status + ")" }; }
  if (!res.ok) throw new Error(body && body.error ? body.error : "HTTP " + res.status);
  return body;
}

function status(text, isError) {
  const s = $("status");
  s.textContent = text || "";
  s.className = "status" + (isError ? " error" : "");
}

function show(...nodes) {
  const v = view();
  v.replaceChildren(...nodes);
}

// ---------- search ----------

const WHO = /谁|哪个|哪一个|哪家|由谁|牵头|负责|找谁|歸|誰|哪個/;
let lastQuery = "";
let selected = -1;
let searchSeq = 0;
let filters = { dept: "", role: "", year: "" };

function roleBlock(h) {
  const rows = [];
  const add = (label, node) => rows.push(el("dt", {}, label), el("dd", {}, node));
  if (h.lead && h.lead.length) add(h.lead_listed_first ? "牵头（列第一）" : "牵头", units(h.lead));
  else if (!h.responsible || !h.responsible.length) add("牵头", el("span", { class: "meta" }, "未写明牵头单位"));
  if (h.support && h.support.length) add("配合", units(h.support));
  if (h.responsible && h.responsible.length) add("责任", units(h.responsible));
  if (h.inferred && h.inferred.length) add("文中提及", units(h.inferred));
  if (h.deadlines && h.deadlines.length) add("时限", h.deadlines.map((d) => d.text + (d.end ? "（" + (d.start ? d.start + "…" : "") + d.end + "）" : "")).join("；"));
  if (h.metrics && h.metrics.length) add("指标", h.metrics.map((m) => m.text).join("；"));
  return el("dl", { class: "roles" }, rows);
}

function noticeMeta(h) {
  return el("div", { class: "meta" },
    h.year ? String(h.year) + " · " : "",
    noticeLink(h.doc, h.notice_title || h.doc),
    " · ", (h.path || []).join(" "), " · 第 " + h.line + " 行",
    h.edition === "earlier" ? el("span", { class: "tag earlier" }, "旧版") : null,
    h.match && h.match !== "exact" ? el("span", { class: "tag" }, h.match === "expanded" ? "扩展：" + (h.expanded || []).join("、") : "相关") : null);
}

function hitItem(h, i) {
  return el("li", { class: "hit", id: "hit-" + i, "data-id": h.id },
    el("h3", {}, taskLink(h.id, h.title || h.id)),
    noticeMeta(h),
    snippet(h.snippet),
    roleBlock(h));
}

function answerCard(result) {
  const top = result.hits.find((h) => (h.lead && h.lead.length) || (h.responsible && h.responsible.length));
  if (!top) return null;
  const who = top.lead && top.lead.length ? top.lead : top.responsible;
  return el("div", { class: "answer", id: "answer" },
    el("div", {}, el("span", { class: "label" }, "谁牵头"), el("span", { class: "who" }, units(who))),
    top.support && top.support.length ? el("div", {}, el("span", { class: "label" }, "配合"), units(top.support)) : null,
    top.deadlines && top.deadlines.length ? el("div", {}, el("span", { class: "label" }, "时限"), top.deadlines.map((d) => d.text).join("；")) : null,
    el("div", {}, el("span", { class: "label" }, "任务"), taskLink(top.id, top.title)),
    el("div", { class: "meta" }, "出处：", noticeLink(top.doc, (top.year ? top.year + " · " : "") + (top.notice_title || top.doc)), "，第 " + top.line + " 行"));
}

function facets(result, q) {
  const box = el("div", { class: "facets", id: "facets" });
  const count = (key) => {
    const m = new Map();
    for (const h of result.hits) for (const v of key(h)) m.set(v, (m.get(v) || 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  };
  const chip = (label, on, click) => el("button", { type: "button", class: "chip" + (on ? " on" : ""), onclick: click }, label);
  const unitsSeen = count((h) => [...(h.lead || []), ...(h.support || []), ...(h.responsible || [])]);
  if (unitsSeen.length || filters.dept) {
    box.appendChild(el("span", { class: "group" }, "单位"));
    if (filters.dept) box.appendChild(chip(filters.dept + " ✕", true, () => { filters.dept = ""; filters.role = ""; go(q); }));
    else for (const [u, n] of unitsSeen) box.appendChild(chip(u + " " + n, false, () => { filters.dept = u; go(q); }));
  }
  if (filters.dept) {
    box.appendChild(el("span", { class: "group" }, "角色"));
    for (const [r, label] of [["lead", "牵头"], ["support", "配合"], ["responsible", "责任"]]) {
      box.appendChild(chip(label, filters.role === r, () => { filters.role = filters.role === r ? "" : r; go(q); }));
    }
  }
  const years = count((h) => (h.year ? [String(h.year)] : []));
  if (years.length || filters.year) {
    box.appendChild(el("span", { class: "group" }, "年度"));
    if (filters.year) box.appendChild(chip(filters.year + " ✕", true, () => { filters.year = ""; go(q); }));
    else for (const [y, n] of years.sort()) box.appendChild(chip(y + " " + n, false, () => { filters.year = y; go(q); }));
  }
  return box;
}

function searchHash(q) {
  const p = new URLSearchParams({ q });
  for (const k of ["dept", "role", "year"]) if (filters[k]) p.set(k, filters[k]);
  return "#/search?" + p.toString();
}

function go(q) {
  const h = searchHash(q);
  if (location.hash !== h) location.hash = h; else route();
}

async function runSearch(q) {
  q = q.trim();
  const seq = ++searchSeq;
  if (!q) { status(""); show(welcome()); return; }
  lastQuery = q;
  const isWho = WHO.test(q);
  const p = new URLSearchParams({ q, limit: isWho ? "10" : "20" });
  for (const k of ["dept", "role", "year"]) if (filters[k]) p.set(k, filters[k]);
  status("正在查找…");
  let result;
  try {
    result = await api((isWho ? "/api/who?" : "/api/search?") + p.toString());
  } catch (e) {
    if (seq !== searchSeq) return;
    status(e.message, true);
    show();
    return;
  }
  if (seq !== searchSeq) return;   // a newer query was typed meanwhile
  const exact = result.hits.filter((h) => h.match === "exact").length;
  let line = result.total === 0 ? "没有找到任务" : "共 " + result.total + " 项，显示 " + result.hits.length + " 项";
  if (result.widened && result.widened.length) line += "（" + (exact ? "" : "原文未出现，") + "扩展为：" + result.widened.join("、") + "）";
  if (result.suggestions && result.suggestions.length) line += " · 您是不是要找：" + result.suggestions.join("、");
  status(line);
  selected = -1;
  const card = (isWho || result.intent === "lead") ? answerCard(result) : null;
  show(card, facets(result, q), el("ol", { class: "hits", id: "hits" }, result.hits.map(hitItem)));
}

function welcome() {
  return el("div", { class: "meta" },
    el("p", {}, "用自己的话问：", link("#/search?q=" + enc("反诈谁牵头"), "反诈谁牵头"), "、",
      link("#/search?q=" + enc("消防检查多久一次"), "消防检查多久一次"), "、", link("#/search?q=" + enc("医疗纠纷"), "医疗纠纷"), "。"),
    el("p", {}, "键盘：/ 聚焦搜索框，↑↓ 在结果间移动，回车打开任务。"));
}

// ---------- pages ----------

async function taskPage(id) {
  status("");
  const t = await api("/api/tasks/" + enc(id));
  const h = t.task;
  document.title = (t.title || id) + " · policydex";
  show(el("article", { id: "task-page" },
    el("h2", {}, t.title || id),
    el("div", { class: "meta" }, id, " · ", (h.year ? h.year + " · " : ""), noticeLink(h.doc, t.notice_title || h.doc),
      " · ", (h.path || []).join(" ")),
    roleBlock(h),
    el("h3", {}, "原文"),
    el("p", {}, t.text),
    el("h3", {}, "出处（", h.doc, "）"),
    el("pre", { class: "source", id: "source" }, (t.source || []).filter((l) => l.text.trim()).map((l) => [el("span", { class: "ln" }, String(l.line)), l.text + "\n"])),
    el("p", {}, noticeLink(h.doc, "查看整份文件的结构 →"))));
}

async function unitPage(name) {
  status("");
  const d = await api("/api/units/" + enc(name));
  const u = d.unit;
  document.title = u.name + " · policydex";
  const roleName = { lead: "牵头", support: "配合", responsible: "责任", inferred: "文中提及" };
  const hits = [...d.hits].sort((a, b) => (b.year || 0) - (a.year || 0));
  const sections = [];
  for (const role of ["lead", "support", "responsible", "inferred"]) {
    const mine = hits.filter((h) => h.role === role);
    if (!mine.length) continue;
    sections.push(el("h3", {}, roleName[role] + "（" + mine.length + "）"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "年度"), el("th", {}, "任务"), el("th", {}, "文件"), el("th", {}, "时限"))),
        el("tbody", {}, mine.map((h) => el("tr", {},
          el("td", {}, h.year ? String(h.year) : "—"),
          el("td", {}, taskLink(h.id, h.title || h.id)),
          el("td", {}, noticeLink(h.doc, h.notice_title || h.doc)),
          el("td", {}, (h.deadlines || []).map((x) => x.text).join("；") || "—"))))));
  }
  show(el("article", { id: "unit-page" },
    el("h2", {}, u.name),
    el("p", { class: "meta" }, "牵头 " + u.lead + " · 配合 " + u.support + " · 责任 " + u.responsible + " · 文中提及 " + u.inferred,
      u.aliases && u.aliases.length ? " · 别名：" + u.aliases.join("、") : ""),
    sections));
}

async function noticePage(file) {
  status("");
  const n = await api("/api/notices/" + enc(file));
  document.title = (n.title || n.file) + " · policydex";
  const rows = [];
  let section = [];
  for (const t of n.tasks) {
    const parent = t.path.slice(0, -1);
    parent.forEach((label, depth) => {
      if (section[depth] !== label || section.slice(0, depth).join("/") !== parent.slice(0, depth).join("/")) {
        rows.push(el("div", { class: "depth" + depth }, el("strong", {}, label)));
      }
    });
    section = parent;
    const who = t.lead.length ? ["牵头：", units(t.lead)] : t.responsible.length ? ["责任：", units(t.responsible)] : [el("span", { class: "meta" }, "未写明牵头")];
    rows.push(el("div", { class: "depth" + Math.min(3, t.path.length - 1) },
      (t.path[t.path.length - 1] || "") + " ", taskLink(t.id, t.title), " ", el("span", { class: "meta" }, "[" + t.id + " · 第" + t.line + "行] "), ...who));
  }
  show(el("article", { id: "notice-page" },
    el("h2", {}, n.title || n.file),
    el("p", { class: "meta" }, [n.file, n.issuer, n.number, n.date, n.year ? "工作年度 " + n.year : null].filter(Boolean).join(" · ")),
    el("p", { class: "noprint" }, link("#/diff?new=" + enc(n.file), "与上一版对比 →")),
    el("div", { class: "outline", id: "outline" }, rows)));
}

async function noticesPage() {
  status("");
  const list = await api("/api/notices");
  show(el("article", {}, el("h2", {}, "文件（" + list.length + "）"),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "年度"), el("th", {}, "标题"), el("th", {}, "发文机关"), el("th", {}, "任务"))),
      el("tbody", {}, list.map((n) => el("tr", {}, el("td", {}, n.year ? String(n.year) : "—"), el("td", {}, noticeLink(n.file, n.title || n.file)),
        el("td", {}, n.issuer || "—"), el("td", {}, String(n.tasks))))))));
}

async function unitsPage() {
  status("");
  const list = await api("/api/units");
  show(el("article", {}, el("h2", {}, "单位（" + list.length + "）"),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "单位"), el("th", {}, "牵头"), el("th", {}, "配合"), el("th", {}, "责任"))),
      el("tbody", {}, list.map((u) => el("tr", {}, el("td", {}, unitLink(u.name)), el("td", {}, String(u.lead)), el("td", {}, String(u.support)),
        el("td", {}, String(u.responsible))))))));
}

function wordDiff(text) {
  // The report's text change as insertions and deletions ({"edits":[{"op","text"}]}).
  const p = el("p", {});
  for (const e of (text && text.edits) || []) {
    p.appendChild(e.op === "insert" ? el("ins", {}, e.text) : e.op === "delete" ? el("del", {}, e.text) : document.createTextNode(e.text));
  }
  return p;
}

async function diffPage(params) {
  status("");
  const notices = await api("/api/notices");
  const pick = (id, value) => el("select", { id }, el("option", { value: "" }, id === "diff-old" ? "（自动：上一版）" : "请选择"),
    notices.map((n) => el("option", { value: n.file, selected: n.file === value || n.file.split(".")[0] === value }, (n.year ? n.year + " · " : "") + (n.title || n.file))));
  const oldSel = pick("diff-old", params.get("old")), newSel = pick("diff-new", params.get("new"));
  const form = el("div", { class: "diffpick noprint" }, "旧版 ", oldSel, " → 新版 ", newSel,
    el("button", { type: "button", onclick: () => {
      const p = new URLSearchParams();
      if (oldSel.value) p.set("old", oldSel.value);
      if (newSel.value) p.set("new", newSel.value);
      location.hash = "#/diff?" + p.toString();
    } }, "对比"),
    el("button", { type: "button", onclick: () => window.print() }, "打印备忘"));
  const newRef = params.get("new");
  if (!newRef) { show(el("article", {}, el("h2", {}, "两版对比"), form, el("p", { class: "meta" }, "选择新版文件；旧版默认是同一发文机关同一系列的上一版。"))); return; }
  const q = new URLSearchParams({ new: newRef });
  if (params.get("old")) q.set("old", params.get("old"));
  let d;
  try { d = await api("/api/diff?" + q.toString()); } catch (e) { show(el("article", {}, el("h2", {}, "两版对比"), form)); status(e.message, true); return; }
  const r = d.report;
  oldSel.value = r.old.file;
  const refLine = (t) => el("li", {}, (t.path || []).join(" ") + " ", taskLink(t.id, t.title), " ",
    el("span", { class: "meta" }, (t.lead && t.lead.length ? "牵头 " + t.lead.join("、") : t.responsible && t.responsible.length ? "责任 " + t.responsible.join("、") : "未写明牵头")
      + (t.deadlines && t.deadlines.length ? " · " + t.deadlines.join("；") : "")));
  const unitsRows = Object.entries(r.units || {}).map(([name, u]) => {
    const f = (x) => !x ? "—" : [x.new.length ? "+" + x.new.length + " 新增" : "", x.dropped.length ? "−" + x.dropped.length + " 取消" : "", x.changed.length ? x.changed.length + " 变化" : ""].filter(Boolean).join("，") || "—";
    return el("tr", {}, el("td", {}, unitLink(name)), el("td", {}, f(u.lead)), el("td", {}, f(u.support)));
  });
  show(el("article", { id: "diff-page" },
    el("h2", {}, "两版对比"),
    form,
    el("p", { class: "meta" }, (r.old.year || "") + " " + (r.old.title || r.old.file) + " → " + (r.new.year || "") + " " + (r.new.title || r.new.file)),
    el("p", { class: "meta" }, "旧版的选择：" + (d.reason === "chosen" ? "手动选择" : d.reason) + (d.others && d.others.length ? "（其他候选：" + d.others.join("、") + "）" : "")),
    el("ul", { class: "headline", id: "headline" }, (r.headline || []).map((line) => el("li", {}, line))),
    unitsRows.length ? [el("h3", {}, "各单位"), el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "单位"), el("th", {}, "牵头"), el("th", {}, "配合"))), el("tbody", {}, unitsRows))] : null,
    r.pairs.length ? [el("h3", {}, "有变化的任务（" + r.pairs.length + "）"), el("ul", {}, r.pairs.map((p) => el("li", {},
      (p.old.path || []).join(" ") + " → " + (p.new.path || []).join(" ") + " ", taskLink(p.new.id, p.new.title), " ",
      el("span", { class: "meta" }, (p.changes || []).join("、")),
      p.details && p.details.lead ? el("div", {}, "牵头：" + (p.details.lead.old.join("、") || "—") + " → " + (p.details.lead.new.join("、") || "—")) : null,
      p.details && p.details.deadline ? el("div", {}, "时限：" + (p.details.deadline.old.map((x) => x.text).join("；") || "—") + " → " + (p.details.deadline.new.map((x) => x.text).join("；") || "—")) : null,
      p.details && p.details.text ? wordDiff(p.details.text) : null)))] : null,
    r.possible && r.possible.length ? [el("h3", {}, "可能延续（" + r.possible.length + "）"), el("ul", {}, r.possible.map((p) => el("li", {},
      taskLink(p.old.id, p.old.title), " → ", taskLink(p.new.id, p.new.title), el("span", { class: "meta" }, " 共同词：" + p.shared.join("、")))))] : null,
    el("h3", { class: "added" }, "新增（" + r.added.length + "）"), el("ul", { id: "added" }, r.added.map(refLine)),
    el("h3", { class: "removed" }, "取消（" + r.removed.length + "）"), el("ul", { id: "removed" }, r.removed.map(refLine))));
}

// ---------- import ----------

async function setupImport() {
  let health;
  try { health = await api("/api/health"); } catch (e) { return; }
  if (!health.allow_import) return;
  const box = $("import");
  box.hidden = false;
  const send = async (file) => {
    const out = $("import-result");
    out.replaceChildren(el("p", { class: "meta" }, "正在导入 " + file.name + " …"));
    try {
      const res = await fetch("/api/import?name=" + enc(file.name), { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error || "HTTP " + res.status);
      const n = body.notice;
      out.replaceChildren(el("p", {}, body.status + "：", noticeLink(n.file, n.title || n.file), "，" + n.tasks.length + " 项任务"),
        body.diff ? el("p", {}, link("#/diff?" + new URLSearchParams({ old: body.diff.baseline, new: n.file }).toString(), "与上一版（" + body.diff.baseline + "）的对比 →"))
                  : el("p", { class: "meta" }, body.note || ""));
    } catch (e) {
      out.replaceChildren(el("p", { class: "error" }, "导入失败：" + e.message));
    }
  };
  box.addEventListener("dragover", (e) => { e.preventDefault(); box.classList.add("over"); });
  box.addEventListener("dragleave", () => box.classList.remove("over"));
  box.addEventListener("drop", (e) => { e.preventDefault(); box.classList.remove("over"); if (e.dataTransfer.files[0]) send(e.dataTransfer.files[0]); });
  $("import-file").addEventListener("change", (e) => { if (e.target.files[0]) send(e.target.files[0]); });
}

// ---------- routing and keys ----------

async function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, "").split("?")[0]);
  const params = new URLSearchParams(location.hash.includes("?") ? location.hash.slice(location.hash.indexOf("?") + 1) : "");
  const [kind, ...rest] = hash.split("/");
  const arg = rest.join("/");
  document.title = "policydex · 任务目录";
  try {
    if (kind === "task" && arg) return await taskPage(arg);
    if (kind === "unit" && arg) return await unitPage(arg);
    if (kind === "notice" && arg) return await noticePage(arg);
    if (kind === "notices") return await noticesPage();
    if (kind === "units") return await unitsPage();
    if (kind === "diff") return await diffPage(params);
    const q = params.get("q") || "";
    filters = { dept: params.get("dept") || "", role: params.get("role") || "", year: params.get("year") || "" };
    if ($("q").value.trim() !== q.trim()) $("q").value = q;
    await runSearch(q);
  } catch (e) {
    status(e.message, true);
    show();
  }
}

let debounce = null;
function onType() {
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    const q = $("q").value;
    if (q.trim() === lastQuery && location.hash.startsWith("#/search")) return;
    filters = { dept: "", role: "", year: "" };
    history.replaceState(null, "", q.trim() ? searchHash(q.trim()) : "#");
    runSearch(q);
  }, 250);
}

function moveSelection(step) {
  const items = [...document.querySelectorAll("#hits > li")];
  if (!items.length) return;
  selected = Math.max(0, Math.min(items.length - 1, selected + step));
  items.forEach((li, i) => li.classList.toggle("selected", i === selected));
  items[selected].scrollIntoView({ block: "nearest" });
}

document.addEventListener("DOMContentLoaded", () => {
  $("q").addEventListener("input", onType);
  $("search-form").addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(debounce); filters = { dept: "", role: "", year: "" }; go($("q").value.trim()); });
  document.addEventListener("keydown", (e) => {
    const typing = document.activeElement && ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName) && document.activeElement.id !== "q";
    if (e.key === "/" && document.activeElement !== $("q") && !typing) { e.preventDefault(); $("q").focus(); $("q").select(); return; }
    if (typing) return;
    if (e.key === "ArrowDown") { e.preventDefault(); moveSelection(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); moveSelection(-1); }
    else if (e.key === "Enter" && selected >= 0 && document.activeElement !== $("q")) {
      const li = document.querySelectorAll("#hits > li")[selected];
      if (li) location.hash = "#/task/" + enc(li.dataset.id);
    } else if (e.key === "Enter" && selected >= 0 && document.activeElement === $("q")) {
      const li = document.querySelectorAll("#hits > li")[selected];
      if (li) { e.preventDefault(); location.hash = "#/task/" + enc(li.dataset.id); }
    }
  });
  window.addEventListener("hashchange", route);
  setupImport();
  route();
});
