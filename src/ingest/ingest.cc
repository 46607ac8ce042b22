#include "ingest/ingest.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ingest/normalize.h"
#include "ingest/text_reader.h"

namespace plancheck::ingest {
namespace fs = std::filesystem;

const std::vector<std::string>& DocumentExtensions() {
  static const std::vector<std::string> kExtensions = {".doc", ".docx", ".htm", ".html", ".ofd", ".pdf", ".txt"};
  return kExtensions;
}

namespace {

bool HasDocumentExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto& known = DocumentExtensions();
  return std::find(known.begin(), known.end(), ext) != known.end();
}

std::string DisplayPath(const fs::path& path) { return path.generic_string(); }

model::Document MakeDocument(DecodedText decoded, const std::string& display_path) {
  model::Document doc;
  doc.path = display_path;
  doc.source = std::move(decoded.text);
  NormalizedText normalized = Normalize(doc.source);
  doc.text = std::move(normalized.text);
  doc.origin = std::move(normalized.origin);
  doc.metadata.encoding = decoded.encoding;
  doc.line_places = std::move(decoded.line_places);
  doc.body = {0, doc.text.size()};
  doc.Reindex();
  return doc;
}

}  // namespace

std::vector<InputFile> CollectInputs(const std::vector<std::string>& paths, ErrorList& errors) {
  std::vector<InputFile> inputs;
  for (const std::string& arg : paths) {
    const fs::path root(arg);
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      // A dangling symlink or a missing path: one error, the others go on.
      errors.Add(DisplayPath(root), {}, "文件或目录不存在");
      continue;
    }
    if (!fs::is_directory(status)) {
      inputs.push_back({root.string(), DisplayPath(root)});
      continue;
    }
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      errors.Add(DisplayPath(root), {}, "无法读取目录：" + ec.message());
      continue;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        errors.Add(DisplayPath(root), {}, "遍历目录时出错：" + ec.message());
        break;
      }
      std::error_code entry_ec;
      // Symlinked directories are not followed (recursive_directory_iterator's default),
      // so a symlink loop cannot make the walk endless.
      if (it->is_directory(entry_ec)) continue;
      if (HasDocumentExtension(it->path())) {
        found.push_back({it->path().string(), DisplayPath(it->path())});
      }
    }
    if (found.empty()) {
      errors.Add(DisplayPath(root), {}, "目录中没有可检查的文档（*.txt、*.docx、*.doc、*.html、*.pdf、*.ofd）");
      continue;
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.display_path < b.display_path; });
    inputs.insert(inputs.end(), found.begin(), found.end());
  }
  return inputs;
}

Result<model::Document> LoadDocument(const InputFile& input) {
  Result<DecodedText> decoded = ReadTextFile(input.path, input.display_path);
  if (!decoded) return decoded.error();
  return MakeDocument(std::move(*decoded), input.display_path);
}

Result<model::Document> LoadDocumentFromString(std::string bytes, const std::string& display_path) {
  Result<DecodedText> decoded = DecodeText(std::move(bytes), display_path);
  if (!decoded) return decoded.error();
  return MakeDocument(std::move(*decoded), display_path);
}

}  // namespace plancheck::ingest
