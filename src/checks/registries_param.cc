#include "checks/registries_param.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plancheck::checks {
namespace fs = std::filesystem;

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
  const fs::path base = fs::path(params.file()).parent_path();
  data::RegistryList all;
  for (const std::string& path : paths) {
    const fs::path resolved = fs::path(path).is_absolute() ? fs::path(path) : base / path;
    data::RegistryList loaded = data::LoadUnitRegistries(resolved.lexically_normal().generic_string(), errors,
                                             params.file(), params.PositionOf("registries"));
    all.insert(all.end(), loaded.begin(), loaded.end());
  }
  if (all.empty()) return nullptr;
  std::shared_ptr<const data::DepartmentStems> stems;
  if (params.Has("stems")) {
    const std::optional<std::string> path = params.RequiredString("stems", errors);
    if (path) {
      const fs::path resolved = fs::path(*path).is_absolute() ? fs::path(*path) : base / *path;
      stems = data::LoadDepartmentStems(resolved.lexically_normal().generic_string(), errors,
                                  params.file(), params.PositionOf("stems"));
    }
  }
  return std::make_shared<const data::UnitRegistrySet>(std::move(all), std::move(stems));
}

}  // namespace plancheck::checks
