#include "checks/width.h"

#include <array>
#include <string_view>

#include "base/utf8.h"
#include "checks/node_walk.h"

namespace plancheck::checks {
namespace {

constexpr std::string_view kMarks = ",:;()?!.";

// The full-width form of an ASCII mark in kMarks.
std::string_view FullWidth(char mark) {
  switch (mark) {
    case ',':
      return "，";
    case ':':
      return "：";
    case ';':
      return "；";
    case '(':
      return "（";
    case ')':
      return "）";
    case '?':
      return "？";
    case '!':
      return "！";
    case '.':
      return "。";
    default:
      return "";
  }
}

// Whether the '.' at `offset` of `source` stands between Chinese characters on its line,
// white space allowed after it: "武隆等. 协同发展". The normalizer never widens a '.' (6.5%,
// "1.", URLs), so this check judges it itself, strictly: a Han character right before, one
// after.
bool IsChinesePeriod(std::string_view source, std::size_t offset) {
  if (offset == 0) return false;
  std::size_t before = offset - 1;
  while (before > 0 && (static_cast<unsigned char>(source[before]) & 0xC0) == 0x80) --before;
  std::size_t at = before;
  if (!IsHan(DecodeUtf8(source, at))) return false;
  for (std::size_t next = offset + 1; next < source.size();) {
    const char32_t cp = DecodeUtf8(source, next);
    if (IsHorizontalSpace(cp)) continue;
    return IsHan(cp);
  }
  return false;
}

}  // namespace

std::unique_ptr<rule::Check> WidthCheck::Create(const rule::Params& params, ErrorList& errors) {
  const std::size_t before = errors.size();
  const std::string field = params.Field("field", errors, false).value_or("text");
  const std::string chars = params.String("chars", std::string(kMarks), errors);
  for (char c : chars) {
    if (kMarks.find(c) == std::string_view::npos) {
      params.AddError("chars",
                      "parameter 'chars' may hold only the marks " + std::string(kMarks) +
                          " (got '" + chars + "')",
                      errors);
      break;
    }
  }
  const std::string group = params.Enum("group", {"line", "char"}, "line", errors);
  if (errors.size() != before) return nullptr;
  return std::unique_ptr<rule::Check>(new WidthCheck(field, chars, group == "line"));
}

void WidthCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const model::Document& doc = *node.doc;
  const std::string_view source(doc.source);
  const std::string_view text(doc.text);

  // Marks of the current group, as source offsets (each one byte).
  std::vector<std::size_t> marks;
  auto emit = [&] {
    if (marks.empty()) return;
    const char first = source[marks.front()];
    const std::size_t text_begin = doc.origin.ToNormalized(marks.front());
    rule::Finding finding;
    // A '.' stays half-width in the normalized text.
    finding.span = {text_begin, text_begin + (first == '.' ? 1 : FullWidth(first).size())};
    finding.args = {{"char", std::string(1, first)},
                    {"full", std::string(FullWidth(first))},
                    {"count", std::to_string(marks.size())}};
    // The fix spans first to last mark and widens only the marks reported; what lies
    // between is copied as written. A '.' may have meant "。" or "，": no certain fix.
    Fix fix = MakeFix({marks.front(), marks.back() + 1}, "");
    std::size_t copied = marks.front();
    bool certain = true;
    for (std::size_t at : marks) {
      certain = certain && source[at] != '.';
      fix.replacement.append(source.substr(copied, at - copied));
      fix.replacement.append(FullWidth(source[at]));
      copied = at + 1;
    }
    if (certain) finding.fix = std::move(fix);
    const rule::NodeRef at =
        node.scope == rule::Scope::kDocument ? NodeAt(node, finding.span.begin) : node;
    out.Report(at, std::move(finding));
    marks.clear();
  };

  // Which bytes stop the scan: the marks of `chars` and the line end. A table, not
  // chars_.find per byte: this loop reads every byte of the document.
  std::array<bool, 256> stops{};
  for (char c : chars_) stops[static_cast<unsigned char>(c)] = true;
  stops['\n'] = true;
  for (const rule::FieldItem& item : node.Field(field_)) {
    const std::size_t end = doc.origin.ToSource(item.span.end);
    for (std::size_t offset = doc.origin.ToSource(item.span.begin); offset < end; ++offset) {
      const char c = source[offset];
      if (!stops[static_cast<unsigned char>(c)]) continue;
      if (c == '\n') {
        emit();
        continue;
      }
      if (c == '.') {
        if (!IsChinesePeriod(source, offset)) continue;
      } else {
        // The normalizer widened this mark exactly when it judged the context Chinese.
        const std::string_view full = FullWidth(c);
        if (text.substr(doc.origin.ToNormalized(offset), full.size()) != full) continue;
      }
      marks.push_back(offset);
      if (!per_line_) emit();
    }
    emit();
  }
}

}  // namespace plancheck::checks
