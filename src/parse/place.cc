#include "parse/place.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <optional>

#include "data/regions.h"
#include "parse/lines.h"
#include "parse/web_chrome.h"

namespace plancheck::parse {
namespace {

// Lines at the top of a notice read for its place and year: a saved page's information box,
// the notice's own title, the letter's first paragraphs.
constexpr std::size_t kHeadLines = 40;
constexpr std::size_t kHeadBytes = 16 * 1024;
// A region name is at most this many characters (双江拉祜族佤族布朗族傣族自治县 has 15).
constexpr std::size_t kMaxNameChars = 16;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The words an office is named with, longest first where one ends another.
constexpr std::array<std::string_view, 7> kOfficeWords = {
    "人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办公厅", "政府",
    "管理委员会"};

// Where the first office word starts in `text`; npos when none.
std::size_t OfficeWordAt(std::string_view text) {
  std::size_t best = std::string_view::npos;
  for (std::string_view word : kOfficeWords) best = std::min(best, text.find(word));
  return best;
}

// Whether `text` (trimmed) ends with an office word.
bool EndsWithOffice(std::string_view text) {
  return std::any_of(kOfficeWords.begin(), kOfficeWords.end(),
                     [&](std::string_view word) { return EndsWith(text, word); });
}

// Words that open a phrase naming no particular place: "各区县", "全市", "本县", "自治州"
// (in "各市、自治州人民政府").
bool IsGeneric(std::string_view name) {
  static constexpr std::array<std::string_view, 10> kOpeners = {
      "各", "全", "本", "该", "自治", "省辖", "有关", "相关", "所属", "下辖"};
  return std::any_of(kOpeners.begin(), kOpeners.end(),
                     [&](std::string_view w) { return StartsWith(name, w); });
}

bool IsNameSuffix(char32_t cp) {
  return cp == U'省' || cp == U'市' || cp == U'区' || cp == U'县' || cp == U'州' || cp == U'旗' ||
         cp == U'盟';
}

// "2023" at text[i, i+4) standing alone (no digit on either side, no range dash).
bool IsRangeDash(char32_t cp) {
  return cp == U'—' || cp == '-' || cp == U'–' || cp == U'－' || cp == U'~' || cp == U'～' ||
         cp == U'至';
}

RE2::Options QuietOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// "确定的2021年重点工作", "2020年市政府重点工作", "明确了2025年全省经济社会发展的主要目标":
// a year the head says the work is for.
int YearOfWorkPhrase(std::string_view head) {
  static const RE2 kPhrase(
      "(20[0-9]{2})年度?[\\p{Han}《》〈〉“”\"]{0,10}?"
      "(?:政府工作报告|重点工作|目标任务|主要目标|经济社会发展|工作任务)",
      QuietOptions());
  re2::StringPiece year;
  if (!RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), kPhrase, &year)) return 0;
  return std::stoi(std::string(year.data(), year.size()));
}

// "渝府办发〔2021〕12号" -> 2021; 0 when the number holds no 〔year〕.
int YearOfDocumentNumber(std::string_view number) {
  static const RE2 kYear("[〔\\[（(【［]\\s*(20[0-9]{2})\\s*[〕\\]）)】］]", QuietOptions());
  re2::StringPiece year;
  if (!RE2::PartialMatch(re2::StringPiece(number.data(), number.size()), kYear, &year)) return 0;
  return std::stoi(std::string(year.data(), year.size()));
}

// The text of a first line before "关于", without a bracketed site label in front
// ("【市政府重点工作及责任分解】滁州市人民政府关于…"); "" when the line has no 关于.
std::string_view BeforeAbout(std::string_view line) {
  const std::size_t about = line.find("关于");
  if (about == std::string_view::npos || about == 0) return "";
  std::string_view before = line.substr(0, about);
  if (const std::size_t close = before.rfind("】"); close != std::string_view::npos) {
    before.remove_prefix(close + std::string_view("】").size());
  }
  const ByteSpan span = TrimSpan(before, {0, before.size()});
  return before.substr(span.begin, span.size());
}

struct Found {
  std::vector<std::string> names;
  std::string from;
};

