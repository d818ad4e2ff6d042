// The bodies of dragoman's fuzz targets (docs/hardening.md), one function per reader of outside
// input. The libFuzzer entry points beside this file are one line each, and
// tests/regressions_test.cc runs every input in tests/regressions/<target>/ through the same
// functions in the ordinary (and sanitizer) test build, so a fixed finding stays fixed.
//
// Each function takes arbitrary bytes. Readers may reject input with a Status; they must never
// crash, hang or hand back a span or reference outside their input. Broken invariants abort().
#ifndef DRAGOMAN_TESTS_FUZZ_FUZZ_TARGETS_H_
#define DRAGOMAN_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <zlib.h>
#include <string>
#include <string_view>

#include "dict/readers.h"
#include "dragoman/builtin.h"
#include "dragoman/bundle.h"
#include "dragoman/coder.h"
#include "dragoman/dictionary.h"
#include "dragoman/output.h"
#include "dragoman/text.h"
#include "dragoman/validate.h"
#include "io/byte_stream.h"
#include "io/corpus.h"
#include "io/line_reader.h"
#include "io/record_scanner.h"

#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace dragoman::fuzz {

inline std::string_view Bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}
inline bool Inside(Span s, size_t size) { return s.start <= s.end && s.end <= size; }

// text.h: UTF-8 checks, normalisation, sentences, tokens, phrase words, datelines, ISO dates.
inline void FuzzText(std::string_view text) {
  FUZZ_CHECK(IsValidUtf8(text) == (FirstInvalidUtf8(text) == std::string_view::npos));
  if (IsValidUtf8(text)) FUZZ_CHECK(IsValidUtf8(NormalizeForMatching(text)));
  (void)PhraseWords(text);
  (void)ParseIsoDay(text);
  for (Day reference : {kNoDay, DayFromCivil(2022, 1, 1)})
    if (auto d = ReadDateline(text, reference)) FUZZ_CHECK(Inside(d->span, text.size()));
  uint32_t last = 0;
  for (Span s : SplitSentences(text)) {
    FUZZ_CHECK(last <= s.start && s.start < s.end && s.end <= text.size());
    last = s.end;
    uint32_t prev = s.start;
    for (const Token& t : Tokenize(text, s)) {
      FUZZ_CHECK(prev <= t.start && t.start < t.end && t.end <= s.end && !t.norm.empty());
      prev = t.end;
    }
  }
}

// One dictionary reader through ParseDictionary; for verbs also both family readers directly, so
// the PETRARCH-1/TABARI and PETRARCH-2 grammars each see every input whatever the detection says.
inline void FuzzDictionary(DictionaryKind kind, std::string_view content) {
  DictionarySet set;
  (void)ParseDictionary(content, "fuzz.txt", kind, &set);
  FUZZ_CHECK(set.files.size() == 1);
  for (const ActorPhrase& p : set.actor_phrases) FUZZ_CHECK(p.actor < set.actors.size());
  for (const AgentPhrase& p : set.agent_phrases) FUZZ_CHECK(p.agent < set.agents.size());
  for (const VerbForm& v : set.verb_forms)
    FUZZ_CHECK(v.block < set.verb_blocks.size() && v.verb_word < v.words.size());
  if (kind == DictionaryKind::kVerbs) {
    (void)DetectVerbFamily(content);
    DictionarySet petr1, petr2;
    (void)dict::ParseVerbsPetrarch1(content, petr1.AddFile("fuzz.txt"), &petr1);
    (void)dict::ParseVerbsPetrarch2(content, petr2.AddFile("fuzz.txt"), &petr2);
  }
}

// validate.h: the tolerant suite reader, then judging with the expected events as the coded ones
// (every judged record must then pass, unless it expects one triple twice: UD-PETRARCH judging
// counts repeated coded triples once, docs/validate.md) and the report.
inline void FuzzValidationSuite(std::string_view content) {
  Result<ValidationSuite> suite = ParseValidationSuite(content, "fuzz.xml");
  if (!suite.ok()) return;
  size_t lines = std::count(content.begin(), content.end(), '\n') + 1;
  for (const SuiteRecord& r : suite->records) FUZZ_CHECK(r.line >= 1 && r.line <= lines);
  ValidationReport report =
      JudgeSuite(suite.value(), [](const SuiteRecord& r) { return r.expected; });
  FUZZ_CHECK(report.results.size() == suite->records.size());
  for (size_t i = 0; i < report.results.size(); ++i) {
    const std::vector<SuiteEvent>& expected = suite->records[i].expected;
    bool repeated = false;
    for (size_t a = 0; a < expected.size(); ++a)
      for (size_t b = a + 1; b < expected.size(); ++b)
        repeated |= SameEvent(expected[a], expected[b]);
    if (report.results[i].verdict.judged && !repeated) FUZZ_CHECK(report.results[i].verdict.passed);
  }
  (void)FormatReport(suite.value(), report, /*verbose=*/true);
}

// The Coder built once from the built-in dictionaries in data/.
inline const Coder& BuiltinCoder() {
  static const Coder* coder = [] {
    DictionarySet set;
    FUZZ_CHECK(LoadBuiltinDictionaries(&set).ok());
    Result<CameoTable> cameo = LoadBuiltinCameoTable();
    FUZZ_CHECK(cameo.ok());
    Result<std::unique_ptr<Coder>> c = Coder::Create(std::move(set), std::move(cameo).value());
    FUZZ_CHECK(c.ok());
    return std::move(c).value().release();
  }();
  return *coder;
}

