// Target extraction: quantitative and qualitative targets from task statements.
//
// A target is an indicator named in the dictionary, followed (with at most filler words
// such as 年均 / 全年 / 均 between) by a value phrase: an optional verb (增长, 提高到,
// 控制在, 下降 ...), a number, a unit and an optional bound (以上, 左右, 以内), e.g.
// "GDP增长8%以上", "城镇调查失业率控制在5.5%以内". Indicators listed with 、 before it share
// the value ("基础设施投资、民间投资均增长12%以上"). A qualitative statement ("居民收入增长与
// 经济增长基本同步", "完成市上任务") is recorded with `qualitative` set and no value; no
// number is ever invented. A value phrase that clearly states a target (增长 / 达到 / 突破
// ... before a % / 亿元 / 万人 figure) but follows no known indicator is recorded with an
// empty indicator_id, so dictionary gaps show up (targets.unparsed-number).
//
// The period is the plan year unless the sentence or the enclosing part or section says
// otherwise (年均, “十四五”末, 到2027年).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/target.h"
#include "data/indicators.h"

namespace plancheck::parse {

// What surrounds a statement: its task and the period its heading implies.
struct StatementContext {
  int task_ordinal = 0;
  std::string task_number;
  int plan_year = 0;            // 0 when unknown
  model::Period default_period;  // from the part or section title; kPlanYear otherwise
};

// Targets in one statement. Spans are offsets into `text` plus `base_offset`; positions
// are left unset (ExtractTargets fills them from the Document).
std::vector<model::Target> ExtractFromText(std::string_view text, const data::IndicatorDictionary& dict,
                                           const StatementContext& context = {},
                                           std::size_t base_offset = 0);

// Replaces doc.targets with the targets of every task statement, in task order. When the
// outline has no task, each line of the body is a statement (task_ordinal 0), with
// headings (一、…) setting the default period.
void ExtractTargets(model::Document& doc, const data::IndicatorDictionary& dict);

// The plan year: metadata.plan_year, else the year in a "2021年…政府工作报告" title near
// the top of the text; 0 when neither is found.
int PlanYearOf(const model::Document& doc);

// Level, region and year of a document's plan: the metadata the parser filled, else the
// issuer named near the top ("重庆市梁平区人民政府办公室" -> district 梁平区; "重庆市人民政府
// 办公厅" -> province 重庆市). Fields stay empty when nothing is found.
model::PlanInfo PlanInfoOf(const model::Document& doc);

}  // namespace plancheck::parse
