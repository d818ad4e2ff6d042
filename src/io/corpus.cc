// Corpus input: expanding inputs, reading raw records, decoding them. See corpus.h for the order
// of records and the error policy.
#include "io/corpus.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "io/record_scanner.h"

namespace dragoman::io {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Fills kind, compression and doc_id from a file name.
void ClassifyByName(InputFile* f, std::string_view id_source) {
  std::string_view stem;
  f->compression = CompressionFromName(f->path, &stem);
  f->kind = EndsWith(stem, ".jsonl") ? InputKind::kJsonLines : InputKind::kText;
  std::string_view id_stem;
  CompressionFromName(id_source, &id_stem);
  f->doc_id = std::string(id_stem);
}

// Files found in a directory are read only when their name says what they hold.
bool IsCorpusFileName(std::string_view name) {
  std::string_view stem;
  CompressionFromName(name, &stem);
  return EndsWith(stem, ".txt") || EndsWith(stem, ".jsonl");
}

void SetSize(InputFile* f) {
  struct stat st;
  if (::stat(f->path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    f->size = static_cast<uint64_t>(st.st_size);
    f->size_known = true;
  }
}

// Appends the corpus files below `dir` in sorted order. `relative` is dir's path below the root.
void Walk(const std::string& dir, const std::string& relative, std::vector<InputFile>* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::pair<std::string, bool>> entries;  // name, is a directory
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code e2;
    // Symbolic links to directories are not followed (no cycles); links to files are.
    bool is_dir = it->symlink_status(e2).type() == fs::file_type::directory;
    bool is_file = !is_dir && it->is_regular_file(e2);
    if (is_dir || (is_file && IsCorpusFileName(name))) entries.emplace_back(name, is_dir);
  }
  if (ec) {
    InputFile f;
    f.path = f.name = dir;
    f.error = "cannot read directory: " + ec.message();
    out->push_back(std::move(f));
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& [name, is_dir] : entries) {
    std::string path = dir + (EndsWith(dir, "/") ? "" : "/") + name;
    std::string rel = relative.empty() ? name : relative + "/" + name;
    if (is_dir) {
      Walk(path, rel, out);
      continue;
    }
    InputFile f;
    f.path = f.name = path;
    ClassifyByName(&f, rel);
    SetSize(&f);
    out->push_back(std::move(f));
  }
}

// nlohmann::json builds and destroys nested values recursively, so a line of 100,000 '[' would
// overflow the stack: lines nested deeper than this are rejected before parsing.
constexpr int kMaxJsonDepth = 512;

bool NestedDeeperThan(std::string_view s, int limit) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<InputFile> out;
  for (const std::string& input : inputs) {
    InputFile f;
    f.path = input;
    if (input == "-") {
      f.name = "<stdin>";
      f.kind = InputKind::kJsonLines;
      f.detect_compression = true;
      struct stat st;  // a redirected regular file has a size; a pipe does not
      if (::fstat(0, &st) == 0 && S_ISREG(st.st_mode)) {
        f.size = static_cast<uint64_t>(st.st_size);
        f.size_known = true;
      }
      out.push_back(std::move(f));
      continue;
    }
    f.name = input;
    struct stat st;
    if (::stat(input.c_str(), &st) != 0) {
      f.error = std::string("cannot open: ") + std::strerror(errno);
      out.push_back(std::move(f));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      Walk(input, "", &out);
      continue;
    }
    ClassifyByName(&f, BaseName(input));
    SetSize(&f);
    out.push_back(std::move(f));
  }
  return out;
}

CorpusReader::CorpusReader(std::vector<InputFile> files, CorpusOptions options)
    : files_(std::move(files)), options_(options) {
  for (const InputFile& f : files_) {
    if (!f.error.empty()) continue;
    total_bytes_ += f.size;
    if (!f.size_known) total_known_ = false;
  }
}

CorpusReader::~CorpusReader() = default;

