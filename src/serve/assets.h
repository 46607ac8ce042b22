// The page `plancheck serve` serves, embedded in the binary at build time from
// src/serve/page/ (cmake/embed_assets.cmake), so it works on an offline office network:
// no external fonts, scripts or style sheets.
#pragma once

#include <string_view>
#include <vector>

namespace plancheck::serve {

struct EmbeddedFile {
  std::string_view path;   // "/index.html", "/app.js"
  std::string_view bytes;
};

// Every embedded file (generated source).
const std::vector<EmbeddedFile>& EmbeddedFiles();

// The file served at `path` ("/" is "/index.html"); nullptr when none.
const EmbeddedFile* FindEmbeddedFile(std::string_view path);

// The Content-Type of a served file, by its extension.
std::string_view ContentTypeOf(std::string_view path);

}  // namespace plancheck::serve
