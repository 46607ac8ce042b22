// A unified diff of a document's text before and after `plancheck lint --fix-dry-run`'s
// fixes, as `diff -u` and `git apply` read it.
#pragma once

#include <string>
#include <string_view>

namespace plancheck::report {

// The diff from `before` to `after` (UTF-8; lines keep a '\r' before their '\n'), headed
// "--- a/<path>" and "+++ b/<path>" (an absolute path without a/ and b/), with `context` unchanged lines around each change;
// "" when the texts are equal. Fixes rarely add or remove lines: when both texts have as
// many lines, each changed line is its own change; otherwise the lines between the common
// head and tail are one.
std::string UnifiedDiff(const std::string& path, std::string_view before, std::string_view after,
                        int context = 3);

}  // namespace plancheck::report
