// Byte streams: a file descriptor reader, and gzip (zlib) and zstd (libzstd) decoders on top of
// any ByteStream. Each decoder keeps one input buffer of kBufferBytes and decodes straight into
// the caller's buffer, so a multi-gigabyte archive costs the same memory as a small one.
#include "io/byte_stream.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>

namespace dragoman::io {
namespace {

constexpr size_t kBufferBytes = 128 * 1024;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Reads a file descriptor; bytes in `prefix` (already read to sniff the format) come first.
class FdStream : public ByteStream {
 public:
  FdStream(int fd, bool owned, std::string prefix, std::atomic<uint64_t>* raw_bytes)
      : fd_(fd), owned_(owned), prefix_(std::move(prefix)), raw_bytes_(raw_bytes) {}
  ~FdStream() override {
    if (owned_) ::close(fd_);
  }

  Result<size_t> Read(char* buffer, size_t size) override {
    if (prefix_pos_ < prefix_.size()) {
      size_t n = std::min(size, prefix_.size() - prefix_pos_);
      std::memcpy(buffer, prefix_.data() + prefix_pos_, n);
      prefix_pos_ += n;
      return n;
    }
    for (;;) {
      ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) {
        if (raw_bytes_) raw_bytes_->fetch_add(static_cast<uint64_t>(n), std::memory_order_relaxed);
        return static_cast<size_t>(n);
      }
      if (errno != EINTR) return Status::IOError(std::string("read error: ") + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string prefix_;
  size_t prefix_pos_ = 0;
  std::atomic<uint64_t>* raw_bytes_;
};

class GzipStream : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> source)
      : source_(std::move(source)), input_(new char[kBufferBytes]) {
    ok_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;
  }
  ~GzipStream() override {
    if (ok_) inflateEnd(&zs_);
  }

  Result<size_t> Read(char* buffer, size_t size) override {
    if (!ok_) return Status::IOError("gzip: cannot initialise zlib");
    if (done_ || size == 0) return size_t{0};
    size = std::min<size_t>(size, 1u << 30);
    zs_.next_out = reinterpret_cast<Bytef*>(buffer);
    zs_.avail_out = static_cast<uInt>(size);
    while (zs_.avail_out == size) {
      if (zs_.avail_in == 0 && !source_eof_) {
        if (Status s = Refill(0); !s.ok()) return s;
      }
      if (zs_.avail_in == 0 && source_eof_) {
        done_ = true;
        if (in_member_) return Status::Corruption("truncated gzip data");
        break;
      }
      in_member_ = true;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        // Another member may follow (cat a.gz b.gz); anything else after the end is ignored,
        // as gzip -d does with trailing garbage.
        if (zs_.avail_in < 2 && !source_eof_) {
          if (Status s = Refill(zs_.avail_in); !s.ok()) return s;
        }
        const unsigned char* p = zs_.next_in;
        if (zs_.avail_in >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
          inflateReset(&zs_);
          continue;
        }
        done_ = true;
        break;
      }
      if (rc == Z_BUF_ERROR && zs_.avail_in == 0) continue;  // needs more input: the loop refills
      if (rc != Z_OK) {
        done_ = true;
        return Status::Corruption(std::string("gzip: ") + (zs_.msg ? zs_.msg : "data error"));
      }
    }
    return size - zs_.avail_out;
  }

 private:
  // Moves the `keep` unread bytes to the front of the buffer and reads more after them.
  Status Refill(size_t keep) {
    if (keep) std::memmove(input_.get(), zs_.next_in, keep);
    Result<size_t> n = source_->Read(input_.get() + keep, kBufferBytes - keep);
    if (!n.ok()) return n.status();
    if (n.value() == 0) source_eof_ = true;
    zs_.next_in = reinterpret_cast<Bytef*>(input_.get());
    zs_.avail_in = static_cast<uInt>(keep + n.value());
    return Status::Ok();
  }

