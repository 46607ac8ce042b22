// Who leads each task, where a notice says it once for many: group headings, conventions
// declared once, and a document's own use of the role words.
//
//   一、县经济开发区管委会牵头工作（12项）   a heading naming the lead of every task below,
//                                          and their count
//   一、朱伟县长牵头重点工作                 a heading naming a person: tasks carry units
//   （列第一位者为牵头单位，下同）            the first listed unit leads
//
// Spans are byte spans of Document::text; nothing here allocates per character.
#pragma once

#include "base/diagnostic.h"
#include "model/document.h"

namespace plancheck::parse {

// What the heading whose title is text[title] (after its number) says about the tasks below:
// a count "（12项）" / "（共12项）" at its end; "X牵头工作", "X牵头的重点工作", "X负责的工作"
// naming units (X ends like a body) or a person ("县长牵头重点工作", "朱伟县长牵头重点工作"
// -> 朱伟, "常务副市长主抓重点工作"). An empty GroupHeading for any other title.
model::GroupHeading ReadGroupHeading(const model::Document& doc, ByteSpan title);

// After a shape parser has built the outline: records the first-listed conventions the
// notice declares in its text before the first task, then for each task in order
//   - under a first-listed convention, keeps only the first of the units a 责任单位 list
//     names as the lead and makes the others cooperating (lead_source "first-listed");
//   - gives a task without a lead its group heading's lead units (lead_source "heading")
//     and a task without leaders its heading's persons.
void ResolveRoles(model::Document& doc);

}  // namespace plancheck::parse
