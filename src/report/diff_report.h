// `plancheck diff` output: text (one line per change, Chinese or English labels), JSON
// (stable: {"old", "new", "old_tasks", "new_tasks", "summary": {kind: n}, "changes": [...]})
// and one self-contained HTML page.
#pragma once

#include <string>

#include "engine/diff.h"

namespace plancheck::report {

std::string DiffToText(const engine::DiffResult& diff, const std::string& language);
std::string DiffToJson(const engine::DiffResult& diff);
std::string DiffToHtml(const engine::DiffResult& diff);

}  // namespace plancheck::report
