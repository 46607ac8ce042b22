#include "report/plans_tree.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <sstream>

namespace plancheck::report {
namespace {

std::string Label(const PlanNode& node, bool english) {
  std::string region = node.region.empty() ? (english ? "(region unknown)" : "（地区未识别）")
                                           : node.region;
  std::string year = node.year > 0 ? std::to_string(node.year)
                                   : (english ? "(year unknown)" : "（年度未识别）");
  return region + " " + year + "  " + node.file;
}

}  // namespace

std::string PlansToText(const std::vector<PlanNode>& nodes, const std::string& language) {
  const bool english = language == "en";
  std::vector<std::vector<int>> children(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].parent >= 0) children[static_cast<std::size_t>(nodes[i].parent)].push_back(static_cast<int>(i));
  }
  std::ostringstream out;
  std::function<void(int, int)> print = [&](int index, int depth) {
    const PlanNode& node = nodes[static_cast<std::size_t>(index)];
    out << std::string(static_cast<std::size_t>(depth) * 4, ' ') << (depth > 0 ? "→ " : "")
        << Label(node, english);
    if (depth > 0) out << "  [" << node.reason << "]";
    out << '\n';
    for (int child : children[static_cast<std::size_t>(index)]) print(child, depth + 1);
  };
  std::vector<const PlanNode*> orphans;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const PlanNode& node = nodes[i];
    if (!node.readable || node.parent >= 0) continue;
    const bool has_children = !children[i].empty();
    if (!node.parent_file.empty()) {
      out << Label(node, english) << "  [" << node.reason << "]\n";
      for (int child : children[i]) print(child, 1);
    } else if (has_children) {
      print(static_cast<int>(i), 0);
    }
    if (node.parent_file.empty()) orphans.push_back(&node);
  }
  if (!orphans.empty()) {
    out << (english ? "\nWithout a parent plan:\n" : "\n未找到上级计划：\n");
    for (const PlanNode* node : orphans) {
      out << "  " << Label(*node, english) << "  [" << node->reason << "]\n";
    }
  }
  bool unreadable = false;
  for (const PlanNode& node : nodes) {
    if (node.readable) continue;
    if (!unreadable) out << (english ? "\nNot readable:\n" : "\n无法读取：\n");
    unreadable = true;
    out << "  " << node.file << '\n';
  }
  return out.str();
}

std::string PlansToJson(const std::vector<PlanNode>& nodes) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const PlanNode& node : nodes) {
    nlohmann::ordered_json j;
    j["file"] = node.file;
    j["readable"] = node.readable;
    j["region"] = node.region;
    if (!node.within.empty()) j["within"] = node.within;
    j["level"] = node.level;
    j["year"] = node.year > 0 ? nlohmann::ordered_json(node.year) : nlohmann::ordered_json();
    j["region_from"] = node.region_from;
    j["year_from"] = node.year_from;
    if (node.parent >= 0) {
      j["parent"] = nodes[static_cast<std::size_t>(node.parent)].file;
    } else if (!node.parent_file.empty()) {
      j["parent"] = node.parent_file;
    } else {
      j["parent"] = nullptr;
    }
    j["reason"] = node.reason;
    all.push_back(std::move(j));
  }
  return all.dump(2) + "\n";
}

}  // namespace plancheck::report
