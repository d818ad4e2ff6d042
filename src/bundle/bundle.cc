// Dictionary bundles (bundle.h): writing, reading and the self-check.
//
// The file is a 16-byte magic, a little-endian uint32 format version, four sections (provenance,
// dictionaries, CAMEO table, samples), each a 4-byte tag and a little-endian uint64 length, and
// a trailing CRC-32 of every byte before it (docs/bundle.md). Inside a section, integers are
// LEB128 varints (Days zigzag-encoded), strings are a varint length and bytes, booleans one byte.
// The DictionarySet is written field by field in declaration order, never through a hash map,
// so the same inputs give the same bytes; the CAMEO table is kept as its tab-separated text and
// parsed again on load (318 rows: well under a millisecond).
//
// Why not a memory image of the Coder's tries: the Coder's compiled form is private to
// src/coder and changes often; the DictionarySet is the public, documented model, and the
// self-check catches the day the two stop agreeing. Loading is a linear decode that allocates
// the same strings the text readers do, minus all the parsing.
//
// A bundle is outside input: the reader checks every length against the bytes left, rejects
// counts that could not fit, out-of-range indexes and unknown enum values, and never trusts the
// checksum alone (a file can be damaged before the checksum was written). Every error names the
// file.
#include "dragoman/bundle.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

namespace dragoman {
namespace {

#ifndef DRAGOMAN_VERSION
#define DRAGOMAN_VERSION "0.1.0"  // CMakeLists.txt's project VERSION
#endif

constexpr char kMagic[16] = {'D', 'R', 'A', 'G', 'O', 'M', 'A', 'N',
                             '-', 'B', 'U', 'N', 'D', 'L', 'E', '\0'};
constexpr size_t kHeaderBytes = sizeof(kMagic) + 4;
constexpr size_t kSectionHeaderBytes = 4 + 8;
constexpr size_t kChecksumBytes = 4;
constexpr const char* kSectionTags[] = {"PROV", "DICT", "CAMO", "SAMP"};

// Every member of DictionarySet is a vector; a new member must be added to the bundle format
// (EncodeDictionaries / DecodeDictionaries, a new kBundleFormatVersion, docs/bundle.md).
static_assert(sizeof(DictionarySet) == 13 * sizeof(std::vector<int>),
              "DictionarySet changed: update the bundle format in src/bundle/bundle.cc");

// A bundle's bytes: the file mapped read-only (no copy, and only the page cache's pages), or
// read into memory when it cannot be mapped (a pipe, an empty file).
class FileBytes {
 public:
  FileBytes() = default;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes() {
    if (map_ != nullptr) munmap(map_, size_);
  }

  Status Open(const std::string& path) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::IOError("bundle " + path + ": cannot open: " + std::strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* map = mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (map != MAP_FAILED) {
        map_ = map;
        size_ = st.st_size;
        close(fd);
        return Status::Ok();
      }
    }
    char buf[1 << 16];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        std::string why = std::strerror(errno);
        close(fd);
        return Status::IOError("bundle " + path + ": read error: " + why);
      }
      copy_.append(buf, n);
    }
    close(fd);
    return Status::Ok();
  }
  std::string_view bytes() const {
    if (map_ != nullptr) return std::string_view(static_cast<const char*>(map_), size_);
    return copy_;
  }

 private:
  void* map_ = nullptr;
  size_t size_ = 0;
  std::string copy_;
};

uint32_t Crc32(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  const auto* p = reinterpret_cast<const Bytef*>(bytes.data());
  size_t left = bytes.size();
  while (left > 0) {  // zlib takes uInt lengths
    uInt n = left > (1u << 30) ? (1u << 30) : static_cast<uInt>(left);
    crc = crc32(crc, p, n);
    p += n;
    left -= n;
  }
  return static_cast<uint32_t>(crc);
}

void PutFixed32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutFixed64(uint64_t v, std::string* out) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
uint32_t GetFixed32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
uint64_t GetFixed64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