bool CorpusReader::OpenNext(RawRecord* record) {
  const InputFile& f = files_[next_++];
  auto error = [&](std::string message, uint64_t line) {
    record->kind = RawRecord::Kind::kError;
    record->bytes = std::move(message);
    record->file = f.name;
    record->line = line;
    record->doc_id.clear();
  };
  if (!f.error.empty()) {
    error(f.error, 0);
    return false;
  }
  Result<std::unique_ptr<ByteStream>> stream =
      OpenByteStream(f.path, f.compression, &bytes_read_, f.detect_compression);
  if (!stream.ok()) {
    error(stream.status().message(), 0);
    return false;
  }
  if (f.kind == InputKind::kJsonLines) {
    current_ = &f;
    stream_ = std::move(stream).value();
    lines_ = std::make_unique<LineReader>(stream_.get(), options_.max_record_bytes);
    return true;
  }
  // A plain-text article: read it whole, up to the limit.
  std::unique_ptr<ByteStream> in = std::move(stream).value();
  std::string text;
  size_t chunk = 64 * 1024;
  for (;;) {
    size_t old = text.size();
    text.resize(old + chunk);
    Result<size_t> n = in->Read(text.data() + old, chunk);
    if (!n.ok()) {
      error(n.status().message(), 0);
      return false;
    }
    text.resize(old + n.value());
    if (n.value() == 0) break;
    if (text.size() > options_.max_record_bytes) {
      error("article longer than " + std::to_string(options_.max_record_bytes) + " bytes", 0);
      return false;
    }
    chunk = std::min<size_t>(chunk * 2, 4u << 20);
  }
  text.shrink_to_fit();
  record->kind = RawRecord::Kind::kText;
  record->bytes = std::move(text);
  record->file = f.name;
  record->line = 0;
  record->doc_id = f.doc_id;
  return false;
}

bool CorpusReader::Next(RawRecord* record) {
  std::string line;
  for (;;) {
    if (lines_) {
      LineReader::Outcome outcome = lines_->Next(&line);
      if (outcome == LineReader::Outcome::kEnd) {
        lines_.reset();
        stream_.reset();
        current_ = nullptr;
        continue;
      }
      record->file = current_->name;
      record->line = lines_->line_number();
      record->doc_id.clear();
      if (outcome == LineReader::Outcome::kLine) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        record->kind = RawRecord::Kind::kJsonLine;
        record->bytes = std::move(line);
        return true;
      }
      record->kind = RawRecord::Kind::kError;
      if (outcome == LineReader::Outcome::kTooLong) {
        record->bytes = "line longer than " + std::to_string(options_.max_record_bytes) + " bytes";
      } else {
        record->bytes = lines_->error().message();
        lines_.reset();  // the stream cannot go on
        stream_.reset();
        current_ = nullptr;
      }
      return true;
    }
    if (next_ >= files_.size()) return false;
    if (!OpenNext(record)) return true;  // a plain-text article or an error record
  }
}

InputRecord DecodeRecord(RawRecord&& raw, Day default_date) {
  InputRecord r;
  auto fail = [&](std::string message) {
    r.is_error = true;
    r.file = std::move(raw.file);
    r.line = raw.line;
    r.message = std::move(message);
    return std::move(r);
  };
  switch (raw.kind) {
    case RawRecord::Kind::kError:
      return fail(std::move(raw.bytes));
    case RawRecord::Kind::kText:
      r.document.id = std::move(raw.doc_id);
      r.document.text = std::move(raw.bytes);
      r.document.date = default_date;
      return r;
    case RawRecord::Kind::kJsonLine:
      break;
  }
  // The usual record ({"id", "date", "text"} strings only) without a JSON tree; anything else
  // goes to the full parser below, which gives the same document (record_scanner.h).
  if (SimpleRecord simple; ScanSimpleRecord(raw.bytes, &simple) && simple.has_text) {
    Document& doc = r.document;
    doc.text = std::move(simple.text);
    doc.id = simple.has_id ? std::move(simple.id) : raw.file + ":" + std::to_string(raw.line);
    doc.date = default_date;
    if (simple.has_date) {
      Result<Day> day = ParseIsoDay(simple.date);
      if (!day.ok()) return fail("bad \"date\": " + day.status().message());
      doc.date = day.value();
    }
    return r;
  }
  if (NestedDeeperThan(raw.bytes, kMaxJsonDepth))
    return fail("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  nlohmann::json j = nlohmann::json::parse(raw.bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return fail("not a JSON object");
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return fail("no \"text\" string");
  Document& doc = r.document;
  doc.text = std::move(text->get_ref<std::string&>());
  if (auto id = j.find("id"); id != j.end() && id->is_string()) doc.id = id->get<std::string>();
  else if (id != j.end() && id->is_number()) doc.id = id->dump();
  else doc.id = raw.file + ":" + std::to_string(raw.line);
  doc.date = default_date;
  if (auto d = j.find("date"); d != j.end() && d->is_string()) {
    Result<Day> day = ParseIsoDay(d->get<std::string>());
    if (!day.ok()) return fail("bad \"date\": " + day.status().message());
    doc.date = day.value();
  }
  nlohmann::json meta = nlohmann::json::object();
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "id" && it.key() != "date" && it.key() != "text") meta[it.key()] = it.value();
  if (!meta.empty())
    r.meta_json = meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace dragoman::io
