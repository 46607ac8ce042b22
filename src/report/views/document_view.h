// The document as `plancheck serve`'s page shows it (POST /api/view): the text as the
// user gave it, line by line, with where each line sits in the file and which lines open
// parts, sections and tasks. Findings are marked on it by their line and column, the
// positions of lint's JSON (docs/json-output.md), so the page needs no byte offsets.
//
//   {"path": "notice.docx", "encoding": "DOCX", "shape": "table", "title": "…",
//    "task_count": 193, "declared_task_count": 193,
//    "lines": ["…", "\t1、地区生产总值增长6.5%。", …],
//    "places": [null, {"kind": "table", "table": 2, "row": 3, "column": 1, "label": "…"}, …],
//    "nodes": [{"kind": "part", "line": 15, "end_line": 15, "number": "一、", "title": "…"},
//              {"kind": "task", "line": 22, "end_line": 26, "number": "1、", "title": ""}, …]}
//
// `places` has one entry per line for a .docx, web page or PDF and is empty for plain
// text; `nodes` are in document order, implicit parts and sections left out.
#pragma once

#include <nlohmann/json.hpp>

#include "model/document.h"

namespace plancheck::report {

// `english` selects the language of the place labels.
nlohmann::ordered_json DocumentView(const model::Document& doc, bool english);

}  // namespace plancheck::report