// Without the region table, a name says only whether a plan is of a province-like region
// (省, 市, 州, 盟) or a district-like one (区, 县, 旗): 重庆市 and 滁州市 look alike until the
// table (data::RegionTable::Resolve) tells a municipality from a city.
model::AdminLevel Coarse(model::AdminLevel level) {
  if (level == model::AdminLevel::kCity) return model::AdminLevel::kProvince;
  if (level == model::AdminLevel::kCounty) return model::AdminLevel::kDistrict;
  return level;
}

// The level a nameless office gives: "县人民政府办公室", "区政府办" a district.
model::AdminLevel NamelessLevel(std::string_view office) {
  if (StartsWith(office, "县") || StartsWith(office, "旗")) return model::AdminLevel::kDistrict;
  if (StartsWith(office, "区")) return model::AdminLevel::kDistrict;
  if (StartsWith(office, "省")) return model::AdminLevel::kProvince;
  return model::AdminLevel::kUnknown;
}

}  // namespace

std::vector<std::string> PlaceNames(std::string_view office) {
  if (office.find("国务院") != std::string_view::npos) return {"全国"};
  const std::size_t end = OfficeWordAt(office);
  if (end == std::string_view::npos) return {};
  // The Han characters just before the office word.
  std::size_t begin = end;
  std::size_t chars = 0;
  while (begin > 0 && chars < 4 * kMaxNameChars) {
    const std::size_t prev = PreviousCodePoint(office, begin, 0);
    std::size_t size = 0;
    if (!IsHan(CodePointAt(office, prev, begin, &size))) break;
    begin = prev;
    ++chars;
  }
  const std::string_view run = office.substr(begin, end - begin);
  // Split "重庆市梁平区" at 省 市 区 县 州 旗 盟 into 重庆市 / 梁平区. A name has two characters
  // or more, so 市中区 stays whole; 州 before 市 省 区 县 盟 旗 is inside a name (郑州市,
  // 贵州省, 通州区), not the 州 of 恩施州 or of an autonomous 州.
  std::vector<std::string> names;
  std::size_t name_begin = 0;
  std::size_t name_chars = 0;
  for (std::size_t offset = 0; offset < run.size();) {
    const char32_t cp = DecodeUtf8(run, offset);
    ++name_chars;
    bool suffix = IsNameSuffix(cp);
    if (cp == U'州' && offset < run.size()) {
      std::size_t next = offset;
      const char32_t after = DecodeUtf8(run, next);
      suffix = !IsNameSuffix(after) || after == U'州';
    }
    if (suffix && name_chars >= 2) {
      std::string_view name = run.substr(name_begin, offset - name_begin);
      // A run that starts before the name ("新闻讯据安徽省") keeps only its last characters.
      while (CodePointsIn(name, {0, name.size()}) > kMaxNameChars) {
        std::size_t skip = 0;
        DecodeUtf8(name, skip);
        name.remove_prefix(skip);
      }
      names.emplace_back(name);
      name_begin = offset;
      name_chars = 0;
    }
  }
  if (!names.empty() && IsGeneric(names.front())) return {};
  return names;
}

int YearInTitle(std::string_view title) {
  static constexpr std::string_view kNian = "年";
  for (std::size_t i = 0; i + 4 <= title.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(title[i])) ||
        (i > 0 && std::isdigit(static_cast<unsigned char>(title[i - 1])))) {
      continue;
    }
    std::size_t j = i;
    while (j < title.size() && std::isdigit(static_cast<unsigned char>(title[j]))) ++j;
    if (j - i != 4) {
      i = j;
      continue;
    }
    const std::size_t prev = PreviousCodePoint(title, i, 0);
    std::size_t size = 0;
    const char32_t before = i > 0 ? CodePointAt(title, prev, i, &size) : 0;
    const char32_t after = CodePointAt(title, j, title.size(), &size);
    if (IsRangeDash(before) || IsRangeDash(after)) return -1;
    if (title.substr(j, kNian.size()) == kNian) return std::stoi(std::string(title.substr(i, 4)));
    i = j;
  }
  return 0;
}

