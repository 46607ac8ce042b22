#include "checks/pattern.h"

#include <optional>
#include <string_view>

#include "checks/node_walk.h"

namespace plancheck::checks {

std::unique_ptr<rule::Check> PatternCheck::Create(const rule::Params& params, ErrorList& errors) {
  const std::size_t before = errors.size();
  const auto field = params.Field("field", errors);
  const bool has_match = params.Has("match");
  const bool has_not_match = params.Has("not_match");
  if (has_match == has_not_match) {
    errors.Add(params.file(), has_match ? params.PositionOf("not_match") : params.position(),
               has_match ? "give only one of 'match' and 'not_match'"
                         : "missing parameter 'match' or 'not_match'");
    return nullptr;
  }
  const char* key = has_match ? "match" : "not_match";
  const std::string pattern = params.String(key, "", errors);
  const std::string report = params.Enum("report", {"item", "node"}, "item", errors);
  std::optional<std::string> replace;
  if (params.Has("replace")) {
    replace = params.String("replace", "", errors);
    if (has_match) params.AddError("replace", "'replace' needs 'not_match' (what to replace)", errors);
  }
  if (errors.size() != before || !field) return nullptr;

  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    params.AddError(key,
                    "invalid regular expression in '" + std::string(key) + "': " + re->error() +
                        " (at '" + re->error_arg() + "')",
                    errors);
    return nullptr;
  }
  return std::unique_ptr<rule::Check>(
      new PatternCheck(*field, std::move(re), has_match, report == "node", std::move(replace)));
}

void PatternCheck::Run(const rule::NodeRef& node, rule::Reporter& out) const {
  const int groups = re_->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> submatch(groups > 0 ? 2 : 1);
  for (const rule::FieldItem& item : node.Field(field_)) {
    const bool found = re_->Match(item.text, 0, item.text.size(), RE2::UNANCHORED,
                                  submatch.data(), static_cast<int>(submatch.size()));
    if (found == must_match_) continue;
    rule::Finding finding;
    finding.span = item.span;
    finding.args = {{"value", std::string(item.text)}, {"match", ""}};
    if (found) {
      const std::string_view hit =
          groups > 0 && submatch[1].data() != nullptr ? submatch[1] : submatch[0];
      finding.args[1].second = std::string(hit);
      // Item texts that are slices of the document (most fields) locate the match; a task
      // statement re-joined across PDF line breaks does not, and keeps the item's span.
      if (node.doc != nullptr && node.doc->Slice(item.span) == item.text) {
        const std::size_t begin = item.span.begin + static_cast<std::size_t>(hit.data() - item.text.data());
        finding.span = {begin, begin + hit.size()};
        if (replace_) finding.fix = MakeFix(SourceSpan(*node.doc, finding.span), *replace_);
      }
    }
    out.Report(node, std::move(finding));
    if (per_node_) return;
  }
}

}  // namespace plancheck::checks
