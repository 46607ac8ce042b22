#include "base/error_list.h"

#include "base/utf8.h"

namespace plancheck {

std::string FormatError(const Error& error) {
  std::string out;
  if (!error.file.empty()) {
    // File names and messages may quote a document or a YAML file: printed escaped, so
    // that neither can restyle the terminal nor forge a line (base/utf8.h).
    out += EscapeControls(error.file);
    if (error.position.line > 0) {
      out += ':' + std::to_string(error.position.line);
      if (error.position.column > 0) out += ':' + std::to_string(error.position.column);
    }
    out += ": ";
  }
  out += "error: ";
  out += EscapeControls(error.message);
  return out;
}

std::string ErrorList::ToString() const {
  std::string out;
  for (const Error& error : errors_) {
    out += FormatError(error);
    out += '\n';
  }
  return out;
}

}  // namespace plancheck
