// The gazetteer (include/dragoman/gazetteer.h): its format, lookup by matching form, and the
// built-in data/gazetteer.tsv against the tokenizer (every key must be what the text's tokens make
// of the name, or the name can never match).
#include "dragoman/gazetteer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "dragoman/builtin.h"
#include "dragoman/text.h"

namespace dragoman {
namespace {

// ---- The gazetteer ----------------------------------------------------------------------------

const char kSmallGazetteer[] =
    "# keys\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\n"
    "PARIS\tParis\tUSA\tTexas\t33.6609\t-95.5555\t24782\tcity\n"
    "PARIS\tParis\tFRA\t\t48.8534\t2.3488\t2138551\tcapital\n"
    "KYIV|KIEV\tKyiv\tUKR\tKiev\t50.4547\t30.5238\t2797553\tcapital\n"
    "ST. PETERSBURG|ST PETERSBURG|SAINT PETERSBURG\tSaint Petersburg\tRUS\t\t59.9386\t30.3141\t"
    "5028000\tcity\n"
    "UKRAINE\tUkraine\tUKR\t\t\t\t30000000\tcountry\n";

TEST(GazetteerTest, ParsesRowsAndLooksUpEveryKeyMostPopulousFirst) {
  auto g = Gazetteer::Parse(kSmallGazetteer);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ((*g)->size(), 5u);
  EXPECT_EQ((*g)->key_count(), 7u);
  EXPECT_EQ((*g)->max_key_tokens(), 2u);

  auto paris = (*g)->Lookup("PARIS");
  ASSERT_EQ(paris.size(), 2u);
  EXPECT_EQ((*g)->place(paris[0]).country, "FRA");
  EXPECT_EQ((*g)->place(paris[0]).kind, Gazetteer::Kind::kCapital);
  EXPECT_EQ((*g)->place(paris[1]).admin1, "Texas");
  EXPECT_DOUBLE_EQ((*g)->place(paris[1]).lon, -95.5555);

  auto kiev = (*g)->Lookup("KIEV");
  ASSERT_EQ(kiev.size(), 1u);
  EXPECT_EQ((*g)->place(kiev[0]).name, "Kyiv");
  for (const char* key : {"ST. PETERSBURG", "ST PETERSBURG", "SAINT PETERSBURG"})
    EXPECT_EQ((*g)->Lookup(key).size(), 1u) << key;
  EXPECT_TRUE((*g)->Lookup("LONDON").empty());
  EXPECT_TRUE((*g)->Lookup("Paris").empty());  // keys are matching forms

  auto ukraine = (*g)->Lookup("UKRAINE");
  ASSERT_EQ(ukraine.size(), 1u);
  EXPECT_FALSE((*g)->place(ukraine[0]).has_coordinates);
  EXPECT_EQ((*g)->CountryName("UKR"), "Ukraine");
  EXPECT_EQ((*g)->CountryName("FRA"), "");
}

TEST(GazetteerTest, BadRowsAreCorruption) {
  const char* const kBad[] = {
      "PARIS\tParis\tFRA\n",                          // too few fields
      "PARIS\tParis\tFRA\t\t91\t2\t1\tcity\n",        // latitude
      "PARIS\tParis\tFRA\t\t48\t2\tmany\tcity\n",     // population
      "PARIS\tParis\tFRA\t\t48\t2\t1\ttown\n",        // kind
      "PARIS||X\tParis\tFRA\t\t48\t2\t1\tcity\n",     // empty key
      "PARIS\tParis\tFRANCE\t\t48\t2\t1\tcity\n",     // country
  };
  for (const char* row : kBad) {
    auto g = Gazetteer::Parse(row);
    EXPECT_FALSE(g.ok()) << row;
  }
  EXPECT_FALSE(Gazetteer::Load("/nonexistent/gazetteer.tsv").ok());
}

TEST(GazetteerTest, BuiltinKeysAreWhatTheTokenizerMakesOfThem) {
  const Gazetteer* g = Gazetteer::Builtin();
  if (!g) GTEST_SKIP() << "no data/gazetteer.tsv";
  EXPECT_GT(g->size(), 25000u);
  size_t checked = 0;
  for (std::string_view key : g->Keys()) {
    // The possessive is its own token ("COX 'S BAZAR"); written back onto its word it must split
    // off again.
    std::string written(key);
    for (size_t at; (at = written.find(" 'S")) != std::string::npos;) written.erase(at, 1);
    std::string joined;
    for (const Token& t : Tokenize(written)) joined += (joined.empty() ? "" : " ") + t.norm;
    ASSERT_EQ(joined, key);
    ++checked;
  }
  EXPECT_EQ(checked, g->key_count());
  // Names with diacritics are keyed by their folded form, as the tokenizer folds the text.
  std::string joined;
  for (const Token& t : Tokenize("Kraków")) joined += t.norm;
  EXPECT_FALSE(g->Lookup(joined).empty());
}

TEST(GazetteerTest, BuiltinLoadsFast) {
  auto start = std::chrono::steady_clock::now();
  auto g = Gazetteer::Load(DataDirectory() + "/gazetteer.tsv");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  double ms = std::chrono::duration<double, std::milli>(elapsed).count();
  if (!g.ok()) GTEST_SKIP() << "no data/gazetteer.tsv";
  // Measured at about 10 ms; the bound leaves room for a busy machine and sanitizer builds.
  EXPECT_LT(ms, 500.0);
  std::printf("gazetteer: %zu places, %zu keys, loaded in %.1f ms\n", (*g)->size(),
              (*g)->key_count(), ms);
}

}  // namespace
}  // namespace dragoman
