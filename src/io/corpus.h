// Corpus input: turns the command line's inputs into a stream of records in a fixed order.
//
// An input is "-" (standard input: JSON Lines, gzip or zstd recognised by magic bytes), a file, or
// a directory. A file's kind comes from its name: *.jsonl is JSON Lines (one document a line), any
// other file is one plain-text article; a ".gz" or ".zst" suffix adds decompression
// ("a.jsonl.zst", "b.txt.gz"). A directory contributes every *.txt and *.jsonl file below it (with
// or without .gz/.zst), recursively, directories and files in byte order of their names, skipping
// names that start with '.'. The order of records is therefore a function of the inputs alone,
// which is what makes output byte-identical from run to run and lets --resume skip a prefix.
//
// Reading is split in two so that the expensive half runs on the coder threads: CorpusReader
// (one thread) only splits files into raw records (lines, whole articles); DecodeRecord parses a
// raw record into a Document. Anything that cannot be read (a missing file, a corrupt compressed
// stream, a line that is not a JSON object) becomes an error record naming the file and line, and
// reading goes on with the next record.
#ifndef DRAGOMAN_IO_CORPUS_H_
#define DRAGOMAN_IO_CORPUS_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dragoman/coder.h"
#include "io/byte_stream.h"
#include "io/line_reader.h"

namespace dragoman::io {

enum class InputKind { kText, kJsonLines };

struct InputFile {
  std::string path;    // what is opened; "-" for standard input
  std::string name;    // how records name it: the path as given or found; "<stdin>" for "-"
  std::string doc_id;  // plain-text articles: the document id (see ExpandInputs)
  InputKind kind = InputKind::kJsonLines;
  Compression compression = Compression::kNone;
  bool detect_compression = false;  // standard input: from the magic bytes
  uint64_t size = 0;                // bytes on disk; 0 when unknown (standard input, a pipe)
  bool size_known = false;
  std::string error;  // not empty: the input cannot be read; reported as an error record, line 0
};

// Expands inputs in order. A plain-text article's document id is its file name without a
// compression suffix when named on the command line ("news/a.txt.gz" → "a.txt"), and its path
// relative to the directory when found in one ("2022/01/a.txt"). A path that does not exist
// becomes an InputFile with `error` set.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs);

struct CorpusOptions {
  // Longest plain-text article or JSON line read; longer ones become error records. Bounds the
  // memory one record can take.
  size_t max_record_bytes = 64u << 20;
};

// A record as read, before decoding.
struct RawRecord {
  enum class Kind { kText, kJsonLine, kError };
  Kind kind = Kind::kError;
  std::string bytes;   // the article, the JSON line, or the error message
  std::string file;    // InputFile::name
  uint64_t line = 0;   // 1-based line in `file` (JSON Lines and errors inside a stream); 0: whole file
  std::string doc_id;  // kText: the document id
};

// Reads the expanded inputs one record at a time. Not thread-safe: one reader thread.
class CorpusReader {
 public:
  CorpusReader(std::vector<InputFile> files, CorpusOptions options = {});
  ~CorpusReader();

  // The next record in input order; false when every input has been read. Blank lines of JSON
  // Lines input are not records.
  bool Next(RawRecord* record);

  // Sum of the inputs' sizes on disk, and whether every size is known (else no percentage).
  uint64_t total_bytes() const { return total_bytes_; }
  bool total_known() const { return total_known_; }
  // Bytes read from disk so far (compressed bytes for compressed files); safe from any thread.
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  bool OpenNext(RawRecord* record);  // opens files_[next_]; false with *record an error, or at end

  std::vector<InputFile> files_;
  CorpusOptions options_;
  size_t next_ = 0;
  const InputFile* current_ = nullptr;  // the open JSON Lines file, if any
  std::unique_ptr<ByteStream> stream_;
  std::unique_ptr<LineReader> lines_;
  uint64_t total_bytes_ = 0;
  bool total_known_ = true;
  std::atomic<uint64_t> bytes_read_{0};
};

// A decoded record: a document, or an error.
struct InputRecord {
  bool is_error = false;
  Document document;
  std::string meta_json;  // the JSON record's other fields as a JSON object text, or ""
  std::string file;       // the error's file and line, and its message
  uint64_t line = 0;
  std::string message;
};

// Decodes `raw` (consumed). A JSON line must be an object with a "text" string; "id" (string or
// number) names it (else "FILE:LINE"); "date" (YYYY-MM-DD) dates it (else `default_date`); every
// other field is kept in meta_json. Plain text is dated by `default_date`, else by the coder
// from its dateline.
InputRecord DecodeRecord(RawRecord&& raw, Day default_date);

}  // namespace dragoman::io

#endif  // DRAGOMAN_IO_CORPUS_H_
