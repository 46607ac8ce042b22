// The page of `plancheck serve` (docs/serve.md): sends a document to POST /api/view, shows
// its text with every finding marked at its span, and lists the findings beside it.
// Document text reaches the page only through textContent and text nodes, never as HTML,
// so a notice quoting <script> shows those characters; the server's Content-Security-Policy
// forbids inline script besides.
"use strict";

(function () {
  const english = (new URLSearchParams(location.search).get("lang") || "").startsWith("en");
  const lang = english ? "en" : "zh";

  const TEXTS = {
    zh: {
      title: "plancheck 分解方案检查",
      choose: "选择文件",
      pasteToggle: "粘贴文本",
      parent: "上级方案",
      parentAuto: "自动（按配置或推断）",
      parentNone: "不比对",
      parentUpload: "上传上级文件…",
      parentChoose: "选择上级文件",
      pastePlaceholder: "在此粘贴通知全文",
      pasteCheck: "检查粘贴的文本",
      dropHint: "将 Word（.docx）、文本、网页或 PDF 文件拖到此处，或点击上方“选择文件”。",
      privacy: "文件只在本机服务器的内存中检查，不保存、不记录、不外传。",
      download: "下载：",
      error: "错误",
      warning: "警告",
      info: "提示",
      allRules: "全部规则",
      checking: "正在检查 {name} …",
      checked: "{name}：{count} 处问题（{ms} 毫秒）",
      clean: "{name}：未发现问题",
      networkError: "无法连接检查服务，请确认 plancheck serve 仍在运行",
      tooLarge: "文件超过 {mib} MiB 的上限，请拆分或压缩后再上传",
      unreadable: "文件无法读取",
      emptyPaste: "请先粘贴文本",
      tasks: "{count} 项任务",
      declared: "（文中声明 {count} 项）",
      wholeDocument: "全文",
      line: "第 {line} 行",
      suggestion: "建议：",
      related: "相关位置：",
      explanation: "规则说明：",
      example: "示例：",
      lang: "English",
      langHref: "?lang=en",
    },
    en: {
      title: "plancheck: notice checker",
      choose: "Choose a file",
      pasteToggle: "Paste text",
      parent: "Parent plan",
      parentAuto: "Automatic (configuration or inferred)",
      parentNone: "None",
      parentUpload: "Upload the parent notice…",
      parentChoose: "Choose the parent notice",
      pastePlaceholder: "Paste the notice here",
      pasteCheck: "Check the pasted text",
      dropHint: "Drop a Word (.docx), text, web page or PDF file here, or use “Choose a file” above.",
      privacy: "The file is checked in this server's memory only: never stored, logged or sent elsewhere.",
      download: "Download:",
      error: "Errors",
      warning: "Warnings",
      info: "Notes",
      allRules: "All rules",
      checking: "Checking {name} …",
      checked: "{name}: {count} findings ({ms} ms)",
      clean: "{name}: no findings",
      networkError: "Cannot reach the checking service; is plancheck serve still running?",
      tooLarge: "The file is larger than the limit of {mib} MiB",
      unreadable: "The file cannot be read",
      emptyPaste: "Paste some text first",
      tasks: "{count} tasks",
      declared: " ({count} declared)",
      wholeDocument: "Whole document",
      line: "line {line}",
      suggestion: "Suggestion: ",
      related: "Related: ",
      explanation: "About the rule: ",
      example: "Example: ",
      lang: "中文",
      langHref: "?",
    },
  }[lang];
  const SEVERITIES = ["error", "warning", "info"];

  function text(key, values) {
    return TEXTS[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  }
  function $(id) {
    return document.getElementById(id);
  }
  // An element with optional classes and text; the text is a text node, never markup.
  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  const state = {
    file: null,         // the File checked last (the downloads send it again)
    maxUploadBytes: 0,  // from /healthz
    rules: new Map(),   // id -> rule from /api/rules
    explanations: new Map(),
    findings: [],       // the report's diagnostics, each with its index
    current: -1,
  };

  function setStatus(message, kind) {
    const status = $("status");
    status.textContent = message;
    status.className = kind || "";
  }

  function applyTexts() {
    document.documentElement.lang = english ? "en" : "zh-CN";
    document.title = TEXTS.title;
    for (const node of document.querySelectorAll("[data-text]")) {
      node.textContent = TEXTS[node.dataset.text];
    }
    for (const node of document.querySelectorAll("[data-placeholder]")) {
      node.placeholder = TEXTS[node.dataset.placeholder];
    }
    const link = $("lang-link");
    link.textContent = TEXTS.lang;
    link.href = TEXTS.langHref;
  }

  async function getJson(path) {
    const response = await fetch(path + (path.includes("?") ? "&" : "?") + "lang=" + lang);
    if (!response.ok) throw new Error(path + ": " + response.status);
    return response.json();
  }

  async function loadReferences() {
    try {
      const [health, rules, plans] = await Promise.all(
          [getJson("/healthz"), getJson("/api/rules"), getJson("/api/plans")]);
      state.maxUploadBytes = health.max_upload_bytes || 0;
      for (const rule of rules) state.rules.set(rule.id, rule);
      const upload = $("parent").querySelector('option[value="upload"]');
      for (const plan of plans) {
        const option = el("option", "", plan.title || plan.id);
        option.value = "sheet:" + plan.id;
        $("parent").insertBefore(option, upload);
      }
    } catch (error) {
      setStatus(TEXTS.networkError, "error");
    }
  }

  // The query and form of a request about `file` under the chosen parent plan.
  function requestOf(file, path, format) {
    const query = new URLSearchParams({lang});
    if (format) query.set("format", format);
    const form = new FormData();
    form.append("file", file, file.name);
    const parent = $("parent").value;
    if (parent === "none") query.set("parent", "none");
    if (parent.startsWith("sheet:")) query.set("parent", parent.slice(6));
    const parentFile = $("parent-file").files[0];
    if (parent === "upload" && parentFile) form.append("parent", parentFile, parentFile.name);
    return fetch(path + "?" + query, {method: "POST", body: form});
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      if (body.error) return body.error.message;
      const diagnostics = body.report ? body.report.files[0].diagnostics : [];
      if (diagnostics.length > 0) return TEXTS.unreadable + "：" + diagnostics[0].message;
    } catch (ignored) {
      // not JSON: the status says it
    }
    return TEXTS.unreadable + " (" + response.status + ")";
  }

  async function check(file) {
    if (state.maxUploadBytes > 0 && file.size > state.maxUploadBytes) {
      setStatus(text("tooLarge", {mib: Math.floor(state.maxUploadBytes / 1048576)}), "error");
      return;
    }
    state.file = file;
    setStatus(text("checking", {name: file.name}), "busy");
    const started = performance.now();
    let response;
    try {
      response = await requestOf(file, "/api/view");
    } catch (error) {
      setStatus(TEXTS.networkError, "error");
      return;
    }
    if (!response.ok) {
      setStatus(await errorMessage(response), "error");
      return;
    }
    const view = await response.json();
    render(view);
    const count = state.findings.length;
    const ms = Math.round(performance.now() - started);
    setStatus(count > 0 ? text("checked", {name: file.name, count, ms})
                        : text("clean", {name: file.name}), count > 0 ? "done" : "clean");
  }

  // ---- the document ----

  // The ranges of each line, in code points (the report's columns count code points).
  function rangesByLine(findings, lines) {
    const byLine = new Map();
    const wholeDocument = [];
    for (const f of findings) {
      if (f.line < 1 || f.line > lines.length) {
        wholeDocument.push(f);
        continue;
      }
      const last = Math.min(Math.max(f.end_line, f.line), lines.length);
      for (let line = f.line; line <= last; ++line) {
        const length = lines[line - 1].length;
        const start = line === f.line ? Math.min(f.column - 1, length) : 0;
        let end = line === last && f.end_line === last ? f.end_column - 1 : length;
        end = Math.max(start, Math.min(end, length));
        if (!byLine.has(line)) byLine.set(line, []);
        byLine.get(line).push({f, start, end, first: line === f.line});
      }
    }
    return {byLine, wholeDocument};
  }

  function severityRank(severity) {
    return SEVERITIES.indexOf(severity);
  }

  // One line's text as nodes: plain text, <mark> over each stretch some findings cover,
  // a zero-width anchor where each finding starts, a caret for an empty span.
  function lineContent(chars, ranges) {
    const container = el("span", "text");
    if (!ranges) {
      container.textContent = chars.join("");
      return container;
    }
    const cuts = new Set([0, chars.length]);
    for (const r of ranges) {
      cuts.add(r.start);
      cuts.add(r.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k < points.length; ++k) {
      const at = points[k];
      for (const r of ranges) {
        if (r.start !== at) continue;
        if (r.first) {
          const anchor = el("span", "anchor");
          anchor.dataset.finding = r.f.index;
          container.appendChild(anchor);
        }
        if (r.start === r.end) {
          const caret = el("mark", "point sev-" + r.f.severity);
          caret.dataset.f = " " + r.f.index + " ";
          container.appendChild(caret);
        }
      }
      if (k + 1 === points.length) break;
      const next = points[k + 1];
      const piece = chars.slice(at, next).join("");
      const covering = ranges.filter((r) => r.start <= at && r.end >= next && r.start < r.end);
      if (covering.length === 0) {
        container.appendChild(document.createTextNode(piece));
        continue;
      }
      covering.sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity));
      const mark = el("mark", "sev-" + covering[0].f.severity, piece);
      mark.dataset.f = " " + covering.map((r) => r.f.index).join(" ") + " ";
      container.appendChild(mark);
    }
    return container;
  }

  function renderDocument(view, findings) {
    const body = $("doc-body");
    body.replaceChildren();
    $("drop-hint").hidden = true;
    const lines = view.lines.map((line) => Array.from(line));
    const places = view.places || [];
    const nodeKind = new Map();
    const taskEnd = new Set();
    for (const node of view.nodes) {
      nodeKind.set(node.line, node.kind);
      if (node.kind === "task") taskEnd.add(node.end_line);
    }
    const {byLine, wholeDocument} = rangesByLine(findings, lines);

    if (wholeDocument.length > 0) {
      const banner = el("div", "whole-document");
      banner.appendChild(el("span", "label", TEXTS.wholeDocument));
      for (const f of wholeDocument) {
        const anchor = el("span", "anchor");
        anchor.dataset.finding = f.index;
        banner.appendChild(anchor);
        const mark = el("mark", "sev-" + f.severity, f.message);
        mark.dataset.f = " " + f.index + " ";
        banner.appendChild(mark);
      }
      body.appendChild(banner);
    }

    // Consecutive lines of one table become a <table>, of one row a <tr>, of one cell a <td>.
    let table = null;
    let row = null;
    let cell = null;
    for (let n = 1; n <= lines.length; ++n) {
      const line = el("div", "line");
      line.dataset.line = n;
      line.id = "L" + n;
      const kind = nodeKind.get(n);
      if (kind) line.classList.add("node-" + kind);
      if (taskEnd.has(n)) line.classList.add("task-end");
      line.appendChild(lineContent(lines[n - 1], byLine.get(n)));
      const place = places[n - 1];
      if (place && place.kind === "table") {
        if (!table || table.dataset.table !== String(place.table)) {
          table = el("table", "doc-table");
          table.dataset.table = place.table;
          body.appendChild(table);
          row = null;
        }
        if (!row || row.dataset.row !== String(place.row)) {
          row = el("tr");
          row.dataset.row = place.row;
          table.appendChild(row);
          cell = null;
        }
        if (!cell || cell.dataset.column !== String(place.column)) {
          cell = el("td");
          cell.dataset.column = place.column;
          row.appendChild(cell);
        }
        line.title = text("line", {line: n});
        cell.appendChild(line);
      } else {
        table = row = cell = null;
        body.appendChild(line);
      }
    }
  }

  // ---- the list ----

  function whereOf(f) {
    if (f.line < 1) return TEXTS.wholeDocument;
    if (f.place && f.place.label) return f.place.label;
    return text("line", {line: f.line});
  }

  function ruleTitle(id) {
    const rule = state.rules.get(id);
    if (!rule) return id;
    return (english && rule.title_en) ? rule.title_en : rule.title;
  }

  function renderList(view, findings) {
    const list = $("findings");
    list.replaceChildren();
    const counts = {error: 0, warning: 0, info: 0};
    for (const f of findings) counts[f.severity] = (counts[f.severity] || 0) + 1;

    const summary = $("summary");
    summary.replaceChildren();
    summary.appendChild(el("div", "doc-name", view.path));
    let facts = text("tasks", {count: view.task_count});
    if (view.declared_task_count !== null) facts += text("declared", {count: view.declared_task_count});
    summary.appendChild(el("div", "muted", facts));
    const badges = el("div", "badges");
    for (const severity of SEVERITIES) {
      badges.appendChild(el("span", "badge sev-" + severity, TEXTS[severity] + " " + counts[severity]));
    }
    summary.appendChild(badges);

    const ruleFilter = $("rule-filter");
    while (ruleFilter.options.length > 1) ruleFilter.remove(1);
    const ruleCounts = new Map();
    for (const f of findings) ruleCounts.set(f.rule, (ruleCounts.get(f.rule) || 0) + 1);
    for (const [id, count] of [...ruleCounts].sort()) {
      const option = el("option", "", id + " (" + count + ")");
      option.value = id;
      ruleFilter.appendChild(option);
    }

    for (const severity of SEVERITIES) {
      const ofSeverity = findings.filter((f) => f.severity === severity);
      if (ofSeverity.length === 0) continue;
      const group = el("section", "severity-group sev-" + severity);
      group.appendChild(el("h2", "", TEXTS[severity] + " (" + ofSeverity.length + ")"));
      const byRule = new Map();
      for (const f of ofSeverity) {
        if (!byRule.has(f.rule)) byRule.set(f.rule, []);
        byRule.get(f.rule).push(f);
      }
      for (const [id, ofRule] of byRule) {
        const ruleGroup = el("div", "rule-group");
        ruleGroup.dataset.rule = id;
        const heading = el("h3", "", ruleTitle(id) + " ");
        heading.appendChild(el("span", "muted", id + " · " + ofRule.length));
        ruleGroup.appendChild(heading);
        const items = el("ol");
        for (const f of ofRule) {
          const item = el("li", "finding sev-" + f.severity);
          item.dataset.finding = f.index;
          item.tabIndex = 0;
          item.appendChild(el("span", "where", whereOf(f)));
          item.appendChild(el("span", "message", f.message));
          items.appendChild(item);
        }
        ruleGroup.appendChild(items);
        group.appendChild(ruleGroup);
      }
      list.appendChild(group);
    }
    $("filters").hidden = findings.length === 0;
    $("downloads").hidden = false;
  }

  function render(view) {
    const report = view.report.files[0];
    state.findings = report.diagnostics.map((d, index) => Object.assign({index}, d));
    state.current = -1;
    $("detail").hidden = true;
    renderDocument(view.document, state.findings);
    renderList(view.document, state.findings);
    applyFilters();
  }

  // ---- selecting a finding ----

  async function explanationOf(id) {
    if (!state.explanations.has(id)) {
      state.explanations.set(id, getJson("/api/explain/" + encodeURIComponent(id)).catch(() => null));
    }
    return state.explanations.get(id);
  }

  async function showDetail(f) {
    const detail = $("detail");
    detail.replaceChildren();
    detail.hidden = false;
    detail.appendChild(el("div", "where", whereOf(f) + " · " + f.rule));
    detail.appendChild(el("p", "message", f.message));
    if (f.suggestion) detail.appendChild(el("p", "suggestion", TEXTS.suggestion + f.suggestion));
    for (const r of f.related || []) {
      const where = r.place && r.place.label ? r.place.label : r.file + ":" + r.line;
      detail.appendChild(el("p", "related", TEXTS.related + where + (r.message ? " " + r.message : "")));
    }
    const about = el("p", "explanation");
    detail.appendChild(about);
    const rule = await explanationOf(f.rule);
    if (rule && state.current === f.index) {
      about.textContent = TEXTS.explanation + (rule.description || rule.title);
      if (rule.example) detail.appendChild(el("pre", "example", TEXTS.example + rule.example));
    }
  }

  function select(index) {
    for (const node of document.querySelectorAll(".current")) node.classList.remove("current");
    state.current = index;
    const f = state.findings[index];
    const item = document.querySelector('li.finding[data-finding="' + index + '"]');
    if (item) item.classList.add("current");
    for (const mark of document.querySelectorAll('mark[data-f~="' + index + '"]')) {
      mark.classList.add("current");
    }
    const anchor = document.querySelector('.anchor[data-finding="' + index + '"]');
    if (anchor) {
      const line = anchor.closest(".line");
      if (line) line.classList.add("current");
      anchor.scrollIntoView({block: "center"});
    }
    showDetail(f);
  }

  // ---- filters ----

  function applyFilters() {
    const shown = new Set(
        [...document.querySelectorAll("#filters input[data-severity]")]
            .filter((box) => box.checked).map((box) => box.dataset.severity));
    const rule = $("rule-filter").value;
    const visible = state.findings.map((f) => shown.has(f.severity) && (!rule || f.rule === rule));
    for (const item of document.querySelectorAll("li.finding")) {
      item.hidden = !visible[Number(item.dataset.finding)];
    }
    for (const group of document.querySelectorAll(".rule-group, .severity-group")) {
      group.hidden = group.querySelector("li.finding:not([hidden])") === null;
    }
    for (const mark of document.querySelectorAll("mark[data-f]")) {
      const indices = mark.dataset.f.trim().split(" ").map(Number);
      mark.classList.toggle("off", !indices.some((i) => visible[i]));
    }
  }

  // ---- downloads ----

  async function download(format) {
    if (!state.file) return;
    let response;
    try {
      response = await requestOf(state.file, "/api/lint", format);
    } catch (error) {
      setStatus(TEXTS.networkError, "error");
      return;
    }
    // 422: an unreadable document still has its report.
    if (!response.ok && response.status !== 422) {
      setStatus(await errorMessage(response), "error");
      return;
    }
    const blob = await response.blob();
    const link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = state.file.name.replace(/\.[^.]*$/, "") + ".findings." +
                    (format === "sarif" ? "sarif" : format);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  // ---- wiring ----

  function start() {
    applyTexts();
    loadReferences();
    $("file").addEventListener("change", () => {
      if ($("file").files[0]) check($("file").files[0]);
    });
    $("paste-toggle").addEventListener("click", () => {
      $("paste").hidden = !$("paste").hidden;
    });
    $("paste-check").addEventListener("click", () => {
      const pasted = $("paste-text").value;
      if (!pasted.trim()) {
        setStatus(TEXTS.emptyPaste, "error");
        return;
      }
      check(new File([pasted], "pasted.txt", {type: "text/plain"}));
    });
    $("parent").addEventListener("change", () => {
      $("parent-pick").hidden = $("parent").value !== "upload";
    });
    $("parent-file").addEventListener("change", () => {
      const parent = $("parent-file").files[0];
      $("parent-name").textContent = parent ? parent.name : "";
    });
    $("upload").addEventListener("submit", (event) => event.preventDefault());

    // Dropping a file anywhere on the page checks it.
    document.addEventListener("dragover", (event) => {
      event.preventDefault();
      document.body.classList.add("dragging");
    });
    document.addEventListener("dragleave", (event) => {
      if (event.target === document.documentElement || event.relatedTarget === null) {
        document.body.classList.remove("dragging");
      }
    });
    document.addEventListener("drop", (event) => {
      event.preventDefault();
      document.body.classList.remove("dragging");
      const file = event.dataTransfer.files[0];
      if (file) check(file);
    });

    $("findings").addEventListener("click", (event) => {
      const item = event.target.closest("li.finding");
      if (item) select(Number(item.dataset.finding));
    });
    $("findings").addEventListener("keydown", (event) => {
      const item = event.target.closest("li.finding");
      if (item && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        select(Number(item.dataset.finding));
      }
    });
    $("doc-body").addEventListener("click", (event) => {
      const mark = event.target.closest("mark[data-f]");
      if (!mark) return;
      select(Number(mark.dataset.f.trim().split(" ")[0]));
      const item = document.querySelector("li.finding.current");
      if (item) item.scrollIntoView({block: "nearest"});
    });
    for (const box of document.querySelectorAll("#filters input[data-severity]")) {
      box.addEventListener("change", applyFilters);
    }
    $("rule-filter").addEventListener("change", applyFilters);
    for (const button of document.querySelectorAll("#downloads button")) {
      button.addEventListener("click", () => download(button.dataset.format));
    }
  }

  start();
})();
