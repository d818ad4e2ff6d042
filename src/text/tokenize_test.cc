#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/text.h"

namespace dragoman {
namespace {

std::vector<std::string> Norms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.norm);
  return out;
}

using V = std::vector<std::string>;

// Every token's offsets are inside the text, ordered, and cover non-space bytes only.
void ExpectWellFormed(std::string_view text, const std::vector<Token>& tokens) {
  uint32_t last = 0;
  for (const Token& t : tokens) {
    ASSERT_LT(t.start, t.end);
    ASSERT_LE(t.end, text.size());
    ASSERT_GE(t.start, last);
    last = t.end;
  }
}

TEST(TextTokenizeTest, EmptyAndBlank) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize("   \n\t \u00a0 ").empty());
  EXPECT_TRUE(PhraseWords("").empty());
}

TEST(TextTokenizeTest, ExampleSentenceWithOffsets) {
  const std::string text =
      "Russia’s Deputy Foreign Minister Alexander V. Khrushchev welcomed US Ambassador to Moscow "
      "John Sullivan at his request,";
  std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(Norms(text), (V{"RUSSIA", "'S", "DEPUTY", "FOREIGN", "MINISTER", "ALEXANDER", "V.",
                            "KHRUSHCHEV", "WELCOMED", "US", "AMBASSADOR", "TO", "MOSCOW", "JOHN",
                            "SULLIVAN", "AT", "HIS", "REQUEST", ","}));
  ExpectWellFormed(text, tokens);
  ASSERT_EQ(tokens.size(), 19u);
  auto sub = [&](const Token& t) { return text.substr(t.start, t.end - t.start); };
  EXPECT_EQ(sub(tokens[0]), "Russia");
  EXPECT_EQ(sub(tokens[1]), "’s");
  EXPECT_EQ(sub(tokens[6]), "V.");
  EXPECT_EQ(sub(tokens[7]), "Khrushchev");
  EXPECT_EQ(sub(tokens[18]), ",");
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[8].capitalized);  // welcomed
  EXPECT_TRUE(tokens[9].capitalized);   // US
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[18].kind, TokenKind::kPunct);
}

TEST(TextTokenizeTest, PossessivesAndNegation) {
  EXPECT_EQ(Norms("Russia's"), (V{"RUSSIA", "'S"}));
  EXPECT_EQ(Norms("RUSSIA’S"), (V{"RUSSIA", "'S"}));
  EXPECT_EQ(Norms("didn't"), (V{"DID", "N'T"}));
  EXPECT_EQ(Norms("can't won't"), (V{"CA", "N'T", "WO", "N'T"}));
  EXPECT_EQ(Norms("didn’t"), (V{"DID", "N'T"}));
  EXPECT_EQ(Norms("O'Brien's"), (V{"O'BRIEN", "'S"}));
  EXPECT_EQ(Norms("O’Brien"), (V{"O'BRIEN"}));
  const std::string text = "didn't";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "did");
  EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "n't");
}

TEST(TextTokenizeTest, HyphensAndDashes) {
  EXPECT_EQ(Norms("pro-Western"), (V{"PRO", "-", "WESTERN"}));
  EXPECT_EQ(Norms("arms – control — talks −5"), (V{"ARMS", "-", "CONTROL", "-", "TALKS", "-", "5"}));
  EXPECT_EQ(Norms("war--peace"), (V{"WAR", "-", "PEACE"}));
  std::vector<Token> t = Tokenize("pro-Western");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].kind, TokenKind::kPunct);
  EXPECT_TRUE(t[2].capitalized);
  EXPECT_FALSE(t[0].capitalized);
}

TEST(TextTokenizeTest, AbbreviationsAndSentencePeriods) {
  EXPECT_EQ(Norms("the U.S. and the U.N."), (V{"THE", "U.S.", "AND", "THE", "U.N."}));
  EXPECT_EQ(Norms("in Washington."), (V{"IN", "WASHINGTON", "."}));
  EXPECT_EQ(Norms("Mr. Smith met Dr. Jones and Gen. Milley in St. Petersburg on Jan. 26."),
            (V{"MR.", "SMITH", "MET", "DR.", "JONES", "AND", "GEN.", "MILLEY", "IN", "ST.",
               "PETERSBURG", "ON", "JAN.", "26", "."}));
  EXPECT_EQ(Norms("Acme Inc. and Foo Corp."), (V{"ACME", "INC.", "AND", "FOO", "CORP."}));
  EXPECT_EQ(Norms("U.S.-led"), (V{"U.S.", "-", "LED"}));
  // "No." is an abbreviation only before a number.
  EXPECT_EQ(Norms("No. 3"), (V{"NO.", "3"}));
  EXPECT_EQ(Norms("he said no."), (V{"HE", "SAID", "NO", "."}));
}

