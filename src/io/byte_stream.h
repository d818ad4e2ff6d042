// Byte streams for corpus input: plain files, standard input, and gzip or zstd compressed data,
// all decoded incrementally through fixed-size buffers so that memory does not depend on the size
// of a file. Compression is known from a file's name (".gz", ".zst") or, for standard input, from
// the stream's first bytes (gzip 1F 8B, zstd 28 B5 2F FD). Concatenated gzip members and zstd
// frames are read as one stream, as gzip -d and zstd -d do.
#ifndef DRAGOMAN_IO_BYTE_STREAM_H_
#define DRAGOMAN_IO_BYTE_STREAM_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dragoman/status.h"

namespace dragoman::io {

enum class Compression { kNone, kGzip, kZstd };

// "gz" for ".gz", "zst" for ".zst" (also ".zstd"), else kNone. `stem` (optional) receives the
// name without the compression suffix.
Compression CompressionFromName(std::string_view name, std::string_view* stem = nullptr);

// A forward-only source of bytes. Not thread-safe; one reader at a time.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `size` bytes into `buffer`; 0 means the end of the stream. Read errors and
  // corrupt or truncated compressed data are an IOError or Corruption (the stream then ends).
  virtual Result<size_t> Read(char* buffer, size_t size) = 0;
};

// Opens `path` ("-" is standard input) decoding `compression`. For standard input, or when
// `detect` is true, gzip and zstd are recognised by their magic bytes instead.
// `raw_bytes`, when not null, is increased by every byte read from the file itself (compressed
// bytes, before decoding), which is what progress reports measure.
Result<std::unique_ptr<ByteStream>> OpenByteStream(const std::string& path, Compression compression,
                                                   std::atomic<uint64_t>* raw_bytes,
                                                   bool detect = false);

// Wraps `source` (compressed bytes) in a decoder. kNone returns `source` itself.
std::unique_ptr<ByteStream> Decompress(std::unique_ptr<ByteStream> source, Compression compression);

}  // namespace dragoman::io

#endif  // DRAGOMAN_IO_BYTE_STREAM_H_
