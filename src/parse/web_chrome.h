// Web-page chrome in saved copies of notices: the information box of a government site
// (索引号、发布机构、文号、成文日期 …), the reader's tools (【字体：大 中 小】、打印本页、关闭窗口、
// 分享到、浏览次数) and navigation (当前位置、网站首页). It is metadata or noise, never part of
// a task (fixtures/real: 泾县 2023, 华容县 2021, 谯城区 2020 and other saved pages).
//
// Functions take one line of normalized text (no '\n') and are linear in it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace plancheck::parse {

enum class ChromeField { kIssuer, kDocumentNumber, kWrittenDate, kPublishedDate, kTitle, kOther };

struct ChromeValue {
  ChromeField field = ChromeField::kOther;
  std::string label;  // as written, spaces removed: "发文字号"
  std::string value;  // trimmed; "" when the box leaves it empty
};

// The labelled fields of an information-box line, e.g. "发布机构：泾县人民政府（办公室）
// 主题分类：综合政务" -> {issuer, 泾县人民政府（办公室）}, {other, 综合政务}. Cells may be
// separated by "|" or spaces and start with a bullet ("• 索引号：…"). Empty when the line
// does not start with a known label.
std::vector<ChromeValue> ChromeFields(std::string_view line);

// Whether `line` is chrome: an information-box line (ChromeFields not empty), or a line made
// only of reader tools and navigation words ("【字体：大 中 小】【打印本页】【关闭窗口】",
// "分享到：", "扫一扫在手机打开当前页", "您现在所在的位置：首页 > 政务公开").
bool IsWebChromeLine(std::string_view line);

// The chrome lines of `text` (IsWebChromeLine), each without its '\n', in order.
std::vector<ByteSpan> FindWebChrome(std::string_view text);

}  // namespace plancheck::parse