// The whole coding path: Coder::Code(), CodeSentence() and the JSON Lines records of the result,
// each of which must be one valid JSON line with spans inside the text.
inline void FuzzCode(std::string_view bytes) {
  const Coder& coder = BuiltinCoder();
  Document doc{"fuzz", std::string(bytes), kNoDay};
  const size_t size = doc.text.size();
  CodedDocument coded = coder.Code(doc);
  RecordContext ctx{doc.id, doc.text, ""};
  std::string out;
  AppendDocumentRecord(ctx, coded, "builtin", &out);
  for (Span s : coded.sentences) FUZZ_CHECK(Inside(s, size));
  for (const Event& e : coded.events) {
    FUZZ_CHECK(e.sentence_index < coded.sentences.size() && Inside(e.sentence, size));
    FUZZ_CHECK(Inside(e.verb, size) && Inside(e.source.span, size) && Inside(e.target.span, size));
    AppendEventRecord(ctx, e, &out);
  }
  for (const Quote& q : coded.quotes) {
    FUZZ_CHECK(Inside(q.span, size) && Inside(q.speaker, size));
    AppendQuoteRecord(ctx, q, &out);
  }
  for (const CoderWarning& w : coded.warnings) AppendWarningRecord(ctx, w, &out);
  for (size_t pos = 0, nl; (nl = out.find('\n', pos)) != std::string::npos; pos = nl + 1)
    FUZZ_CHECK(nlohmann::json::accept(std::string_view(out).substr(pos, nl - pos)));
  if (size <= 1024) (void)coder.CodeSentence(doc.text, DayFromCivil(2022, 1, 1));
}

// Bytes in memory as an io::ByteStream, handed out `chunk` bytes at a time so that line and
// decoder buffers meet record boundaries at every offset.
class MemoryStream : public io::ByteStream {
 public:
  MemoryStream(std::string_view bytes, size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  Result<size_t> Read(char* buffer, size_t size) override {
    size_t n = std::min({size, chunk_, bytes_.size() - pos_});
    std::copy_n(bytes_.data() + pos_, n, buffer);
    pos_ += n;
    return n;
  }

 private:
  std::string_view bytes_;
  size_t chunk_;
  size_t pos_ = 0;
};

// JSON Lines input as the CLI reads it: io::LineReader (with a small line limit, so that the
// too-long path runs too) and io::DecodeRecord on every line. A record's meta must be a JSON
// object text; lines never contain '\n'.
inline void FuzzJsonLines(std::string_view bytes) {
  MemoryStream stream(bytes, 1 + bytes.size() % 61);
  io::LineReader lines(&stream, 1024);
  std::string line;
  for (io::LineReader::Outcome o; (o = lines.Next(&line)) != io::LineReader::Outcome::kEnd;) {
    FUZZ_CHECK(o != io::LineReader::Outcome::kError);
    if (o != io::LineReader::Outcome::kLine) continue;
    FUZZ_CHECK(line.size() <= 1024 && line.find('\n') == std::string::npos);
    io::RawRecord raw;
    raw.kind = io::RawRecord::Kind::kJsonLine;
    raw.bytes = line;
    raw.file = "fuzz.jsonl";
    raw.line = lines.line_number();
    // The fast scanner must agree with the full parser whenever it accepts a line.
    if (io::SimpleRecord simple; io::ScanSimpleRecord(line, &simple)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      FUZZ_CHECK(j.is_object());
      FUZZ_CHECK(j.size() == size_t{simple.has_id} + simple.has_date + simple.has_text);
      if (simple.has_text) FUZZ_CHECK(j["text"] == simple.text);
      if (simple.has_id) FUZZ_CHECK(j["id"] == simple.id);
      if (simple.has_date) FUZZ_CHECK(j["date"] == simple.date);
    }
    io::InputRecord record = io::DecodeRecord(std::move(raw), kNoDay);
    if (record.is_error)
      FUZZ_CHECK(!record.message.empty() && record.line == lines.line_number());
    else if (!record.meta_json.empty())
      FUZZ_CHECK(nlohmann::json::accept(record.meta_json));
  }
}

// Compressed input: the first byte picks gzip ('g'), zstd ('z') or none; the rest is the stream,
// read to its end or to the first error (at most 16 MB of output, so bombs end early).
inline void FuzzCompressed(std::string_view bytes) {
  if (bytes.empty()) return;
  io::Compression c = bytes[0] == 'g'   ? io::Compression::kGzip
                      : bytes[0] == 'z' ? io::Compression::kZstd
                                        : io::Compression::kNone;
  auto source = std::make_unique<MemoryStream>(bytes.substr(1), 1 + bytes.size() % 4093);
  std::unique_ptr<io::ByteStream> stream = io::Decompress(std::move(source), c);
  static char buffer[65536];
  for (size_t total = 0; total < (16u << 20);) {
    Result<size_t> n = stream->Read(buffer, sizeof buffer);
    if (!n.ok() || n.value() == 0) break;
    FUZZ_CHECK(n.value() <= sizeof buffer);
    total += n.value();
  }
}

// A dictionary bundle (bundle.h, docs/bundle.md) without its CRC-32 trailer: the target appends
// it, so that mutations reach the section parsers instead of stopping at the checksum. A bundle
// that loads is compiled and self-checked (CreateBundleCoder), which runs Coder::Create and
// Coder::Code on dictionaries that no reader produced.
inline void FuzzBundle(std::string_view bytes) {
  std::string file(bytes);
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(file.data()), static_cast<uInt>(file.size()));
  for (int i = 0; i < 4; ++i) file.push_back(static_cast<char>((crc >> (8 * i)) & 0xFF));
  Result<LoadedBundle> bundle = ParseBundle(file, "fuzz.bundle");
  if (!bundle.ok()) return;
  (void)CreateBundleCoder(std::move(bundle).value());
}

}  // namespace dragoman::fuzz

#endif  // DRAGOMAN_TESTS_FUZZ_FUZZ_TARGETS_H_
