// Parsing: normalized text -> outline and metadata of a Document.
//
// ParseDocument recognizes the document's shape (line-per-task, flattened table, long
// paragraphs, PDF-extracted text) and fills metadata, declared_task_count, body and
// parts. It never fails: text it cannot place stays outside the outline, and a document
// with no recognizable task has an empty outline (rules report that, not the parser).
#pragma once

#include "model/document.h"

namespace plancheck::parse {

void ParseDocument(model::Document& doc);

// Only the metadata (title, issuer, document number, date, region and year): what a run
// over many plans needs to know where each plan sits before it parses any whole.
void ParseHead(model::Document& doc);

}  // namespace plancheck::parse
