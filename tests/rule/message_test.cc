#include "rule/message.h"

#include <catch2/catch.hpp>

namespace plancheck::rule {

TEST_CASE("TemplatePlaceholders lists names and rejects bad braces", "[rule][message]") {
  CHECK(*TemplatePlaceholders("第{number}项任务：{unit}") ==
        std::vector<std::string>{"number", "unit"});
  CHECK(TemplatePlaceholders("无占位符 {{字面}}")->empty());
  int column = 0;
  CHECK_FALSE(TemplatePlaceholders("第{number项", &column));
  CHECK(column == 2);
  CHECK_FALSE(TemplatePlaceholders("多余}", &column));
  CHECK(column == 3);
  CHECK_FALSE(TemplatePlaceholders("{Number}"));
}

TEST_CASE("Interpolate fills known placeholders and keeps unknown ones", "[rule][message]") {
  auto lookup = [](std::string_view name) -> std::optional<std::string> {
    if (name == "number") return "52";
    return std::nullopt;
  };
  CHECK(Interpolate("第{number}项{other}", lookup) == "第52项{other}");
  CHECK(Interpolate("{{x}}", lookup) == "{x}");
}

}  // namespace plancheck::rule