  std::unique_ptr<ByteStream> source_;
  std::unique_ptr<char[]> input_;
  z_stream zs_{};
  bool ok_ = false;
  bool source_eof_ = false;
  bool in_member_ = false;
  bool done_ = false;
};

class ZstdStream : public ByteStream {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> source)
      : source_(std::move(source)), input_(new char[kBufferBytes]), ds_(ZSTD_createDStream()) {
    if (ds_) ZSTD_initDStream(ds_);
  }
  ~ZstdStream() override { ZSTD_freeDStream(ds_); }

  Result<size_t> Read(char* buffer, size_t size) override {
    if (!ds_) return Status::IOError("zstd: cannot create a decoder");
    if (done_ || size == 0) return size_t{0};
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size && !source_eof_) {
        Result<size_t> n = source_->Read(input_.get(), kBufferBytes);
        if (!n.ok()) return n.status();
        if (n.value() == 0) source_eof_ = true;
        in_ = ZSTD_inBuffer{input_.get(), n.value(), 0};
      }
      bool exhausted = in_.pos == in_.size && source_eof_;
      size_t in_before = in_.pos, out_before = out.pos;
      size_t rc = ZSTD_decompressStream(ds_, &out, &in_);
      if (ZSTD_isError(rc)) {
        done_ = true;
        return Status::Corruption(std::string("zstd: ") + ZSTD_getErrorName(rc));
      }
      // 0 means a frame ended; a call that moved nothing says nothing about the frame.
      if (in_.pos != in_before || out.pos != out_before) frame_open_ = rc != 0;
      if (exhausted && out.pos == 0) {
        done_ = true;
        if (frame_open_) return Status::Corruption("truncated zstd data");
        break;
      }
    }
    return out.pos;
  }

 private:
  std::unique_ptr<ByteStream> source_;
  std::unique_ptr<char[]> input_;
  ZSTD_DStream* ds_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool frame_open_ = false;  // inside a frame that has not ended yet
  bool source_eof_ = false;
  bool done_ = false;
};

}  // namespace

Compression CompressionFromName(std::string_view name, std::string_view* stem) {
  Compression c = Compression::kNone;
  size_t cut = 0;
  if (EndsWith(name, ".gz")) c = Compression::kGzip, cut = 3;
  else if (EndsWith(name, ".zst")) c = Compression::kZstd, cut = 4;
  else if (EndsWith(name, ".zstd")) c = Compression::kZstd, cut = 5;
  if (stem) *stem = name.substr(0, name.size() - cut);
  return c;
}

std::unique_ptr<ByteStream> Decompress(std::unique_ptr<ByteStream> source, Compression compression) {
  switch (compression) {
    case Compression::kGzip: return std::make_unique<GzipStream>(std::move(source));
    case Compression::kZstd: return std::make_unique<ZstdStream>(std::move(source));
    case Compression::kNone: break;
  }
  return source;
}

Result<std::unique_ptr<ByteStream>> OpenByteStream(const std::string& path, Compression compression,
                                                   std::atomic<uint64_t>* raw_bytes, bool detect) {
  bool standard_input = path == "-";
  int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(std::string("cannot open: ") + std::strerror(errno));
  std::string prefix;
  if (standard_input || detect) {
    // Sniff the first four bytes (fewer at the end of a short stream).
    char magic[4];
    size_t got = 0;
    while (got < sizeof magic) {
      ssize_t n = ::read(fd, magic + got, sizeof magic - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        int e = errno;
        if (!standard_input) ::close(fd);
        return Status::IOError(std::string("read error: ") + std::strerror(e));
      }
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    if (raw_bytes) raw_bytes->fetch_add(got, std::memory_order_relaxed);
    prefix.assign(magic, got);
    const auto* m = reinterpret_cast<const unsigned char*>(magic);
    if (got >= 2 && m[0] == 0x1f && m[1] == 0x8b) compression = Compression::kGzip;
    else if (got >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd)
      compression = Compression::kZstd;
    else compression = Compression::kNone;
  }
  std::unique_ptr<ByteStream> raw =
      std::make_unique<FdStream>(fd, !standard_input, std::move(prefix), raw_bytes);
  return Decompress(std::move(raw), compression);
}

}  // namespace dragoman::io
