// The writer for text formats (JSON Lines, PLOVER, GDELT, Phoenix, CSV) to standard output or a
// file, and its resume sidecar FILE.progress (see writer.h and docs/formats.md).
//
// Output is collected in a buffer and handed to write(2) in whole records only, so that whatever
// stops the process, the file ends at a record boundary or, after a kill in the middle of a
// write(2), beyond the last checkpoint where --resume cuts it anyway. The sidecar is written
// after the output bytes it counts, to FILE.progress.tmp, then renamed over FILE.progress.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "output/formatters.h"
#include "output/writer.h"

namespace dragoman {
namespace {

constexpr char kBrokenPipe[] = "broken pipe";
constexpr size_t kFlushBytes = 256 * 1024;
constexpr char kProgressMagic[] = "dragoman-progress 1";

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) return Status::IOError(kBrokenPipe);
      return Status::IOError(std::string("write error: ") + std::strerror(errno));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// FILE.progress: "key value" lines after the magic line.
std::string FormatProgress(const Checkpoint& c, uint64_t bytes) {
  return std::string(kProgressMagic) + "\nidentity " + c.identity + "\nrecords " +
         std::to_string(c.records) + "\ndocuments " + std::to_string(c.documents) + "\nerrors " +
         std::to_string(c.errors) + "\nevents " + std::to_string(c.events) + "\nbytes " +
         std::to_string(bytes) + "\n";
}

Status ParseProgress(const std::string& path, Checkpoint* c, uint64_t* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status::NotFound("nothing to resume: no " + path +
                            " (the run finished, or never wrote to this --output)");
  std::string line;
  if (!std::getline(in, line) || line != kProgressMagic)
    return Status::Corruption(path + ": not a dragoman progress file");
  int seen = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    if (key == "identity") {
      fields >> c->identity;
      ++seen;
      continue;
    }
    uint64_t value = 0;
    if (!(fields >> value)) return Status::Corruption(path + ": bad line '" + line + "'");
    if (key == "records") c->records = value, ++seen;
    else if (key == "documents") c->documents = value, ++seen;
    else if (key == "errors") c->errors = value, ++seen;
    else if (key == "events") c->events = value, ++seen;
    else if (key == "bytes") *bytes = value, ++seen;
  }
  if (seen != 6) return Status::Corruption(path + ": incomplete progress file");
  return Status::Ok();
}

class TextWriter : public Writer {
 public:
  TextWriter(std::unique_ptr<RecordFormatter> formatter, std::string path, int fd, uint64_t bytes)
      : formatter_(std::move(formatter)), path_(std::move(path)), fd_(fd), bytes_(bytes) {
    if (bytes_ == 0) formatter_->Header(&buffer_);
  }
  ~TextWriter() override {
    if (!path_.empty() && fd_ >= 0) ::close(fd_);
  }

  Status WriteDocument(const OutputDocument& document) override {
    formatter_->Document(document, &buffer_);
    return buffer_.size() >= kFlushBytes ? Flush() : Status::Ok();
  }

  Status WriteError(uint64_t, std::string_view file, uint64_t line,
                    std::string_view message) override {
    formatter_->Error(file, line, message, &buffer_);
    return buffer_.size() >= kFlushBytes ? Flush() : Status::Ok();
  }

  Status Commit(const Checkpoint& checkpoint) override {
    if (Status s = Flush(); !s.ok()) return s;
    if (path_.empty()) return Status::Ok();  // standard output: nothing to resume
    std::string progress = path_ + ".progress";
    std::string tmp = progress + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return Status::IOError(tmp + ": " + std::strerror(errno));
    Status s = WriteAll(fd, FormatProgress(checkpoint, bytes_));
    if (::close(fd) != 0 && s.ok()) s = Status::IOError(tmp + ": " + std::strerror(errno));
    if (s.ok() && ::rename(tmp.c_str(), progress.c_str()) != 0)
      s = Status::IOError(progress + ": " + std::strerror(errno));
    return s;
  }

  Status Finish(const Checkpoint&) override {
    if (Status s = Flush(); !s.ok()) return s;
    if (path_.empty()) return Status::Ok();
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return Status::IOError(path_ + ": " + std::strerror(errno));
    ::unlink((path_ + ".progress").c_str());
    return Status::Ok();
  }

 private:
  Status Flush() {
    if (buffer_.empty()) return Status::Ok();
    Status s = WriteAll(fd_, buffer_);
    if (s.ok()) bytes_ += buffer_.size();
    buffer_.clear();
    return s;
  }

  std::unique_ptr<RecordFormatter> formatter_;
  std::string path_;  // "" for standard output
  int fd_;
  uint64_t bytes_;  // bytes in the output (written; not counting the buffer)
  std::string buffer_;
};

Result<std::unique_ptr<Writer>> OpenTextWriter(const OutputOptions& options, bool resume,
                                               Checkpoint* checkpoint) {
  std::unique_ptr<RecordFormatter> formatter = CreateFormatter(options);
  const std::string& path = options.path;
  if (path.empty()) {
    if (resume) return Status::InvalidArgument("--resume needs --output FILE");
    return std::unique_ptr<Writer>(new TextWriter(std::move(formatter), "", STDOUT_FILENO, 0));
  }
  std::string progress = path + ".progress";
  if (!resume) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return Status::IOError(path + ": " + std::strerror(errno));
    ::unlink(progress.c_str());
    return std::unique_ptr<Writer>(new TextWriter(std::move(formatter), path, fd, 0));
  }
  uint64_t bytes = 0;
  if (Status s = ParseProgress(progress, checkpoint, &bytes); !s.ok()) return s;
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || static_cast<uint64_t>(st.st_size) < bytes) {
    ::close(fd);
    return Status::Corruption(path + " is shorter than " + progress + " says (" +
                              std::to_string(bytes) + " bytes)");
  }
  // Cut whatever was written after the checkpoint (at most a partial record).
  if (::ftruncate(fd, static_cast<off_t>(bytes)) != 0 ||
      ::lseek(fd, 0, SEEK_END) != static_cast<off_t>(bytes)) {
    int e = errno;
    ::close(fd);
    return Status::IOError(path + ": " + std::strerror(e));
  }
  return std::unique_ptr<Writer>(new TextWriter(std::move(formatter), path, fd, bytes));
}

}  // namespace

bool ParseOutputFormat(std::string_view name, OutputFormat* format) {
  static constexpr std::pair<std::string_view, OutputFormat> kNames[] = {
      {"jsonl", OutputFormat::kJsonLines}, {"plover", OutputFormat::kPlover},
      {"gdelt", OutputFormat::kGdelt},     {"phoenix", OutputFormat::kPhoenix},
      {"csv", OutputFormat::kCsv},         {"sqlite", OutputFormat::kSqlite}};
  for (const auto& [n, f] : kNames) {
    if (n == name) {
      *format = f;
      return true;
    }
  }
  return false;
}

bool IsBrokenPipe(const Status& status) {
  return status.code() == Status::Code::kIOError && status.message() == kBrokenPipe;
}

Result<std::unique_ptr<Writer>> OpenWriter(const OutputOptions& options, bool resume,
                                           Checkpoint* checkpoint) {
  if (options.format == OutputFormat::kSqlite) {
    if (options.path.empty()) return Status::InvalidArgument("--format sqlite needs --output FILE");
    return OpenSqliteWriter(options, resume, checkpoint);
  }
  return OpenTextWriter(options, resume, checkpoint);
}

}  // namespace dragoman
