// The paragraph shape (fixtures/seeds/002_*.txt): an action plan written as long paragraphs.
// Parts "一、", sections "（一）" whose line is a title plus an introduction, and numbered
// items "1．" that restart in every section, each a single paragraph stating the measure in
// full. Such plans usually name no units; the parser does not invent any.
#include "parse/shapes.h"

namespace plancheck::parse {

void ParseParagraphs(model::Document& doc, std::size_t begin) {
  FlowOptions options;
  // One line is one paragraph: the unnumbered paragraph after an item (a section's closing
  // remarks) is not part of the item.
  options.paragraph_per_line = true;
  ParseTextFlow(doc, begin, options);
}

}  // namespace plancheck::parse