void ReadPlace(const model::Document& doc, model::Metadata& m) {
  const std::string_view text = doc.text;
  const std::vector<Line> lines = SplitLines(text, {0, std::min(text.size(), kHeadBytes)});
  const std::size_t line_count = std::min(lines.size(), kHeadLines);
  // The head's offices and titles, in the order a reader meets them.
  std::vector<std::pair<std::string, std::string>> offices;  // (office, where)
  std::vector<std::string_view> titles;                       // the notice's own titles
  std::string_view head;
  for (std::size_t i = 0; i < line_count; ++i) {
    const ByteSpan span = TrimSpan(text, {lines[i].begin, lines[i].end});
    const std::string_view line = text.substr(span.begin, span.size());
    head = text.substr(0, lines[i].end);
    if (line.empty()) continue;
    bool chrome = false;
    for (const ChromeValue& field : ChromeFields(line)) {
      chrome = true;
      if (field.value.empty()) continue;
      if (field.label == "来源" || field.label == "信息来源" || field.field == ChromeField::kIssuer) {
        offices.emplace_back(field.value, "head");
      } else if (field.field == ChromeField::kTitle) {
        titles.push_back(line);
      }
    }
    if (chrome) continue;
    if (const std::string_view office = BeforeAbout(line); !office.empty() && EndsWithOffice(office)) {
      offices.emplace_back(std::string(office), "notice-title");
      titles.push_back(line);
    } else if (line.find("关于") != std::string_view::npos &&
               (EndsWith(line, "通知") || EndsWith(line, "意见") || EndsWith(line, "方案"))) {
      titles.push_back(line);
    } else if (EndsWithOffice(line) && CodePointsIn(line, {0, line.size()}) <= 30) {
      offices.emplace_back(std::string(line), "head");
    }
  }

  // The region: the issuer's names, else the first office of the head that names one.
  Found found;
  if (!m.issuer.empty()) found = {PlaceNames(m.issuer), "issuer"};
  for (const auto& [office, where] : offices) {
    if (!found.names.empty()) break;
    found = {PlaceNames(office), where};
  }
  if (!found.names.empty()) {
    m.region = found.names.back();
    m.region_within = found.names.size() >= 2 ? found.names[found.names.size() - 2] : "";
    m.region_from = found.from;
    const model::AdminLevel outer =
        m.region_within.empty() ? model::AdminLevel::kUnknown
                                : data::LevelOfName(m.region_within, model::AdminLevel::kUnknown);
    m.level = Coarse(data::LevelOfName(m.region, outer));
  } else {
    // A nameless office still names its level ("县人民政府办公室", "区政府办").
    m.level = NamelessLevel(m.issuer);
    for (const auto& [office, where] : offices) {
      if (m.level == model::AdminLevel::kUnknown) m.level = NamelessLevel(office);
    }
    // "2021年区政府工作报告…" names the level even when no office was found.
    if (m.level == model::AdminLevel::kUnknown) {
      if (m.title.find("区政府") != std::string::npos) {
        m.level = model::AdminLevel::kDistrict;
      } else if (m.title.find("县政府") != std::string::npos) {
        m.level = model::AdminLevel::kDistrict;
      } else if (m.title.find("省政府") != std::string::npos) {
        m.level = model::AdminLevel::kProvince;
      }
    }
  }

  // The year: the plan's title, else the notice's title, else a phrase of the head naming the
  // year's work, else the document number's 〔year〕, else the year of the date it is signed.
  auto take = [&m](int year, const char* from) {
    if (m.plan_year || year < 1949) return;
    m.plan_year = year;
    m.year_from = from;
  };
  // A title with a range ("（2023—2027年）", fixtures/seeds/002) is a plan over several
  // years: no plan year.
  if (YearInTitle(m.title) < 0) return;
  take(YearInTitle(m.title), "title");
  for (std::string_view title : titles) take(YearInTitle(title), "notice-title");
  take(YearOfWorkPhrase(head), "head");
  take(YearOfDocumentNumber(m.document_number), "document-number");
  if (m.issue_date.size() >= 4) take(std::stoi(m.issue_date.substr(0, 4)), "issue-date");
}

}  // namespace plancheck::parse
