// plancheck-doc: reads a Word 97-2003 .doc on standard input with libwv and writes its
// paragraphs and table cells as the records of doc_helper.h. Run by doc_reader.cc, one
// process per document.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <iconv.h>

extern "C" {
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>
#include <wv.h>
}

#include "ingest/doc_helper.h"

namespace {

using plancheck::ingest::doc_helper::kCorrupt;
using plancheck::ingest::doc_helper::kEncrypted;
using plancheck::ingest::doc_helper::kNotWord;
using plancheck::ingest::doc_helper::kUnsupported;

constexpr std::size_t kMaxInputBytes = 256u * 1024u * 1024u;
constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// The text of the paragraph being read and what to do with it at its end.
struct State {
  bool word8 = true;      // Word 97 or later: 8-bit text is cp1252; before, the lid's codepage
  bool in_table = false;  // the paragraph's PAP says fInTable
  bool row_end = false;   // ... and fTtp: the paragraph holding the row-end mark
  char16_t last = 0;      // the last character of the paragraph (0x0D, or 0x07 in a table)
  int field_depth = 0;    // fields nest; 0 outside any
  std::vector<bool> field_code;  // per open field: still in its code (before 0x14)?
  std::string text;
  // Pending characters in `codepage`, decoded together by iconv: UTF-16LE code units (a
  // surrogate pair needs both halves) or 8-bit bytes (a double-byte codepage needs pairs).
  std::string bytes;
  std::string codepage;
};

State state;

void FlushBytes() {
  if (state.bytes.empty()) return;
  iconv_t cd = iconv_open("UTF-8", state.codepage.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    for (char c : state.bytes) state.text += (c & 0x80) == 0 ? std::string(1, c) : kReplacement;
  } else {
    char* in = state.bytes.data();
    std::size_t in_left = state.bytes.size();
    while (in_left > 0) {
      char buffer[256];
      char* out = buffer;
      std::size_t out_left = sizeof buffer;
      const std::size_t done = iconv(cd, &in, &in_left, &out, &out_left);
      state.text.append(buffer, out - buffer);
      if (done == static_cast<std::size_t>(-1) && errno != E2BIG) {
        state.text += kReplacement;  // an invalid or cut byte: skip it
        ++in;
        --in_left;
      }
    }
    iconv_close(cd);
  }
  state.bytes.clear();
}

bool InFieldCode() { return !state.field_code.empty() && state.field_code.back(); }

// Word's control characters in the text stream (MS-DOC 2.4.x): 0x07 cell or row end, 0x0D
// paragraph end, 0x0B line break, 0x0C page or section break, 0x09 tab, 0x13/0x14/0x15
// field begin/separator/end (the code between 0x13 and 0x14 is not text, the result after
// 0x14 is), 0x1E non-breaking hyphen, 0x1F optional hyphen.
int OnChar(wvParseStruct*, U16 c, U8 chartype, U16 lid) {
  if (c == 0x13) {
    FlushBytes();
    state.field_code.push_back(true);
    return 0;
  }
  if (c == 0x14) {
    if (!state.field_code.empty()) state.field_code.back() = false;
    return 0;
  }
  if (c == 0x15) {
    FlushBytes();
    if (!state.field_code.empty()) state.field_code.pop_back();
    return 0;
  }
  if (c == 0x07 || c == 0x0D) {
    state.last = static_cast<char16_t>(c);
    return 0;
  }
  if (InFieldCode()) return 0;
  if (c == 0x09 || c == 0x0B || c == 0x0C) c = ' ';
  if (c == 0x1E) c = '-';
  if (c == 0x1F) return 0;
  if (c < 0x20) return 0;
  const char* page = "UTF-16LE";
  if (chartype == 1) {  // 8-bit
    page = state.word8 ? "CP1252" : wvLIDToCodePageConverter(lid);
    if (page == nullptr) page = "CP1252";
  }
  if (state.codepage != page) FlushBytes();
  state.codepage = page;
  state.bytes += static_cast<char>(c & 0xFF);
  if (chartype != 1) state.bytes += static_cast<char>(c >> 8);
  return 0;
}

int OnSpecialChar(wvParseStruct*, U16, CHP*) { return 0; }  // pictures, notes: no text

void Emit(const char* kind, const std::string& text) {
  std::fputs(kind, stdout);
  if (!text.empty() || kind[0] != 'R') {
    std::fputc('\t', stdout);
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  std::fputc('\n', stdout);
}

int OnElement(wvParseStruct*, wvTag tag, void* props, int) {
  if (tag == PARABEGIN) {
    const PAP* pap = static_cast<const PAP*>(props);
    state.in_table = pap != nullptr && pap->fInTable != 0;
    state.row_end = pap != nullptr && pap->fTtp != 0;
    state.text.clear();
    state.last = 0;
  } else if (tag == PARAEND) {
    FlushBytes();
    if (!state.in_table) {
      Emit("P", state.text);
    } else if (state.row_end) {
      Emit("R", "");
    } else {
      Emit(state.last == 0x07 ? "E" : "C", state.text);
    }
    state.text.clear();
  }
  return 0;
}

void LimitSelf() {
  rlimit cpu{static_cast<rlim_t>(plancheck::ingest::doc_helper::kCpuSeconds),
             static_cast<rlim_t>(plancheck::ingest::doc_helper::kCpuSeconds)};
  setrlimit(RLIMIT_CPU, &cpu);
#if !defined(__SANITIZE_ADDRESS__)
  rlimit memory{plancheck::ingest::doc_helper::kAddressSpaceBytes,
                plancheck::ingest::doc_helper::kAddressSpaceBytes};
  setrlimit(RLIMIT_AS, &memory);
#endif
}

}  // namespace

int main() {
  LimitSelf();
  std::string input;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(0, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    input.append(buffer, static_cast<std::size_t>(got));
    if (input.size() > kMaxInputBytes) return plancheck::ingest::doc_helper::kInputTooLarge;
  }
  wvInit();
  GsfInput* source = gsf_input_memory_new(reinterpret_cast<const guint8*>(input.data()),
                                          static_cast<gsf_off_t>(input.size()), FALSE);
  if (source == nullptr) return kCorrupt;
  // A Word document is the OLE2 file with a WordDocument stream; an .xls or .ppt is not
  // (libwv would take their bytes for a Word header and report nonsense).
  {
    GsfInfile* ole = gsf_infile_msole_new(source, nullptr);
    if (ole == nullptr) return kCorrupt;
    GsfInput* word = gsf_infile_child_by_name(ole, "WordDocument");
    if (word == nullptr) return kNotWord;
    g_object_unref(word);
    g_object_unref(ole);
    gsf_input_seek(source, 0, G_SEEK_SET);
  }
  wvParseStruct ps;
  const int status = wvInitParser_gsf(&ps, source);
  if (status != 0) {
    if ((status & 0x8000) != 0) return kEncrypted;
    if (status == 4 || status == 3) return kNotWord;
    return kCorrupt;
  }
  int reason = 0;
  const wvVersion version = wvQuerySupported(&ps.fib, &reason);
  if (ps.fib.fEncrypted != 0) return kEncrypted;
  if (version == WORD2 || version == WORD5 || version == WORD1 || version == WORD3 ||
      version == WORD4) {
    return kUnsupported;
  }
  state.word8 = version == WORD8;
  wvSetCharHandler(&ps, OnChar);
  wvSetSpecialCharHandler(&ps, OnSpecialChar);
  wvSetElementHandler(&ps, OnElement);
  if (wvText(&ps) != 0) return kCorrupt;
  std::fflush(stdout);
  // No cleanup: the process ends here, and libwv's teardown has nothing to give back.
  return std::ferror(stdout) != 0 ? kCorrupt : 0;
}