// ---- Encoding -------------------------------------------------------------------------------

class Encoder {
 public:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Signed(int64_t v) { Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Bool(bool b) { out_.push_back(b ? 1 : 0); }
  void String(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void Where(const SourceRef& w) {
    Varint(w.file);
    Varint(w.line);
  }
  void Words(const Phrase& p) {
    Varint(p.size());
    for (const PhraseWord& w : p) {
      String(w.word);
      Bool(w.exact);
      Bool(w.gap_before);
    }
  }
  void Code(const EventCode& c) {
    Varint(static_cast<uint8_t>(c.kind));
    String(c.code);
    String(c.paired);
    Bool(c.passive_only);
    Bool(c.subordinate);
  }
  void Tokens(const std::vector<PatternToken>& tokens) {
    Varint(tokens.size());
    for (const PatternToken& t : tokens) {
      Varint(static_cast<uint8_t>(t.kind));
      String(t.word.word);
      Bool(t.word.exact);
      Varint(t.synset);
      Bool(t.joined);
      Bool(t.preposition);
    }
  }
  template <typename T, typename F>
  void List(const std::vector<T>& items, F each) {
    Varint(items.size());
    for (const T& item : items) each(item);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

void EncodeDictionaries(const DictionarySet& d, Encoder* e) {
  e->List(d.files, [&](const std::string& f) { e->String(f); });
  e->List(d.actors, [&](const Actor& a) {
    e->String(a.name);
    e->List(a.codes, [&](const DatedCode& c) {
      e->String(c.code);
      e->Signed(c.from);
      e->Signed(c.to);
      e->Bool(c.is_default);
    });
    e->Where(a.where);
  });
  e->List(d.actor_phrases, [&](const ActorPhrase& p) {
    e->Words(p.words);
    e->Varint(p.actor);
    e->Where(p.where);
  });
  e->List(d.agents, [&](const Agent& a) {
    e->String(a.code);
    e->Bool(a.prefix);
    e->Where(a.where);
  });
  e->List(d.agent_phrases, [&](const AgentPhrase& p) {
    e->Words(p.words);
    e->Varint(p.agent);
    e->Where(p.where);
  });
  e->List(d.synsets, [&](const Synset& s) {
    e->String(s.name);
    e->List(s.members, [&](const Phrase& m) { e->Words(m); });
    e->Where(s.where);
  });
  e->List(d.verb_blocks, [&](const VerbBlock& b) {
    e->String(b.label);
    e->Code(b.code);
    e->List(b.patterns, [&](const Pattern& p) {
      e->Tokens(p.before);
      e->Tokens(p.after);
      e->Bool(p.verb_joined);
      e->Code(p.code);
      e->String(p.text);
      e->Where(p.where);
    });
    e->Where(b.where);
  });
  e->List(d.verb_forms, [&](const VerbForm& f) {
    e->List(f.words, [&](const std::string& w) { e->String(w); });
    e->Varint(f.verb_word);
    e->Varint(f.block);
    e->Bool(f.has_own_code);
    e->Code(f.own_code);
    e->String(f.lemma);
    e->Where(f.where);
  });
  e->List(d.transformations, [&](const Transformation& t) {
    e->String(t.text);
    e->Where(t.where);
  });
  e->List(d.discards, [&](const Discard& x) {
    e->Words(x.words);
    e->Bool(x.story);
    e->Where(x.where);
  });
  e->List(d.issues, [&](const IssuePhrase& x) {
    e->Words(x.words);
    e->String(x.code);
    e->String(x.category);
    e->Bool(x.ignore);
    e->Where(x.where);
  });
  e->List(d.negations, [&](const std::pair<std::string, std::string>& n) {
    e->String(n.first);
    e->String(n.second);
  });
  // d.warnings: not stored (they were shown when the bundle was compiled).
}

void EncodeProvenance(const BundleProvenance& p, Encoder* e) {
  e->String(DRAGOMAN_VERSION);
  e->String(p.created);
  e->String(p.dictionaries);
  e->List(p.sources, [&](const BundleSource& s) {
    e->String(s.path);
    e->Varint(s.bytes);
    e->Varint(s.fnv1a);
  });
}

void EncodeSamples(const std::vector<BundleSample>& samples, Encoder* e) {
  e->List(samples, [&](const BundleSample& s) {
    e->String(s.text);
    e->Signed(s.date);
    e->List(s.expected, [&](const BundleEvent& ev) {
      e->String(ev.source);
      e->String(ev.target);
      e->String(ev.cameo);
    });
  });
}

// ---- Decoding -------------------------------------------------------------------------------

// Reads from a byte range; the first failure sticks (later reads return zeros) and is reported
// once by the caller, so decoding code reads like encoding code.
class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  bool done() const { return p_ == end_; }
  void Fail(std::string what) {
    if (error_.empty()) error_ = std::move(what);
    p_ = end_;
  }

  uint64_t Varint() {
    if (p_ != end_ && static_cast<uint8_t>(*p_) < 0x80) return static_cast<uint8_t>(*p_++);
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) {
        Fail("truncated number");
        return 0;
      }
      uint8_t b = static_cast<uint8_t>(*p_++);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    Fail("number too long");
    return 0;
  }
  uint32_t U32() {
    uint64_t v = Varint();
    if (v > UINT32_MAX) Fail("number out of range");
    return static_cast<uint32_t>(v);
  }
  int32_t I32() {
    uint64_t u = Varint();
    int64_t v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    if (v < INT32_MIN || v > INT32_MAX) Fail("number out of range");
    return static_cast<int32_t>(v);
  }
  bool Bool() {
    if (p_ == end_) {
      Fail("truncated");
      return false;
    }
    uint8_t b = static_cast<uint8_t>(*p_++);
    if (b > 1) Fail("bad boolean");
    return b == 1;
  }
  void StringInto(std::string* s) {
    uint64_t n = Varint();
    if (n > static_cast<uint64_t>(end_ - p_)) {
      Fail("string runs past the end");
      return;
    }
    s->assign(p_, n);
    p_ += n;
  }
  // A count of items that each take at least `min_item_bytes`: never more than the bytes left
  // allow, so that a damaged count cannot ask for a huge allocation (at most ~20 times the
  // file's size for any list).
  size_t Count(size_t min_item_bytes) {
    uint64_t n = Varint();
    if (n > static_cast<uint64_t>(end_ - p_) / min_item_bytes) {
      Fail("count runs past the end");
      return 0;
    }
    return static_cast<size_t>(n);
  }
  SourceRef Where() {
    SourceRef w;
    w.file = U32();
    w.line = U32();
    return w;
  }
  Phrase Words() {
    Phrase p(Count(3));  // word, exact, gap_before
    for (PhraseWord& w : p) {
      StringInto(&w.word);
      w.exact = Bool();
      w.gap_before = Bool();
    }
    return p;
  }
  EventCode Code() {
    EventCode c;
    uint64_t kind = Varint();
    if (kind > static_cast<uint64_t>(EventCode::Kind::kComplex)) Fail("bad event code kind");
    c.kind = static_cast<EventCode::Kind>(kind);
    StringInto(&c.code);
    StringInto(&c.paired);
    c.passive_only = Bool();
    c.subordinate = Bool();
    return c;
  }
  std::vector<PatternToken> Tokens() {
    std::vector<PatternToken> tokens(Count(6));  // kind, word, exact, synset, joined, preposition
    for (PatternToken& t : tokens) {
      uint64_t kind = Varint();
      if (kind > static_cast<uint64_t>(PatternToken::Kind::kSkip)) Fail("bad pattern token kind");
      t.kind = static_cast<PatternToken::Kind>(kind);
      StringInto(&t.word.word);
      t.word.exact = Bool();
      t.synset = U32();
      t.joined = Bool();
      t.preposition = Bool();
    }
    return tokens;
  }
  template <typename T, typename F>
  void List(std::vector<T>* items, size_t min_item_bytes, F each) {
    items->resize(Count(min_item_bytes));
    for (T& item : *items) {
      if (failed()) break;
      each(item);
    }
  }

 private:
  const char* p_;
  const char* end_;
  std::string error_;
};

void DecodeDictionaries(Decoder* d, DictionarySet* s) {
  d->List(&s->files, 1, [&](std::string& f) { d->StringInto(&f); });
  d->List(&s->actors, 4, [&](Actor& a) {
    d->StringInto(&a.name);
    d->List(&a.codes, 4, [&](DatedCode& c) {
      d->StringInto(&c.code);
      c.from = d->I32();
      c.to = d->I32();
      c.is_default = d->Bool();
    });
    a.where = d->Where();
  });
  d->List(&s->actor_phrases, 4, [&](ActorPhrase& p) {
    p.words = d->Words();
    p.actor = d->U32();
    p.where = d->Where();
  });
  d->List(&s->agents, 4, [&](Agent& a) {
    d->StringInto(&a.code);
    a.prefix = d->Bool();
    a.where = d->Where();
  });
  d->List(&s->agent_phrases, 4, [&](AgentPhrase& p) {
    p.words = d->Words();
    p.agent = d->U32();
    p.where = d->Where();
  });
  d->List(&s->synsets, 4, [&](Synset& x) {
    d->StringInto(&x.name);
    d->List(&x.members, 1, [&](Phrase& m) { m = d->Words(); });
    x.where = d->Where();
  });
  d->List(&s->verb_blocks, 9, [&](VerbBlock& b) {
    d->StringInto(&b.label);
    b.code = d->Code();
    d->List(&b.patterns, 11, [&](Pattern& p) {
      p.before = d->Tokens();
      p.after = d->Tokens();
      p.verb_joined = d->Bool();
      p.code = d->Code();
      d->StringInto(&p.text);
      p.where = d->Where();
    });
    b.where = d->Where();
  });
  d->List(&s->verb_forms, 12, [&](VerbForm& f) {
    d->List(&f.words, 1, [&](std::string& w) { d->StringInto(&w); });
    f.verb_word = d->U32();
    f.block = d->U32();
    f.has_own_code = d->Bool();
    f.own_code = d->Code();
    d->StringInto(&f.lemma);
    f.where = d->Where();
  });
  d->List(&s->transformations, 3, [&](Transformation& t) {
    d->StringInto(&t.text);
    t.where = d->Where();
  });
  d->List(&s->discards, 4, [&](Discard& x) {
    x.words = d->Words();
    x.story = d->Bool();
    x.where = d->Where();
  });
  d->List(&s->issues, 6, [&](IssuePhrase& x) {
    x.words = d->Words();
    d->StringInto(&x.code);
    d->StringInto(&x.category);
    x.ignore = d->Bool();
    x.where = d->Where();
  });
  d->List(&s->negations, 2, [&](std::pair<std::string, std::string>& n) {
    d->StringInto(&n.first);
    d->StringInto(&n.second);
  });
}

// The indexes the Coder follows without checking: each must point inside its vector. Checked on
// write too, so that a bundle that was written can always be read.
std::string CheckIndexes(const DictionarySet& s) {
  auto where_ok = [&](const SourceRef& w) { return w.file < s.files.size() || (s.files.empty() && w.file == 0); };
  auto bad = [](const char* what, size_t i) { return std::string(what) + " " + std::to_string(i); };
  for (size_t i = 0; i < s.actors.size(); ++i)
    if (!where_ok(s.actors[i].where)) return bad("bad file index in actor", i);
  for (size_t i = 0; i < s.actor_phrases.size(); ++i) {
    const ActorPhrase& p = s.actor_phrases[i];
    if (p.actor >= s.actors.size() || !where_ok(p.where)) return bad("bad index in actor phrase", i);
  }
  for (size_t i = 0; i < s.agents.size(); ++i)
    if (!where_ok(s.agents[i].where)) return bad("bad file index in agent", i);
  for (size_t i = 0; i < s.agent_phrases.size(); ++i) {
    const AgentPhrase& p = s.agent_phrases[i];
    if (p.agent >= s.agents.size() || !where_ok(p.where)) return bad("bad index in agent phrase", i);
  }
  for (size_t i = 0; i < s.synsets.size(); ++i)
    if (!where_ok(s.synsets[i].where)) return bad("bad file index in synset", i);
  auto tokens_ok = [&](const std::vector<PatternToken>& tokens) {
    for (const PatternToken& t : tokens)
      if (t.kind == PatternToken::Kind::kSynset && t.synset >= s.synsets.size()) return false;
    return true;
  };
  for (size_t b = 0; b < s.verb_blocks.size(); ++b) {
    const VerbBlock& block = s.verb_blocks[b];
    if (!where_ok(block.where)) return bad("bad file index in verb block", b);
    for (const Pattern& p : block.patterns)
      if (!tokens_ok(p.before) || !tokens_ok(p.after) || !where_ok(p.where))
        return bad("bad index in a pattern of verb block", b);
  }
  for (size_t i = 0; i < s.verb_forms.size(); ++i) {
    const VerbForm& f = s.verb_forms[i];
    if (f.block >= s.verb_blocks.size() || f.verb_word >= f.words.size() || !where_ok(f.where))
      return bad("bad index in verb form", i);
  }
  for (size_t i = 0; i < s.transformations.size(); ++i)
    if (!where_ok(s.transformations[i].where)) return bad("bad file index in transformation", i);
  for (size_t i = 0; i < s.discards.size(); ++i)
    if (!where_ok(s.discards[i].where)) return bad("bad file index in discard", i);
  for (size_t i = 0; i < s.issues.size(); ++i)
    if (!where_ok(s.issues[i].where)) return bad("bad file index in issue", i);
  return "";
}

void DecodeProvenance(Decoder* d, BundleProvenance* p) {
  d->StringInto(&p->dragoman_version);
  d->StringInto(&p->created);
  d->StringInto(&p->dictionaries);
  d->List(&p->sources, 3, [&](BundleSource& s) {
    d->StringInto(&s.path);
    s.bytes = d->Varint();
    s.fnv1a = d->Varint();
  });
}

void DecodeSamples(Decoder* d, std::vector<BundleSample>* samples) {
  d->List(samples, 3, [&](BundleSample& s) {
    d->StringInto(&s.text);
    s.date = d->I32();
    d->List(&s.expected, 3, [&](BundleEvent& ev) {
      d->StringInto(&ev.source);
      d->StringInto(&ev.target);
      d->StringInto(&ev.cameo);
    });
  });
}

std::string DescribeEvents(const std::vector<BundleEvent>& events) {
  if (events.empty()) return "no events";
  std::string out;
  for (const BundleEvent& e : events) {
    if (!out.empty()) out += ", ";
    out += e.source + " " + e.cameo + " " + (e.target.empty() ? "-" : e.target);
  }
  return out;
}

bool SameOptions(const CoderOptions& a, const CoderOptions& b) {
  return a.require_dyad == b.require_dyad && a.new_actor_length == b.new_actor_length &&
         a.comma_min == b.comma_min && a.comma_max == b.comma_max &&
         a.comma_bmin == b.comma_bmin && a.comma_bmax == b.comma_bmax &&
         a.comma_emin == b.comma_emin && a.comma_emax == b.comma_emax &&
         a.infer_country == b.infer_country && a.pattern_stems == b.pattern_stems &&
         a.passive_needs_by == b.passive_needs_by && a.max_sentence_bytes == b.max_sentence_bytes;
}

Status CheckSamples(const Coder& coder, const std::string& path,
                    const std::vector<BundleSample>& samples) {
  for (size_t i = 0; i < samples.size(); ++i) {
    const BundleSample& s = samples[i];
    BundleSample got = CodeSample(coder, s.text, s.date);
    if (got.expected != s.expected)
      return Status::Corruption("bundle " + path + ": self-check failed on sample " +
                                std::to_string(i + 1) + " (\"" + s.text + "\"): expected " +
                                DescribeEvents(s.expected) + ", got " +
                                DescribeEvents(got.expected));
  }
  return Status::Ok();
}

}  // namespace

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

const std::vector<BuiltinSampleText>& DefaultBundleSamples() {
  static const std::vector<BuiltinSampleText> kSamples = {
      {"Russian troops attacked Ukraine.", "2022-02-24"},
      {"German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.", "2023-01-22"},
      {"Israel accused Iran of arming Hezbollah.", "2021-06-10"},
      {"The United Nations condemned North Korea's missile launch.", "2017-09-15"},
      {"Chinese President Xi Jinping praised Brazil.", "2023-04-14"},
  };
  return kSamples;
}

BundleSample CodeSample(const Coder& coder, std::string text, Day date) {
  BundleSample sample;
  Document doc;
  doc.id = "sample";
  doc.text = std::move(text);
  doc.date = date;
  CodedDocument coded = coder.Code(doc);
  for (const Event& e : coded.events)
    sample.expected.push_back(
        BundleEvent{e.source.code, e.has_target ? e.target.code : std::string(), e.cameo});
  sample.text = std::move(doc.text);
  sample.date = date;
  return sample;
}

Status WriteBundle(const DictionarySet& dictionaries, std::string_view cameo_tsv,
                   const std::vector<BundleSample>& samples, const BundleProvenance& provenance,
                   const std::string& path) {
  if (std::string bad = CheckIndexes(dictionaries); !bad.empty())
    return Status::InvalidArgument("bundle " + path + ": dictionaries are inconsistent: " + bad);
  if (Result<CameoTable> t = CameoTable::Parse(cameo_tsv, "CAMEO table"); !t.ok())
    return Status::InvalidArgument("bundle " + path + ": " + t.status().message());

  std::string file(kMagic, sizeof(kMagic));
  PutFixed32(kBundleFormatVersion, &file);
  auto section = [&](const char* tag, Encoder& e) {
    file.append(tag, 4);
    PutFixed64(e.bytes().size(), &file);
    file += e.bytes();
  };
  Encoder prov, dict, cameo, samp;
  EncodeProvenance(provenance, &prov);
  EncodeDictionaries(dictionaries, &dict);
  cameo.bytes().assign(cameo_tsv);
  EncodeSamples(samples, &samp);
  section(kSectionTags[0], prov);
  section(kSectionTags[1], dict);
  section(kSectionTags[2], cameo);
  section(kSectionTags[3], samp);
  PutFixed32(Crc32(file), &file);

  // Write beside the target and rename, so that a reader never sees half a bundle.
  std::string tmp = path + ".tmp";
  FILE* out = std::fopen(tmp.c_str(), "wb");
  if (!out) return Status::IOError(path + ": cannot write: " + std::strerror(errno));
  bool ok = std::fwrite(file.data(), 1, file.size(), out) == file.size();
  ok &= std::fclose(out) == 0;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::IOError(path + ": cannot write: " + why);
  }
  return Status::Ok();
}