TEST(TextTokenizeTest, Numbers) {
  std::vector<Token> t = Tokenize("2,500 troops and 3.5 percent in 1990s, 20,00 or 3.5.");
  std::vector<std::string> norms;
  for (const Token& x : t) norms.push_back(x.norm);
  EXPECT_EQ(norms, (V{"2,500", "TROOPS", "AND", "3.5", "PERCENT", "IN", "1990S", ",", "20", ",",
                      "00", "OR", "3.5", "."}));
  EXPECT_EQ(t[0].kind, TokenKind::kNumber);
  EXPECT_EQ(t[3].kind, TokenKind::kNumber);
  EXPECT_EQ(t[6].kind, TokenKind::kWord);
  EXPECT_EQ(t[12].kind, TokenKind::kNumber);
  EXPECT_FALSE(t[0].capitalized);
}

// Runs of ASCII letters and digits are scanned eight bytes at a time where eight can be read:
// the word, its kind and its norm must not depend on where it sits or what follows it.
TEST(TextTokenizeTest, WordsAtEveryOffsetAndLength) {
  const std::string words[] = {"x",         "7",          "abcdefgh",   "12345678",
                               "abcdefghi", "123456789",  "12345678a",  "a12345678",
                               "1990s",     "Mixed9Case", "abcdefghijklmnopqrstu"};
  // What follows the word; then either nothing or more words, so that the word's last eight
  // bytes are read both as a whole and one by one.
  const std::string tails[] = {"", " ", "!", ", and", "'s", "\xC3\xA9", "-"};
  const std::string mores[] = {"", " and more letters"};
  for (const std::string& word : words) {
    const bool digits = word.find_first_not_of("0123456789") == std::string::npos;
    std::string upper = word;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string upper_e = upper;
    upper_e.push_back('E');
    for (size_t pad = 0; pad < 10; ++pad) {
      for (const std::string& tail : tails) {
        for (const std::string& more : mores) {
          const std::string text = std::string(pad, ' ') + word + tail + more;
          const std::vector<Token> tokens = Tokenize(text);
          SCOPED_TRACE(text);
          ASSERT_FALSE(tokens.empty());
          EXPECT_EQ(tokens[0].start, pad);
          // A trailing non-ASCII letter (é) joins the word, folded to E.
          const bool joined = tail == "\xC3\xA9";
          EXPECT_EQ(tokens[0].end, pad + word.size() + (joined ? 2 : 0));
          EXPECT_EQ(tokens[0].norm, joined ? upper_e : upper);
          EXPECT_EQ(tokens[0].kind, digits && !joined ? TokenKind::kNumber : TokenKind::kWord);
          EXPECT_EQ(tokens[0].capitalized, word[0] >= 'A' && word[0] <= 'Z');
        }
      }
    }
  }
}

TEST(TextTokenizeTest, Quotes) {
  const std::string text = "“Russia is forging a path,” he said. \"Yes\" « non » 'maybe' countries' leaders";
  std::vector<Token> t = Tokenize(text);
  ExpectWellFormed(text, t);
  EXPECT_EQ(Norms(text), (V{"\"", "RUSSIA", "IS", "FORGING", "A", "PATH", ",", "\"", "HE", "SAID",
                            ".", "\"", "YES", "\"", "\"", "NON", "\"", "'", "MAYBE", "'",
                            "COUNTRIES", "'", "LEADERS"}));
  EXPECT_EQ(t[0].kind, TokenKind::kQuote);
  EXPECT_EQ(text.substr(t[0].start, t[0].end - t[0].start), "“");
  EXPECT_EQ(t[7].kind, TokenKind::kQuote);
  EXPECT_EQ(t[17].kind, TokenKind::kQuote);  // 'maybe'
  EXPECT_EQ(t[19].kind, TokenKind::kQuote);
  EXPECT_EQ(t[21].kind, TokenKind::kPunct);  // the possessive apostrophe of countries'
}

