// Ingest: from a path on disk to a Document holding source and normalized text.
//
// LoadDocument reads, decodes and normalizes one file; it does not parse (see
// parse/parser.h). CollectInputs turns the command line's paths into the list of
// document files, walking directories.
#pragma once

#include <string>
#include <vector>

#include "base/error_list.h"
#include "model/document.h"

namespace plancheck::ingest {

// Extensions (lower case, with the dot) that a directory walk picks up.
const std::vector<std::string>& DocumentExtensions();

struct InputFile {
  std::string path;          // what to open
  std::string display_path;  // what to print: as the user named it, '/' separators
};

// Expands files and directories (recursively, sorted, symlinked directories not
// followed) into document files. A missing path, or a directory holding no document,
// adds an Error and the other paths go on. Files named explicitly are taken whatever
// their extension.
std::vector<InputFile> CollectInputs(const std::vector<std::string>& paths, ErrorList& errors);

// Reads, decodes and normalizes one file. The Document has path, source, text, origin,
// source_lines and metadata.encoding set; its outline is empty.
Result<model::Document> LoadDocument(const InputFile& input);

// The same for text already in memory (tests, stdin).
Result<model::Document> LoadDocumentFromString(std::string bytes, const std::string& display_path);

}  // namespace plancheck::ingest
