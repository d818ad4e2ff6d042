// Tests of corpus input: line splitting, gzip and zstd streams (multi-member, truncated), input
// expansion order, and record decoding.
#include "io/corpus.h"

#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dragoman::io {
namespace {

// A ByteStream over a string, handing out at most `chunk` bytes per Read.
class StringStream : public ByteStream {
 public:
  StringStream(std::string data, size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
  Result<size_t> Read(char* buffer, size_t size) override {
    size_t n = std::min({size, chunk_, data_.size() - pos_});
    data_.copy(buffer, n, pos_);
    pos_ += n;
    return n;
  }

 private:
  std::string data_;
  size_t chunk_;
  size_t pos_ = 0;
};

std::string ReadAll(ByteStream* s, Status* status) {
  std::string out;
  char buf[7];  // small on purpose
  for (;;) {
    Result<size_t> n = s->Read(buf, sizeof buf);
    if (!n.ok()) {
      *status = n.status();
      return out;
    }
    if (n.value() == 0) return out;
    out.append(buf, n.value());
  }
}

std::string GzipBytes(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string ZstdBytes(const std::string& s) {
  std::string out(ZSTD_compressBound(s.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), s.data(), s.size(), 1));
  return out;
}

std::string Text(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += "line " + std::to_string(i) + " of some text\n";
  return s;
}

TEST(IoTest, LinesSplitOnNewlinesDropCarriageReturnsAndSkipOverlongLines) {
  StringStream s("a\r\n\nbbbbbbbbbbbb\nccc\nlast", 3);
  LineReader lines(&s, 8);
  std::string line;
  EXPECT_EQ(lines.Next(&line), LineReader::Outcome::kLine);
  EXPECT_EQ(line, "a");
  EXPECT_EQ(lines.Next(&line), LineReader::Outcome::kLine);
  EXPECT_EQ(line, "");
  EXPECT_EQ(lines.Next(&line), LineReader::Outcome::kTooLong);
  EXPECT_EQ(lines.line_number(), 3u);
  EXPECT_EQ(lines.Next(&line), LineReader::Outcome::kLine);
  EXPECT_EQ(line, "ccc");
  EXPECT_EQ(lines.Next(&line), LineReader::Outcome::kLine);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(lines.line_number(), 5u);
  EXPECT_EQ(lines.Next(&line), LineReader::Outcome::kEnd);
}

TEST(IoTest, GzipStreamsReadConcatenatedMembersAndReportTruncation) {
  std::string a = Text(5000), b = Text(10);
  std::string gz = GzipBytes(a) + GzipBytes(b);
  Status status;
  auto stream = Decompress(std::make_unique<StringStream>(gz, 1000), Compression::kGzip);
  EXPECT_EQ(ReadAll(stream.get(), &status), a + b);
  EXPECT_TRUE(status.ok()) << status.ToString();

  std::string cut = GzipBytes(a);
  cut.resize(cut.size() / 2);
  stream = Decompress(std::make_unique<StringStream>(cut, 1000), Compression::kGzip);
  std::string got = ReadAll(stream.get(), &status);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(a.compare(0, got.size(), got), 0);  // what was decoded is a true prefix

  std::string garbage = GzipBytes(a);
  garbage[garbage.size() / 2] ^= 0x55;
  garbage[garbage.size() / 2 + 1] ^= 0x55;
  stream = Decompress(std::make_unique<StringStream>(garbage, 1000), Compression::kGzip);
  status = Status::Ok();
  ReadAll(stream.get(), &status);
  EXPECT_FALSE(status.ok());
}

TEST(IoTest, ZstdStreamsReadFramesAndReportTruncation) {
  std::string a = Text(5000), b = Text(3);
  Status status;
  auto stream = Decompress(std::make_unique<StringStream>(ZstdBytes(a) + ZstdBytes(b), 777),
                           Compression::kZstd);
  EXPECT_EQ(ReadAll(stream.get(), &status), a + b);
  EXPECT_TRUE(status.ok()) << status.ToString();
  std::string cut = ZstdBytes(a);
  cut.resize(cut.size() - 5);
  stream = Decompress(std::make_unique<StringStream>(cut, 777), Compression::kZstd);
  ReadAll(stream.get(), &status);
  EXPECT_FALSE(status.ok());
  // An empty file is an empty stream.
  stream = Decompress(std::make_unique<StringStream>("", 777), Compression::kZstd);
  status = Status::Ok();
  EXPECT_EQ(ReadAll(stream.get(), &status), "");
  EXPECT_TRUE(status.ok());
}

TEST(IoTest, CompressionComesFromTheName) {
  std::string_view stem;
  EXPECT_EQ(CompressionFromName("a/b.jsonl.gz", &stem), Compression::kGzip);
  EXPECT_EQ(stem, "a/b.jsonl");
  EXPECT_EQ(CompressionFromName("x.txt.zst", &stem), Compression::kZstd);
  EXPECT_EQ(stem, "x.txt");
  EXPECT_EQ(CompressionFromName("x.txt", &stem), Compression::kNone);
}

void Write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

TEST(IoTest, DirectoriesExpandRecursivelyInSortedOrder) {
  std::string root = ::testing::TempDir() + "/io_expand";
  for (const char* d : {"", "/z", "/a", "/a/b", "/.hidden"}) ::mkdir((root + d).c_str(), 0777);
  for (const char* f : {"/z/1.txt", "/a/b/2.jsonl.gz", "/a/3.txt.zst", "/a/x.csv", "/0.jsonl",
                        "/.hidden/4.txt", "/a-b.txt"})
    Write(root + f, "x");
  std::vector<InputFile> files = ExpandInputs({root, "-", root + "/missing.txt"});
  std::vector<std::string> ids;
  for (const InputFile& f : files)
    ids.push_back(f.error.empty() && f.kind == InputKind::kText ? f.doc_id : f.name);
  EXPECT_EQ(ids, (std::vector<std::string>{root + "/0.jsonl", "a/3.txt", root + "/a/b/2.jsonl.gz",
                                           "a-b.txt", "z/1.txt", "<stdin>", root + "/missing.txt"}));
  EXPECT_EQ(files[2].compression, Compression::kGzip);
  EXPECT_EQ(files[1].compression, Compression::kZstd);
  EXPECT_TRUE(files.back().error.find("cannot open") == 0);
  EXPECT_TRUE(files[5].detect_compression);
}

TEST(IoTest, ReaderYieldsRecordsAndErrorsInOrder) {
  std::string dir = ::testing::TempDir() + "/io_reader";
  ::mkdir(dir.c_str(), 0777);
  Write(dir + "/a.jsonl", "{\"id\":1,\"text\":\"x\"}\n\n  \n{\"text\":\"y\"}\n");
  std::string gz = GzipBytes("{\"id\":\"g\",\"text\":\"z\"}\n");
  Write(dir + "/b.jsonl.gz", gz.substr(0, gz.size() - 4));  // truncated
  Write(dir + "/c.txt", "An article.");
  CorpusReader reader(ExpandInputs({dir + "/a.jsonl", dir + "/b.jsonl.gz", dir + "/nope.jsonl",
                                    dir + "/c.txt"}));
  EXPECT_TRUE(reader.total_known());
  std::vector<std::string> seen;
  RawRecord r;
  while (reader.Next(&r)) {
    std::string kind = r.kind == RawRecord::Kind::kError      ? "error"
                       : r.kind == RawRecord::Kind::kText ? "text"
                                                          : "json";
    seen.push_back(kind + ":" + std::to_string(r.line));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"json:1", "json:4", "json:1", "error:2", "error:0",
                                            "text:0"}));
  EXPECT_EQ(reader.bytes_read(), reader.total_bytes());
}

