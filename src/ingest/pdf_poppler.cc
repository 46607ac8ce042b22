// plancheck-pdf.so: the poppler side of PDF reading (see pdf_module.h). Built as a module
// on its own, with no part of plancheck_core in it.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>

#include "ingest/pdf_module.h"

namespace plancheck::ingest::pdf_module {
namespace {

// Poppler reports problems through one process-wide callback, by default to stderr. It
// is replaced once by one that keeps the messages of the calling thread (documents are
// read on several threads at once), so they can be quoted in plancheck's error and never
// printed.
thread_local std::vector<std::string>* t_messages = nullptr;

void KeepMessage(const std::string& message, void* /*closure*/) {
  if (t_messages != nullptr && t_messages->size() < 8) t_messages->push_back(message);
}

// Collects poppler's messages while alive.
class MessageScope {
 public:
  MessageScope() : previous_(t_messages) {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(&KeepMessage, nullptr); });
    t_messages = &messages_;
  }
  ~MessageScope() { t_messages = previous_; }
  MessageScope(const MessageScope&) = delete;
  MessageScope& operator=(const MessageScope&) = delete;
  std::string First() const { return messages_.empty() ? "" : messages_.front(); }

 private:
  std::vector<std::string> messages_;
  std::vector<std::string>* previous_;
};

void ReadPagesImpl(const char* data, std::size_t size, int max_pages, std::size_t max_text_bytes,
                   Pages& out) {
  MessageScope messages;
  auto fail = [&](Status status) {
    out.status = status;
    out.first_message = messages.First();
    out.texts.clear();
  };
  // load_from_raw_data reads `data` in place; it outlives the document.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (!doc) return fail(Status::kCannotOpen);
  if (doc->is_locked()) return fail(Status::kLocked);
  out.page_count = doc->pages();
  if (out.page_count <= 0) return fail(Status::kNoPages);
  if (out.page_count > max_pages) return fail(Status::kTooManyPages);
  std::size_t total = 0;
  for (int index = 0; index < out.page_count; ++index) {
    std::unique_ptr<poppler::page> page(doc->create_page(index));
    if (!page) {
      out.page_count = index + 1;
      return fail(Status::kBadPage);
    }
    // Reading order, as `pdftotext` without -layout: physical layout would pad columns
    // with spaces, raw order would keep the order of the content stream.
    const poppler::byte_array bytes =
        page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    total += bytes.size();
    if (total > max_text_bytes) return fail(Status::kTextTooLarge);
    out.texts.emplace_back(bytes.begin(), bytes.end());
  }
  out.status = Status::kOk;
}

}  // namespace
}  // namespace plancheck::ingest::pdf_module

extern "C" __attribute__((visibility("default"))) void plancheck_pdf_read_pages(
    const char* data, std::size_t size, int max_pages, std::size_t max_text_bytes,
    plancheck::ingest::pdf_module::Pages* out) {
  plancheck::ingest::pdf_module::ReadPagesImpl(data, size, max_pages, max_text_bytes, *out);
}