TEST(TextTokenizeTest, LatinLettersUpperCasedAndFolded) {
  std::vector<Token> t = Tokenize("Erdoğan visited São Paulo and éclair");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].norm, "ERDOGAN");
  EXPECT_EQ(t[2].norm, "SAO");
  EXPECT_EQ(t[5].norm, "ECLAIR");
  EXPECT_FALSE(t[5].capitalized);
  std::vector<Token> u = Tokenize("Élysée Łódź Straße Œuvre Ștefan");
  ASSERT_EQ(u.size(), 5u);
  EXPECT_TRUE(u[0].capitalized);
  EXPECT_EQ(u[0].norm, "ELYSEE");
  EXPECT_EQ(u[1].norm, "LODZ");
  EXPECT_EQ(u[2].norm, "STRASSE");
  EXPECT_EQ(u[3].norm, "OEUVRE");
  EXPECT_EQ(u[4].norm, "STEFAN");
  // Offsets still point at the original bytes.
  std::string_view text = "Élysée Łódź";
  std::vector<Token> v = Tokenize(text);
  EXPECT_EQ(text.substr(v[1].start, v[1].end - v[1].start), "Łódź");
}

TEST(TextTokenizeTest, UnicodeSpacesSeparate) {
  EXPECT_EQ(Norms("Vladimir\u00a0Putin\u2009met\u202fXi\u3000Jinping"),
            (V{"VLADIMIR", "PUTIN", "MET", "XI", "JINPING"}));
}

TEST(TextTokenizeTest, InvalidBytesAreOneByteTokens) {
  const std::string text = "ab\xff\xfe" "cd \xc3 ok";
  std::vector<Token> t = Tokenize(text);
  ExpectWellFormed(text, t);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].norm, "AB");
  EXPECT_EQ(t[1].norm, "\xff");
  EXPECT_EQ(t[1].kind, TokenKind::kPunct);
  EXPECT_EQ(t[1].start, 2u);
  EXPECT_EQ(t[1].end, 3u);
  EXPECT_EQ(t[2].norm, "\xfe");
  EXPECT_EQ(t[3].norm, "CD");
  EXPECT_EQ(t[3].start, 4u);
  EXPECT_EQ(t[4].norm, "\xc3");
  EXPECT_EQ(t[5].norm, "OK");
  EXPECT_EQ(text.substr(t[5].start, t[5].end - t[5].start), "ok");
}

TEST(TextTokenizeTest, NulBytesAreOneByteTokens) {
  const std::string text("Putin\0met", 9);
  std::vector<Token> t = Tokenize(text);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].norm, "PUTIN");
  EXPECT_EQ(t[1].norm, std::string(1, '\0'));
  EXPECT_EQ(t[1].start, 5u);
  EXPECT_EQ(t[2].norm, "MET");
  EXPECT_EQ(t[2].start, 6u);
}

TEST(TextTokenizeTest, SpanLimitsTokenizing) {
  const std::string text = "First sentence. Second sentence here.";
  std::vector<Token> t = Tokenize(text, Span{16, 37});
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].norm, "SECOND");
  EXPECT_EQ(t[0].start, 16u);
  EXPECT_EQ(t[3].norm, ".");
  EXPECT_EQ(t[3].end, 37u);
  // A span cutting a multi-byte character never reads past its end.
  const std::string cut = "São";
  std::vector<Token> c = Tokenize(cut, Span{0, 2});
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].norm, "S");
  EXPECT_EQ(c[1].end, 2u);
  // Out-of-range spans are clamped.
  EXPECT_EQ(Tokenize(cut, Span{2, 100}).back().end, cut.size());
  EXPECT_TRUE(Tokenize(cut, Span{50, 100}).empty());
}

TEST(TextTokenizeTest, EllipsisAndOtherPunctuation) {
  EXPECT_EQ(Norms("wait... now… (yes) $5 5% a&b"),
            (V{"WAIT", "...", "NOW", "...", "(", "YES", ")", "$", "5", "5", "%", "A", "&", "B"}));
}

TEST(TextTokenizeTest, PhraseWordsMatchTextTokens) {
  EXPECT_EQ(PhraseWords("SEMI-OFFICIAL_NEWSPAPER"), (V{"SEMI", "-", "OFFICIAL", "NEWSPAPER"}));
  EXPECT_EQ(PhraseWords("UNITED_STATES"), (V{"UNITED", "STATES"}));
  EXPECT_EQ(PhraseWords("RUSSIA'S_FOREIGN_MINISTER"), (V{"RUSSIA", "'S", "FOREIGN", "MINISTER"}));
  EXPECT_EQ(PhraseWords("U.S._AMBASSADOR"), (V{"U.S.", "AMBASSADOR"}));
  EXPECT_EQ(PhraseWords("DIDN'T_AGREE"), (V{"DID", "N'T", "AGREE"}));
  EXPECT_EQ(PhraseWords("ERDOĞAN"), Norms("Erdoğan"));
  EXPECT_EQ(PhraseWords("pro-western"), Norms("pro-Western"));
  EXPECT_EQ(PhraseWords("MR._PUTIN"), Norms("Mr. Putin"));
}

}  // namespace
}  // namespace dragoman
