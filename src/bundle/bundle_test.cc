// Tests of dictionary bundles (bundle.h): round trips, provenance, determinism, the self-check,
// damaged files (truncated at every offset, bytes changed with and without a valid checksum), and
// the CLI: `dragoman compile` then `dragoman code --bundle` writes what `dragoman code` writes.
#include "dragoman/bundle.h"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dragoman/builtin.h"

namespace dragoman {
namespace {

// A file name under TempDir() unique to the running test.
std::string TempPath(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + "/bundle_" + info->test_suite_name() + "_" + info->name() + "_" +
         name;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// CRC-32 (IEEE, as zlib computes it), written out here so the test checks the documented format.
uint32_t Crc32(std::string_view bytes) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

// Rewrites the trailing checksum so that a deliberately changed file passes it.
void FixChecksum(std::string* file) {
  uint32_t crc = Crc32(std::string_view(*file).substr(0, file->size() - 4));
  for (int i = 0; i < 4; ++i) (*file)[file->size() - 4 + i] = static_cast<char>(crc >> (8 * i));
}

std::string CameoText() { return ReadBytes(DataDirectory() + "/cameo.tsv"); }

// A CAMEO table of two rows, for small bundles.
constexpr char kTinyCameo[] =
    "code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\n"
    "19\tFight\t-10.0\t4\tASSAULT\t\t\n"
    "190\tUse conventional military force\t-10.0\t4\tASSAULT\t\tmilitary\n";

Phrase P(std::initializer_list<const char*> words) {
  Phrase p;
  for (const char* w : words) p.push_back(PhraseWord{w, false});
  return p;
}

// A small set with every field of every struct set to something other than its default.
DictionarySet EveryField() {
  DictionarySet d;
  d.files = {"verbs.txt", "actors.txt"};
  d.actors.push_back(Actor{"VLADIMIR_PUTIN_",
                           {DatedCode{"RUSGOV", DayFromCivil(2000, 5, 7), kMaxDay, false},
                            DatedCode{"RUSELI", kMinDay, kMaxDay, true}},
                           SourceRef{1, 3}});
  d.actors.push_back(Actor{"UKRAINE", {DatedCode{"UKR", kMinDay, kMaxDay, true}}, SourceRef{1, 9}});
  d.actor_phrases.push_back(
      ActorPhrase{{PhraseWord{"VLADIMIR", false}, PhraseWord{"PUTIN", true, true}}, 0, SourceRef{1, 3}});
  d.actor_phrases.push_back(ActorPhrase{P({"PUTIN"}), 0, SourceRef{1, 4}});
  d.actor_phrases.push_back(ActorPhrase{P({"UKRAINE"}), 1, SourceRef{1, 9}});
  d.agents.push_back(Agent{"MIL", false, SourceRef{1, 20}});
  d.agents.push_back(Agent{"IGO", true, SourceRef{1, 21}});
  d.agent_phrases.push_back(AgentPhrase{P({"TROOPS"}), 0, SourceRef{1, 20}});
  d.agent_phrases.push_back(AgentPhrase{P({"ALLIANCE"}), 1, SourceRef{1, 21}});
  d.synsets.push_back(Synset{"WEAPON", {P({"MISSILE"}), P({"ROCKET", "LAUNCHER"})}, SourceRef{0, 2}});
  EventCode attack;
  attack.kind = EventCode::Kind::kEvent;
  attack.code = "190";
  attack.paired = "190";
  attack.passive_only = true;
  attack.subordinate = true;
  VerbBlock block;
  block.label = "ATTACK";
  block.code = EventCode{EventCode::Kind::kEvent, "190", "", false, false};
  block.where = SourceRef{0, 10};
  Pattern pattern;
  PatternToken source;
  source.kind = PatternToken::Kind::kSource;
  PatternToken with;
  with.kind = PatternToken::Kind::kWord;
  with.word = PhraseWord{"WITH", true};
  with.joined = true;
  with.preposition = true;
  PatternToken weapon;
  weapon.kind = PatternToken::Kind::kSynset;
  weapon.synset = 0;
  PatternToken target;
  target.kind = PatternToken::Kind::kTarget;
  pattern.before = {source};
  pattern.after = {target, with, weapon};
  pattern.verb_joined = true;
  pattern.code = attack;
  pattern.text = "- $ * + WITH_ &WEAPON [190]";
  pattern.where = SourceRef{0, 11};
  block.patterns.push_back(pattern);
  d.verb_blocks.push_back(block);
  d.verb_forms.push_back(VerbForm{{"ATTACKED"}, 0, 0, false, EventCode{}, "ATTACK", SourceRef{0, 10}});
  d.verb_forms.push_back(VerbForm{{"LAUNCHED", "ATTACKS"}, 0, 0, true,
                                  EventCode{EventCode::Kind::kDiscard, "", "", false, false},
                                  "LAUNCH_ATTACKS", SourceRef{0, 12}});
  d.transformations.push_back(Transformation{"a (a b ATTACK) SAY = a b 015", SourceRef{0, 30}});
  d.discards.push_back(Discard{P({"FOOTBALL"}), true, SourceRef{0, 40}});
  d.discards.push_back(Discard{P({"VIDEO", "GAME"}), false, SourceRef{0, 41}});
  d.issues.push_back(IssuePhrase{P({"SCHOOL"}), "SCHOOLS", "EDUCATION", false, SourceRef{0, 50}});
  d.issues.push_back(IssuePhrase{P({"HEAD", "START"}), "", "EDUCATION", true, SourceRef{0, 51}});
  d.negations = {{"190", "0874"}, {"111", ""}};
  d.warnings.push_back(DictionaryWarning{"actors.txt", 5, "not stored"});
  return d;
}

// Every event of `text` as "SOURCE CAMEO TARGET rule", for comparing two Coders.
std::vector<std::string> Events(const Coder& coder, const std::string& text, Day date) {
  Document doc;
  doc.text = text;
  doc.date = date;
  std::vector<std::string> out;
  for (const Event& e : coder.Code(doc).events)
    out.push_back(e.source.code + " " + e.cameo + " " + (e.has_target ? e.target.code : "-") +
                  " " + e.rule);
  return out;
}

const char* const kSentences[] = {
    "Russian troops attacked Ukraine on Thursday.",
    "Vladimir Putin met Chinese President Xi Jinping in Moscow.",
    "Israel accused Iran of arming Hezbollah.",
    "The United Nations condemned North Korea's missile launch.",
};

// Writes a bundle of `d` with the built-in CAMEO table and the default samples coded by a Coder
// of `d`.
std::string WriteTestBundle(const DictionarySet& d, const std::string& name,
                            BundleProvenance provenance = {}, std::string cameo = CameoText()) {
  Result<std::unique_ptr<Coder>> coder = Coder::Create(d, CameoTable(), BundleSampleOptions());
  EXPECT_TRUE(coder.ok()) << coder.status().ToString();
  std::vector<BundleSample> samples;
  for (const BuiltinSampleText& s : DefaultBundleSamples())
    samples.push_back(CodeSample(*coder.value(), s.text, ParseIsoDay(s.date).value()));
  std::string path = TempPath(name);
  Status s = WriteBundle(d, cameo, samples, provenance, path);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return path;
}

class BundleBuiltinTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = LoadBuiltinDictionaries(&dict_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  DictionarySet dict_;
};

TEST_F(BundleBuiltinTest, RoundTripCodesTheSameEvents) {
  std::string path = WriteTestBundle(dict_, "round.bundle");
  Result<CameoTable> cameo = LoadBuiltinCameoTable();
  ASSERT_TRUE(cameo.ok());
  Result<std::unique_ptr<Coder>> direct = Coder::Create(dict_, std::move(cameo).value());
  ASSERT_TRUE(direct.ok());
  Result<LoadedBundle> loaded = LoadBundle(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->samples.size(), DefaultBundleSamples().size());
  Result<std::unique_ptr<Coder>> bundled = CreateBundleCoder(std::move(loaded).value());
  ASSERT_TRUE(bundled.ok()) << bundled.status().ToString();
  size_t events = 0;
  for (const char* text : kSentences) {
    std::vector<std::string> want = Events(*direct.value(), text, DayFromCivil(2023, 3, 3));
    EXPECT_EQ(Events(*bundled.value(), text, DayFromCivil(2023, 3, 3)), want) << text;
    events += want.size();
  }
  EXPECT_GE(events, 3u);
  // The CAMEO table came along: events carry their reference facts.
  Document doc{"d", kSentences[0], DayFromCivil(2022, 2, 24)};
  CodedDocument coded = bundled.value()->Code(doc);
  ASSERT_FALSE(coded.events.empty());
  ASSERT_NE(coded.events[0].info, nullptr);
  EXPECT_EQ(coded.events[0].info->quad_class, 4);
}

TEST_F(BundleBuiltinTest, SameInputGivesTheSameBytes) {
  std::string a = ReadBytes(WriteTestBundle(dict_, "a.bundle"));
  std::string b = ReadBytes(WriteTestBundle(dict_, "b.bundle"));
  ASSERT_FALSE(a.empty());
  EXPECT_TRUE(a == b) << "bundles of the same input differ";
}

TEST_F(BundleBuiltinTest, TruncatedFileIsAnErrorNamingTheFile) {
  std::string path = WriteTestBundle(dict_, "whole.bundle");
  std::string bytes = ReadBytes(path);
  std::string cut = TempPath("cut.bundle");
  // Every offset of the header and the first section headers, then offsets spread over the file.
  std::vector<size_t> offsets;
  for (size_t i = 0; i < 64; ++i) offsets.push_back(i);
  for (size_t i = 1; i < 200; ++i) offsets.push_back(bytes.size() * i / 200);
  offsets.push_back(bytes.size() - 1);
  for (size_t n : offsets) {
    WriteBytes(cut, bytes.substr(0, n));
    Result<LoadedBundle> loaded = LoadBundle(cut);
    ASSERT_FALSE(loaded.ok()) << "truncated at " << n;
    EXPECT_NE(loaded.status().message().find(cut), std::string::npos) << loaded.status().message();
  }
}

TEST_F(BundleBuiltinTest, ChangedByteFailsTheChecksum) {
  std::string bytes = ReadBytes(WriteTestBundle(dict_, "good.bundle"));
  std::string path = TempPath("flipped.bundle");
  for (size_t i = 20; i < bytes.size(); i += bytes.size() / 97) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x10);
    WriteBytes(path, bad);
    Result<LoadedBundle> loaded = LoadBundle(path);
    ASSERT_FALSE(loaded.ok()) << "byte " << i;
    EXPECT_EQ(loaded.status().code(), Status::Code::kCorruption);
    EXPECT_NE(loaded.status().message().find(path), std::string::npos);
  }
}

TEST(BundleTest, EveryFieldRoundTrips) {
  DictionarySet d = EveryField();
  std::string first = WriteTestBundle(d, "first.bundle");
  Result<LoadedBundle> loaded = LoadBundle(first);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const DictionarySet& r = loaded->dictionaries;
  EXPECT_TRUE(r.warnings.empty());  // warnings are not stored
  ASSERT_EQ(r.actors.size(), 2u);
  EXPECT_EQ(r.actors[0].codes[0].from, DayFromCivil(2000, 5, 7));
  EXPECT_EQ(r.actors[0].codes[1].from, kMinDay);
  EXPECT_TRUE(r.actor_phrases[0].words[1].exact);
  EXPECT_TRUE(r.actor_phrases[0].words[1].gap_before);
  EXPECT_FALSE(r.actor_phrases[0].words[0].gap_before);
  EXPECT_TRUE(r.agents[1].prefix);
  const Pattern& p = r.verb_blocks[0].patterns[0];
  EXPECT_TRUE(p.after[1].joined && p.after[1].preposition && p.after[1].word.exact);
  EXPECT_EQ(p.after[2].kind, PatternToken::Kind::kSynset);
  EXPECT_TRUE(p.code.passive_only && p.code.subordinate);
  EXPECT_EQ(r.verb_forms[1].own_code.kind, EventCode::Kind::kDiscard);
  EXPECT_EQ(r.transformations[0].text, "a (a b ATTACK) SAY = a b 015");
  EXPECT_TRUE(r.issues[1].ignore);
  EXPECT_EQ(r.negations, d.negations);
  // Everything else: writing what was read gives the same bytes.
  std::string second = TempPath("second.bundle");
  ASSERT_TRUE(WriteBundle(r, CameoText(), loaded->samples, loaded->provenance, second).ok());
  EXPECT_TRUE(ReadBytes(first) == ReadBytes(second));
}

TEST(BundleTest, ProvenanceIsRecorded) {
  BundleProvenance provenance;
  provenance.created = "2024-05-01 nightly";
  provenance.dictionaries = "verbs.txt,actors.txt";
  provenance.sources = {BundleSource{"/data/verbs.txt", 1234, Fnv1a64("verbs")},
                        BundleSource{"/data/actors.txt", 99, 42}};
  std::string path = WriteTestBundle(EveryField(), "prov.bundle", provenance);
  Result<LoadedBundle> loaded = LoadBundle(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const BundleProvenance& p = loaded->provenance;
  EXPECT_EQ(p.format_version, kBundleFormatVersion);
  EXPECT_FALSE(p.dragoman_version.empty());
  EXPECT_EQ(p.created, "2024-05-01 nightly");
  EXPECT_EQ(p.dictionaries, "verbs.txt,actors.txt");
  ASSERT_EQ(p.sources.size(), 2u);
  EXPECT_EQ(p.sources[0].path, "/data/verbs.txt");
  EXPECT_EQ(p.sources[0].bytes, 1234u);
  EXPECT_EQ(p.sources[0].fnv1a, Fnv1a64("verbs"));
  EXPECT_EQ(loaded->path, path);
}

TEST(BundleTest, Fnv1aKnownValues) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
}

TEST(BundleTest, OtherFormatVersionIsRejectedByName) {
  std::string bytes = ReadBytes(WriteTestBundle(EveryField(), "v1.bundle"));
  bytes[16] = static_cast<char>(kBundleFormatVersion + 1);  // the uint32 after the magic
  FixChecksum(&bytes);
  std::string path = TempPath("v2.bundle");
  WriteBytes(path, bytes);
  Result<LoadedBundle> loaded = LoadBundle(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(loaded.status().message().find(path), std::string::npos);
  EXPECT_NE(loaded.status().message().find("format version " + std::to_string(kBundleFormatVersion + 1)),
            std::string::npos)
      << loaded.status().message();
}

TEST(BundleTest, NotABundleAndMissingFile) {
  std::string path = TempPath("text.bundle");
  WriteBytes(path, "--- ATTACK [190] ---\n");
  Result<LoadedBundle> loaded = LoadBundle(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("not a dragoman bundle"), std::string::npos);
  Result<LoadedBundle> missing = LoadBundle(TempPath("absent.bundle"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kIOError);
}

// Bytes changed behind a valid checksum reach the decoder: it must report them, never crash, and
// whatever it accepts must build a Coder that codes.
TEST(BundleTest, GarbledContentWithValidChecksumNeverCrashes) {
  std::string bytes = ReadBytes(WriteTestBundle(EveryField(), "small.bundle", {}, kTinyCameo));
  const std::string name = "garbled.bundle";
  size_t rejected = 0, accepted = 0;
  for (size_t i = 20; i + 4 < bytes.size(); ++i) {
    for (unsigned char value : {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
      std::string bad = bytes;
      if (static_cast<unsigned char>(bad[i]) == value) continue;
      bad[i] = static_cast<char>(value);
      FixChecksum(&bad);
      Result<LoadedBundle> loaded = ParseBundle(bad, name);
      if (!loaded.ok()) {
        ++rejected;
        EXPECT_NE(loaded.status().message().find(name), std::string::npos);
        continue;
      }
      ++accepted;
      Result<std::unique_ptr<Coder>> coder = CreateBundleCoder(std::move(loaded).value());
      if (coder.ok()) (void)coder.value()->Code(Document{"d", "Putin attacked Ukraine.", kNoDay});
    }
  }
  EXPECT_GT(rejected, 0u);
  EXPECT_GT(accepted, 0u);  // some changes (a letter of a word) are well-formed
}

TEST(BundleTest, SelfCheckFailureIsDetected) {
  DictionarySet d = EveryField();
  std::vector<BundleSample> samples = {
      BundleSample{"Putin attacked Ukraine.", DayFromCivil(2022, 2, 24), {}},
      BundleSample{"Putin attacked Ukraine.", DayFromCivil(2022, 2, 24),
                   {BundleEvent{"RUSGOV", "UKR", "043"}}},  // the dictionaries say 190
  };
  std::string path = TempPath("wrong.bundle");
  ASSERT_TRUE(WriteBundle(d, CameoText(), samples, {}, path).ok());
  Result<LoadedBundle> loaded = LoadBundle(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  Result<std::unique_ptr<Coder>> coder = CreateBundleCoder(std::move(loaded).value());
  ASSERT_FALSE(coder.ok());
  const std::string& m = coder.status().message();
  EXPECT_NE(m.find("bundle " + path + ": self-check failed on sample 1"), std::string::npos) << m;
  EXPECT_NE(m.find("expected no events, got RUSGOV 190 UKR"), std::string::npos) << m;
}

TEST(BundleTest, SelfCheckUsesSampleOptionsWhateverTheCallerAsks) {
  DictionarySet d = EveryField();
  std::string path = TempPath("opts.bundle");
  Result<std::unique_ptr<Coder>> coder = Coder::Create(d, CameoTable(), BundleSampleOptions());
  ASSERT_TRUE(coder.ok());
  std::vector<BundleSample> samples = {
      CodeSample(*coder.value(), "Putin attacked Ukraine.", DayFromCivil(2022, 2, 24))};
  ASSERT_EQ(samples[0].expected.size(), 1u);
  EXPECT_EQ(samples[0].expected[0], (BundleEvent{"RUSGOV", "UKR", "190"}));
  ASSERT_TRUE(WriteBundle(d, CameoText(), samples, {}, path).ok());
  CoderOptions options;
  options.require_dyad = false;
  options.infer_country = false;
  Result<LoadedBundle> loaded = LoadBundle(path);
  ASSERT_TRUE(loaded.ok());
  Result<std::unique_ptr<Coder>> checked = CreateBundleCoder(std::move(loaded).value(), options);
  ASSERT_TRUE(checked.ok()) << checked.status().ToString();
  EXPECT_FALSE(checked.value()->options().require_dyad);
}

TEST(BundleTest, WriteRefusesInconsistentDictionaries) {
  DictionarySet d = EveryField();
  d.actor_phrases[0].actor = 7;
  Status s = WriteBundle(d, CameoText(), {}, {}, TempPath("bad.bundle"));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("actor phrase 0"), std::string::npos) << s.message();
}

// ---- The CLI ------------------------------------------------------------------------------------

struct CliRun {
  int status = -1;
  std::string out;
};

CliRun RunCli(const std::string& args) {
  CliRun r;
  std::string cmd = std::string(DRAGOMAN_CLI) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

constexpr char kArticle[] =
    "MOSCOW, March 3, 2023 (Wire) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign "
    "Minister Wang Yi in Moscow on Friday.\n\nUkrainian troops shelled Russian positions near "
    "Bakhmut. Israel accused Iran of arming Hezbollah.\n";

TEST(BundleCliTest, CodeWithBundleWritesWhatCodeWrites) {
  std::string article = TempPath("article.txt");
  WriteBytes(article, kArticle);
  std::string bundle = TempPath("builtin.bundle");
  ASSERT_EQ(RunCli("compile --quiet --output " + bundle).status, 0);
  CliRun plain = RunCli("code --quiet --emit all " + article);
  CliRun bundled = RunCli("code --quiet --emit all --bundle " + bundle + " " + article);
  ASSERT_EQ(plain.status, 0);
  ASSERT_EQ(bundled.status, 0);
  EXPECT_NE(plain.out.find("\"type\":\"event\""), std::string::npos);
  EXPECT_EQ(bundled.out, plain.out);
}

TEST(BundleCliTest, UserDictionariesAndSamples) {
  std::string verbs = TempPath("verbs.txt"), actors = TempPath("actors.txt");
  WriteBytes(verbs, "--- ATTACK [190] ---\nATTACKED\n- $ * + [190]\n");
  WriteBytes(actors, "RUSSIA [RUS]\nUKRAINE [UKR]\n");
  std::string samples = TempPath("samples.jsonl");
  WriteBytes(samples, "{\"text\": \"Ukraine attacked Russia.\", \"date\": \"2023-01-01\"}\n");
  std::string bundle = TempPath("user.bundle");
  std::string dicts = "--verbs " + verbs + " --actors " + actors;
  ASSERT_EQ(RunCli("compile --quiet " + dicts + " --sample 'Russia attacked Ukraine.|2022-02-24'"
                   " --samples " + samples + " -o " + bundle).status, 0);
  Result<LoadedBundle> loaded = LoadBundle(bundle);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->samples.size(), 2u);
  EXPECT_EQ(loaded->samples[0].expected, (std::vector<BundleEvent>{{"RUS", "UKR", "190"}}));
  EXPECT_EQ(loaded->samples[1].expected, (std::vector<BundleEvent>{{"UKR", "RUS", "190"}}));
  EXPECT_EQ(loaded->provenance.dictionaries, verbs + "," + actors);
  ASSERT_EQ(loaded->provenance.sources.size(), 3u);  // verbs, actors, the CAMEO table
  EXPECT_EQ(loaded->provenance.sources[1].bytes, ReadBytes(actors).size());
  EXPECT_EQ(loaded->provenance.sources[1].fnv1a, Fnv1a64(ReadBytes(actors)));

  std::string article = TempPath("a.txt");
  WriteBytes(article, "Russia attacked Ukraine. Ukraine attacked Russia.\n");
  CliRun plain = RunCli("code --quiet --date 2023-05-05 " + dicts + " " + article);
  CliRun bundled = RunCli("code --quiet --date 2023-05-05 --bundle " + bundle + " " + article);
  EXPECT_EQ(bundled.status, 0);
  EXPECT_EQ(bundled.out, plain.out);
  // Compiling again gives the same bytes.
  std::string again = TempPath("again.bundle");
  ASSERT_EQ(RunCli("compile --quiet " + dicts + " --sample 'Russia attacked Ukraine.|2022-02-24'"
                   " --samples " + samples + " --output " + again).status, 0);
  EXPECT_TRUE(ReadBytes(bundle) == ReadBytes(again));
}

TEST(BundleCliTest, UsageErrors) {
  std::string bundle = TempPath("x.bundle");
  EXPECT_EQ(RunCli("code --bundle " + bundle + " --verbs v.txt").status, 2);
  EXPECT_EQ(RunCli("compile").status, 2);                                // no --output
  EXPECT_EQ(RunCli("compile --sample 'x|2022-13-45' -o " + bundle).status, 2);
  EXPECT_EQ(RunCli("compile stray -o " + bundle).status, 2);
  EXPECT_EQ(RunCli("code --bundle " + TempPath("missing.bundle")).status, 2);
  WriteBytes(bundle, "DRAGOMAN-BUNDLE");  // truncated
  EXPECT_EQ(RunCli("code --bundle " + bundle).status, 2);
  CliRun help = RunCli("compile --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--samples"), std::string::npos);
}

}  // namespace
}  // namespace dragoman
