#include <gtest/gtest.h>

#include "dict/readers.h"

namespace dragoman {
namespace {

TEST(DictOntologyTest, NegationIsTheCodeWithTheValueMinusFFFF) {
  DictionarySet set;
  uint32_t f = set.AddFile("pico.txt");
  const char kPico[] =
      "# comment\n"
      "010:0x1000#Make Public Statement\n"
      "011:0x1000-0xFFFF\n"
      "050:0x0080#DiplomaticCoop\n"
      "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n"
      "121:-0xFFFF+0x0070\n"
      "999:not hex\n";
  ASSERT_TRUE(dict::ParseOntology(kPico, f, &set).ok());
  auto negation = [&](const std::string& code) {
    for (const auto& [c, n] : set.negations)
      if (c == code) return n;
    return std::string("none");
  };
  EXPECT_EQ(negation("010"), "011");   // "did not say" → decline comment
  EXPECT_EQ(negation("110"), "050");   // "did not criticize" → diplomatic cooperation
  EXPECT_EQ(negation("050"), "none");  // no code has 0x80 - 0xFFFF: dropped
  ASSERT_EQ(set.warnings.size(), 1u);
  EXPECT_EQ(set.warnings[0].line, 7u);
}

TEST(DictOntologyTest, RealFileLoads) {
  std::string path = std::string(DRAGOMAN_SHARED_DIR) +
                     "/petrarch/validation/ud-petrarch-2.02/PETR_Validate_Internal_Coding_Ontology_1_01.txt";
  DictionarySet set;
  Status s = LoadDictionary(path, DictionaryKind::kOntology, &set);
  if (s.code() == Status::Code::kNotFound) GTEST_SKIP() << "no ../shared";
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(set.negations.size(), 10u);
}

}  // namespace
}  // namespace dragoman