Result<LoadedBundle> LoadBundle(const std::string& path) {
  FileBytes bytes;
  if (Status s = bytes.Open(path); !s.ok()) return s;
  return ParseBundle(bytes.bytes(), path);
}

Result<LoadedBundle> ParseBundle(std::string_view file, const std::string& path) {
  auto corrupt = [&](const std::string& what) {
    return Status::Corruption("bundle " + path + ": " + what);
  };
  if (file.size() < sizeof(kMagic) || std::memcmp(file.data(), kMagic, sizeof(kMagic)) != 0)
    return corrupt("not a dragoman bundle (no DRAGOMAN-BUNDLE header)");
  if (file.size() < kHeaderBytes) return corrupt("truncated header");
  uint32_t version = GetFixed32(file.data() + sizeof(kMagic));
  if (version != kBundleFormatVersion)
    return Status::InvalidArgument(
        "bundle " + path + ": format version " + std::to_string(version) + ", but this dragoman (" +
        DRAGOMAN_VERSION + ") reads version " + std::to_string(kBundleFormatVersion) +
        "; compile it again with this dragoman's 'dragoman compile'");
  if (file.size() < kHeaderBytes + kChecksumBytes) return corrupt("truncated");
  std::string_view body(file.data(), file.size() - kChecksumBytes);
  if (Crc32(body) != GetFixed32(file.data() + body.size()))
    return corrupt("checksum mismatch (the file is damaged or truncated)");

  LoadedBundle bundle;
  bundle.path = path;
  bundle.provenance.format_version = version;
  size_t pos = kHeaderBytes;
  for (int section = 0; section < 4; ++section) {
    const char* tag = kSectionTags[section];
    if (body.size() - pos < kSectionHeaderBytes) return corrupt(std::string("missing section ") + tag);
    if (std::memcmp(body.data() + pos, tag, 4) != 0)
      return corrupt(std::string("expected section ") + tag + " at byte " + std::to_string(pos));
    uint64_t length = GetFixed64(body.data() + pos + 4);
    pos += kSectionHeaderBytes;
    if (length > body.size() - pos) return corrupt(std::string("section ") + tag + " runs past the end");
    std::string_view payload = body.substr(pos, length);
    pos += length;
    Decoder d(payload);
    if (section == 0) {
      DecodeProvenance(&d, &bundle.provenance);
    } else if (section == 1) {
      DecodeDictionaries(&d, &bundle.dictionaries);
    } else if (section == 2) {
      Result<CameoTable> table = CameoTable::Parse(payload, path + " (CAMEO table)");
      if (!table.ok()) return corrupt(table.status().message());
      bundle.cameo = std::move(table).value();
      continue;
    } else {
      DecodeSamples(&d, &bundle.samples);
    }
    if (!d.failed() && !d.done()) d.Fail("unexpected bytes at the end");
    if (d.failed()) return corrupt(std::string("section ") + tag + ": " + d.error());
  }
  if (pos != body.size()) return corrupt("unexpected bytes after the last section");
  if (std::string bad = CheckIndexes(bundle.dictionaries); !bad.empty()) return corrupt(bad);
  return bundle;
}

Result<std::unique_ptr<Coder>> CreateBundleCoder(LoadedBundle bundle, CoderOptions options) {
  const bool same = SameOptions(options, BundleSampleOptions());
  if (!same) {
    // The samples were coded with BundleSampleOptions(): check them on a Coder built that way.
    Result<std::unique_ptr<Coder>> checker =
        Coder::Create(bundle.dictionaries, bundle.cameo, BundleSampleOptions());
    if (!checker.ok())
      return Status::Corruption("bundle " + bundle.path + ": " + checker.status().message());
    if (Status s = CheckSamples(*checker.value(), bundle.path, bundle.samples); !s.ok()) return s;
  }
  Result<std::unique_ptr<Coder>> coder =
      Coder::Create(std::move(bundle.dictionaries), std::move(bundle.cameo), options);
  if (!coder.ok())
    return Status::Corruption("bundle " + bundle.path + ": " + coder.status().message());
  if (same) {
    if (Status s = CheckSamples(*coder.value(), bundle.path, bundle.samples); !s.ok()) return s;
  }
  return coder;
}

}  // namespace dragoman
