#include "parse/parser.h"

namespace plancheck::parse {

void ParseDocument(model::Document& doc) { doc.metadata.shape = "unknown"; }

}  // namespace plancheck::parse