TEST(IoTest, DecodingFollowsTheOutputContract) {
  auto decode = [](std::string line) {
    RawRecord r;
    r.kind = RawRecord::Kind::kJsonLine;
    r.bytes = std::move(line);
    r.file = "f.jsonl";
    r.line = 7;
    return DecodeRecord(std::move(r), DayFromCivil(2020, 1, 2));
  };
  InputRecord a = decode("{\"id\":12,\"text\":\"t\",\"url\":\"u\"}");
  EXPECT_FALSE(a.is_error);
  EXPECT_EQ(a.document.id, "12");
  EXPECT_EQ(a.document.date, DayFromCivil(2020, 1, 2));
  EXPECT_EQ(a.meta_json, "{\"url\":\"u\"}");
  InputRecord b = decode("{\"text\":\"t\",\"date\":\"2021-05-06\"}");
  EXPECT_EQ(b.document.id, "f.jsonl:7");
  EXPECT_EQ(b.document.date, DayFromCivil(2021, 5, 6));
  EXPECT_TRUE(b.meta_json.empty());
  EXPECT_EQ(decode("[1]").message, "not a JSON object");
  EXPECT_EQ(decode("{\"text\":1}").message, "no \"text\" string");
  InputRecord c = decode("{\"text\":\"t\",\"date\":\"2021-02-30\"}");
  EXPECT_TRUE(c.is_error);
  EXPECT_EQ(c.file, "f.jsonl");
  EXPECT_EQ(c.line, 7u);
}

}  // namespace
}  // namespace dragoman::io
