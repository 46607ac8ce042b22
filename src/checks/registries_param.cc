#include "checks/registries_param.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/read_file.h"

namespace plancheck::checks {
namespace fs = std::filesystem;
namespace {

// A path parameter (`registries`, `stems`) resolved against the rule file; nullopt, after
// an error at the parameter, when it leaves the places the pack may name
// (rule::Params::allowed_roots: a pack a discovered configuration names).
std::optional<std::string> ResolveParamPath(const rule::Params& params, const std::string& key,
                                            const std::string& path, ErrorList& errors) {
  const fs::path base = fs::path(params.file()).parent_path();
  const fs::path resolved = fs::path(path).is_absolute() ? fs::path(path) : base / path;
  const std::string normal = resolved.lexically_normal().generic_string();
  if (PathIsInside(normal, params.allowed_roots())) return normal;
  params.AddError(key,
                  "'" + key + "' path '" + path + "' (" + CanonicalPath(normal) +
                      ") lies outside the directory of the configuration that names this rule "
                      "pack and the installed rules",
                  errors);
  return std::nullopt;
}

}  // namespace

std::shared_ptr<const data::UnitRegistrySet> LoadRegistriesParam(const rule::Params& params,
                                                                 ErrorList& errors, bool required) {
  if (!params.Has("registries")) {
    if (required) {
      errors.Add(params.file(), params.position(), "missing parameter 'registries'");
    }
    return nullptr;
  }
  const std::size_t errors_before = errors.size();
  const std::vector<std::string> paths = params.StringList("registries", errors);
  if (errors.size() != errors_before) return nullptr;
  data::RegistryList all;
  for (const std::string& path : paths) {
    const std::optional<std::string> resolved = ResolveParamPath(params, "registries", path, errors);
    if (!resolved) continue;
    data::RegistryList loaded =
        data::LoadUnitRegistries(*resolved, errors, params.file(), params.PositionOf("registries"),
                                 params.allowed_roots());
    all.insert(all.end(), loaded.begin(), loaded.end());
  }
  if (all.empty()) return nullptr;
  std::shared_ptr<const data::DepartmentStems> stems;
  if (params.Has("stems")) {
    const std::optional<std::string> path = params.RequiredString("stems", errors);
    const std::optional<std::string> resolved =
        path ? ResolveParamPath(params, "stems", *path, errors) : std::nullopt;
    if (resolved) {
      stems = data::LoadDepartmentStems(*resolved, errors, params.file(), params.PositionOf("stems"));
    }
  }
  return std::make_shared<const data::UnitRegistrySet>(std::move(all), std::move(stems));
}

}  // namespace plancheck::checks
