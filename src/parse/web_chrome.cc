#include "parse/web_chrome.h"

#include <array>

#include "base/utf8.h"
#include "parse/lines.h"

namespace plancheck::parse {
namespace {

struct Label {
  std::string_view word;
  ChromeField field;
};

// The labels of government sites' information boxes, longest first where one is a prefix
// of another ("发布机构" before "发布"). Seen in saved pages of 安徽, 湖南, 山东, 浙江 notices.
constexpr std::array<Label, 40> kLabels = {{
    {"发文字号", ChromeField::kDocumentNumber},
    {"发文序号", ChromeField::kDocumentNumber},
    {"文号", ChromeField::kDocumentNumber},
    {"发布机构", ChromeField::kIssuer},
    {"发文机关", ChromeField::kIssuer},
    {"发文单位", ChromeField::kIssuer},
    {"成文日期", ChromeField::kWrittenDate},
    {"发文日期", ChromeField::kWrittenDate},
    {"生成日期", ChromeField::kWrittenDate},
    {"发布日期", ChromeField::kPublishedDate},
    {"公开日期", ChromeField::kPublishedDate},
    {"发布时间", ChromeField::kPublishedDate},
    {"标题", ChromeField::kTitle},
    {"名称", ChromeField::kTitle},
    {"信息名称", ChromeField::kTitle},
    {"日期", ChromeField::kPublishedDate},
    {"信息有效性", ChromeField::kOther},
    {"公开类型", ChromeField::kOther},
    {"阅读", ChromeField::kOther},
    {"作者", ChromeField::kOther},
    {"索引号", ChromeField::kOther},
    {"信息分类", ChromeField::kOther},
    {"组配分类", ChromeField::kOther},
    {"主题分类", ChromeField::kOther},
    {"体裁分类", ChromeField::kOther},
    {"公开范围", ChromeField::kOther},
    {"公开方式", ChromeField::kOther},
    {"公开形式", ChromeField::kOther},
    {"公开时限", ChromeField::kOther},
    {"有效性", ChromeField::kOther},
    {"政策咨询机关", ChromeField::kOther},
    {"政策咨询电话", ChromeField::kOther},
    {"信息来源", ChromeField::kOther},
    {"来源", ChromeField::kOther},
    {"浏览次数", ChromeField::kOther},
    {"浏览量", ChromeField::kOther},
    {"点击数", ChromeField::kOther},
    {"访问量", ChromeField::kOther},
    {"字体", ChromeField::kOther},
    {"责任编辑", ChromeField::kOther},
}};

// Reader tools and navigation: a line holding only these (and brackets, separators,
// spaces) is chrome.
constexpr std::array<std::string_view, 24> kToolWords = {
    "打印本页", "关闭窗口", "打印", "关闭", "收藏", "分享到", "分享", "字体", "大", "中", "小",
    "扫一扫在手机打开当前页", "扫一扫", "无障碍", "长辈版", "返回顶部", "返回", "默认",
    "展开", "收起", "【", "】", "[", "]"};

// "您现在所在的位置：首页 > 政务公开 > …"
constexpr std::array<std::string_view, 6> kNavigation = {
    "您现在所在的位置", "您现在的位置", "您当前的位置", "当前位置", "所在位置", "位置"};

// Longer lines are never chrome (an information box's longest line names the notice).
constexpr std::size_t kMaxChromeLineBytes = 600;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// `line` without spaces (an information box writes "有 效 性", "标 题").
std::string Squeezed(std::string_view line) {
  std::string out;
  for (std::size_t offset = 0; offset < line.size();) {
    const std::size_t begin = offset;
    const char32_t cp = DecodeUtf8(line, offset);
    if (IsAnySpace(cp)) continue;
    out.append(line.substr(begin, offset - begin));
  }
  return out;
}

// After spaces at `at`, the byte after a colon (":" or "："); npos when there is none.
std::size_t AfterColon(std::string_view s, std::size_t at) {
  std::size_t size = 0;
  at = SkipHorizontalSpace(s, at, s.size());
  const char32_t cp = CodePointAt(s, at, s.size(), &size);
  return (cp == ':' || cp == U'：') ? at + size : std::string_view::npos;
}

// A known label, its characters possibly spaced ("有 效 性"), and its colon, at `at`;
// sets `after` past the colon.
const Label* LabelAt(std::string_view s, std::size_t at, std::size_t* after) {
  for (const Label& label : kLabels) {
    std::size_t cur = at;
    std::size_t matched = 0;
    while (matched < label.word.size()) {
      std::size_t size = 0;
      const char32_t cp = CodePointAt(s, cur, s.size(), &size);
      if (size == 0) break;
      if (matched > 0 && IsHorizontalSpace(cp)) {
        cur += size;
        continue;
      }
      if (s.substr(cur, size) != label.word.substr(matched, size)) break;
      matched += size;
      cur += size;
    }
    if (matched < label.word.size()) continue;
    const std::size_t colon_end = AfterColon(s, cur);
    if (colon_end == std::string_view::npos) continue;
    *after = colon_end;
    return &label;
  }
  return nullptr;
}

bool IsBullet(char32_t cp) { return cp == U'•' || cp == U'·' || cp == U'●' || cp == U'◆'; }

// Skips spaces, bullets and cell separators ("|") at `at`.
std::size_t SkipBullets(std::string_view s, std::size_t at) {
  while (at < s.size()) {
    std::size_t size = 0;
    const char32_t cp = CodePointAt(s, at, s.size(), &size);
    if (cp != '|' && !IsBullet(cp) && !IsAnySpace(cp)) break;
    at += size;
  }
  return at;
}

// A value without the spaces and "|" around it.
std::string TrimValue(std::string_view value) {
  auto edge = [](char c) { return c == '|' || c == ' ' || c == '\t'; };
  while (!value.empty() && edge(value.front())) value.remove_prefix(1);
  while (!value.empty() && edge(value.back())) value.remove_suffix(1);
  return std::string(TrimSpace(value));
}

}  // namespace

std::vector<ChromeValue> ChromeFields(std::string_view line) {
  std::vector<ChromeValue> out;
  std::size_t after = 0;
  const Label* label = LabelAt(line, SkipBullets(line, 0), &after);
  // "发布机构: 泾县人民政府(办公室) 主题分类: …": the next label ends the value before it.
  // Normalization drops the space between them (a space next to Chinese text), so a label is
  // looked for at every character.
  while (label != nullptr) {
    const Label* next = nullptr;
    std::size_t next_after = 0;
    std::size_t value_end = line.size();
    for (std::size_t cur = after; cur < line.size();) {
      std::size_t size = 0;
      CodePointAt(line, cur, line.size(), &size);
      if ((next = LabelAt(line, SkipBullets(line, cur), &next_after)) != nullptr) {
        value_end = cur;
        break;
      }
      cur += size == 0 ? 1 : size;
    }
    std::string value = TrimValue(line.substr(after, value_end - after));
    if (value == "无") value.clear();
    out.push_back({label->field, std::string(label->word), std::move(value)});
    label = next;
    after = next_after;
  }
  return out;
}

bool IsWebChromeLine(std::string_view line) {
  // The flow scanner asks at every line: reject most lines by their length and first
  // character before copying anything. Chrome lines are short, and start with a label, a
  // tool word, a navigation word or a bullet.
  if (line.size() > kMaxChromeLineBytes) return false;
  static const std::string kFirsts = [] {
    std::string firsts = "|[";
    auto add = [&](std::string_view word) {
      std::size_t next = 0;
      DecodeUtf8(word, next);
      if (firsts.find(word.substr(0, next)) == std::string::npos) firsts += word.substr(0, next);
    };
    for (const Label& label : kLabels) add(label.word);
    for (std::string_view word : kToolWords) add(word);
    for (std::string_view word : kNavigation) add(word);
    for (std::string_view word : {"•", "·", "●", "◆"}) add(word);
    return firsts;
  }();
  // A page header line naming the site, then the date and the reader's tools ("湖南省人民
  // 政府门户网站 www.hunan.gov.cn 发布时间: 2023-01-31 15:14 【字体:", 湖南省 2023).
  for (std::string_view tool : {"字体:", "字体：", "字体【", "字体[", "【字体"}) {
    if (line.find(tool) != std::string_view::npos) return true;
  }
  const std::size_t first = SkipHorizontalSpace(line, 0, line.size());
  if (first == line.size()) return false;
  std::size_t next = first;
  DecodeUtf8(line, next);
  if (kFirsts.find(line.substr(first, next - first)) == std::string::npos) return false;

  if (!ChromeFields(line).empty()) return true;
  const std::string s = Squeezed(line);
  const std::size_t start = SkipBullets(s, 0);
  // Navigation: "您现在所在的位置：首页 > …", "当前位置：…".
  for (std::string_view nav : kNavigation) {
    if (StartsWith(std::string_view(s).substr(start), nav)) return true;
  }
  // Only tool words, brackets and separators.
  std::size_t at = start;
  bool tool = false;
  while (at < s.size()) {
    bool matched = false;
    for (std::string_view word : kToolWords) {
      if (StartsWith(std::string_view(s).substr(at), word)) {
        at += word.size();
        matched = true;
        tool = tool || word.size() > 3;
        break;
      }
    }
    if (matched) continue;
    std::size_t after = at;
    const char32_t cp = DecodeUtf8(s, after);
    if (cp == ':' || cp == U'：' || cp == '|' || cp == '>' || cp == U'（' || cp == U'）' ||
        cp == '(' || cp == ')' || IsBullet(cp)) {
      at = after;
      continue;
    }
    return false;
  }
  return tool;
}

std::vector<ByteSpan> FindWebChrome(std::string_view text) {
  std::vector<ByteSpan> chrome;
  for (const Line& line : SplitLines(text, {0, text.size()})) {
    if (IsWebChromeLine(text.substr(line.begin, line.end - line.begin))) {
      chrome.push_back({line.begin, line.end});
    }
  }
  return chrome;
}

}  // namespace plancheck::parse
