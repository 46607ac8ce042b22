// Metadata of a plan: where the plan starts after its notice letter, its title, issuer,
// date, document number, year, administrative level and region, and the declared task count.
//
// Everything is inferred from the text; what cannot be found stays empty (absent in JSON).
#pragma once

#include <cstddef>
#include <string_view>

#include "model/document.h"

namespace plancheck::parse {

struct PlanStart {
  ByteSpan title;                 // the plan's title line(s); empty when none was found
  std::size_t outline_begin = 0;  // where parts and tasks may start (after the title)
};

// Finds the plan's title after the notice letter, so that the letter's own "一、二、三、"
// paragraphs are not read as parts. Without a recognizable title the whole text is the plan.
PlanStart FindPlanStart(const model::Document& doc);

// Fills doc.metadata (all but shape and encoding), doc.declared_task_count and doc.body.
void FillMetadata(model::Document& doc, const PlanStart& start);

// "2021年3月12日" -> "2021-03-12"; "" when `text` (trimmed) is not exactly such a date.
std::string IsoDate(std::string_view text);

}  // namespace plancheck::parse
