// Loading unit registries (rules/units/*.yaml) and choosing the ones a document uses.
//
// Reference data (docs/architecture.md): check kinds (units.unknown, units.inconsistent-name,
// and `unique`/`disjoint` with `registries:`) load their registries in Create through
// checks/registries_param.h, and `plancheck units` uses them too. The data and matching
// live in data/unit_registry.h; this is the one file that reads registry YAML.
//
// File format: see rules/units/chongqing-district.yaml. Every mistake is reported like a
// compiler error at its YAML position (file:line:col), loading goes on, nothing throws.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/error_list.h"
#include "model/document.h"
#include "data/unit_registry.h"

namespace plancheck::data {

using RegistryList = std::vector<std::shared_ptr<const UnitRegistry>>;

// Parses one registry from YAML text; `file` names it in errors. nullptr (with errors
// added) when the text is not a usable registry; a registry with some bad entries is
// returned without them.
std::shared_ptr<const UnitRegistry> LoadUnitRegistryFromString(const std::string& yaml,
                                                                      const std::string& file,
                                                                      ErrorList& errors);

// Loads a registry file, or every *.yaml in a directory (sorted, not recursive). A
// missing path, or a directory without registries, is an error at `where` in `from_file`
// (the rule that named it); errors inside registry files point into them. Registry ids
// must be unique across what one call loads. Only regular files of at most
// kMaxConfigFileBytes are read, and with `allowed_roots` only files inside them (a
// symlink is judged by where it leads; rule::Params::allowed_roots).
RegistryList LoadUnitRegistries(const std::string& path, ErrorList& errors,
                                const std::string& from_file = "", Position where = {},
                                const std::vector<std::string>& allowed_roots = {});

// Parses department stems (rules/units/patterns/departments.yaml) from YAML text: keys
// `prefixes`, `departments` ({name, variants}) and `suffixes`. A stem listed twice, an entry
// without a name or an unknown key is an error at its position; nullptr when nothing usable.
std::shared_ptr<const DepartmentStems> LoadDepartmentStemsFromString(
    const std::string& yaml, const std::string& file, ErrorList& errors);
// The same from a file; a missing file is an error at `where` in `from_file`.
std::shared_ptr<const DepartmentStems> LoadDepartmentStems(const std::string& path,
                                                                 ErrorList& errors,
                                                                 const std::string& from_file = "",
                                                                 Position where = {});

// A loaded set of registries, and per document the directory of those that apply.
class UnitRegistrySet {
 public:
  explicit UnitRegistrySet(RegistryList registries,
                           std::shared_ptr<const DepartmentStems> stems = nullptr)
      : registries_(std::move(registries)), stems_(std::move(stems)) {}
  // The merged registries applying to `metadata` (UnitRegistry::AppliesTo), with the
  // stems. Built once per (level, region) and cached; safe to call from several threads.
  std::shared_ptr<const UnitDirectory> For(const model::Metadata& metadata) const;
  // Every registry, whatever it applies to.
  std::shared_ptr<const UnitDirectory> All() const;
  // Whether one of the registries is of the document's own region (UnitRegistry::Covers).
  bool Covers(const model::Metadata& metadata) const;
  const RegistryList& registries() const { return registries_; }
  const std::shared_ptr<const DepartmentStems>& stems() const { return stems_; }

 private:
  RegistryList registries_;
  std::shared_ptr<const DepartmentStems> stems_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const UnitDirectory>> cache_;
};

}  // namespace plancheck::data
