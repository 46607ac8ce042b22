// The `registries:` and `stems:` parameters of the unit check kinds (registered_unit,
// registry_coverage, consistent_unit_names, and `unique`, `disjoint`, `collective_only` with
// `registries:`): paths relative to the rule file, loaded through data/unit_registry_loader.h.
#pragma once

#include <memory>

#include "base/error_list.h"
#include "data/unit_registry_loader.h"
#include "rule/params.h"

namespace plancheck::checks {

// Reads a check's `registries:` parameter (a path or a list of paths, each relative to
// the directory of the rule file, e.g. `registries: [../units]`) and loads them, with the
// department stems of the optional `stems:` parameter (a path, e.g.
// `stems: ../units/patterns/departments.yaml`). Returns nullptr when `registries` is absent
// (and `required` adds "missing parameter") or when nothing could be loaded; errors are
// added at the parameter's position.
std::shared_ptr<const data::UnitRegistrySet> LoadRegistriesParam(const rule::Params& params,
                                                           ErrorList& errors, bool required = true);

}  // namespace plancheck::checks
