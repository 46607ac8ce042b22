// Fuzz target: bytes as the XML of a .docx -> a valid archive around them
// (docx_xml_input.h) -> the path of a .docx file through plancheck
// (ingest::LoadDocumentFromString: ingest::DecodeText, ingest::ExtractDocx, normalize;
// then parse::ParseDocument). The `docx` target mutates whole archives, which libzip's
// CRC check refuses; here every mutation reaches pugixml and the reader's paragraph,
// table and numbering code. Contracts: those of LoadAndParse (fuzz_util.h), and one
// place per line of the extracted text (ingest/extracted_text.h).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "docx_xml_input.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plancheck;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::optional<model::Document> doc =
      fuzz::LoadAndParse(fuzz::WrapInDocx(fuzz::SplitDocxXmlInput(input)), "fuzz.docx");
  if (!doc) return 0;
  const auto lines =
      static_cast<std::size_t>(std::count(doc->source.begin(), doc->source.end(), '\n'));
  fuzz::FuzzCheck(doc->line_places.size() == lines, "docx lines and places differ in number");
  return 0;
}
