// Event locations (docs/output.md, "location"): choosing among namesakes by the document's context,
// the dateline fallback, person names that are also towns, and the location fields of every output
// format. They skip when data/gazetteer.tsv is absent.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dragoman/builtin.h"
#include "dragoman/coder.h"
#include "dragoman/gazetteer.h"

namespace dragoman {
namespace {

// ---- Choosing the place of an event -----------------------------------------------------------

class PlacesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!Gazetteer::Builtin()) return;
    DictionarySet dict;
    ASSERT_TRUE(LoadBuiltinDictionaries(&dict).ok());
    Result<CameoTable> cameo = LoadBuiltinCameoTable();
    ASSERT_TRUE(cameo.ok());
    auto coder = Coder::Create(std::move(dict), std::move(cameo).value());
    ASSERT_TRUE(coder.ok());
    coder_ = std::move(coder).value().release();
  }
  void SetUp() override {
    if (!coder_) GTEST_SKIP() << "no data/gazetteer.tsv";
  }

  static CodedDocument Code(const std::string& text) {
    Document d;
    d.id = "t";
    d.text = text;
    d.date = DayFromCivil(2022, 3, 3);
    return coder_->Code(d);
  }
  // The first event's location as "Name COUNTRY kind", "" when it has none.
  static std::string Where(const std::string& text) {
    CodedDocument doc = Code(text);
    if (doc.events.empty()) return "no event";
    const Event& e = doc.events.front();
    if (!e.has_location) return "";
    return e.location.name + " " + e.location.country + " " + e.location.kind;
  }

  // Each text's first event must be at `where` ("Name COUNTRY kind", "" for none).
  struct Case {
    const char* text;
    const char* where;
  };
  static void ExpectPlaces(const std::vector<Case>& cases) {
    for (const Case& c : cases) EXPECT_EQ(Where(c.text), c.where) << c.text;
  }

  static const Coder* coder_;
};

const Coder* PlacesTest::coder_ = nullptr;

TEST_F(PlacesTest, PlaceAfterALocativeWord) {
  ExpectPlaces({
      {"Russian troops attacked Ukrainian soldiers in eastern Donetsk.",
       "Donetsk UKR city"},
      {"Russian forces shelled the eastern city of Kramatorsk, Ukraine said.",
       "Kramators’k UKR city"},
      {"Russia accused Ukraine of an attack on the outskirts of Kyiv.",
       "Kyiv UKR capital"},
      {"Ukrainian forces attacked Russian troops in Russian-occupied Melitopol.",
       "Melitopol UKR city"},
      {"Russian troops attacked Ukrainian soldiers in Donetsk in eastern Ukraine.",
       "Donetsk UKR city"},
      // A name before a place noun is an adjective; before an area noun, the area.
      {"Somali militants attacked soldiers in the Somali capital Mogadishu.",
       "Mogadishu SOM capital"},
      {"Taliban fighters attacked Afghan soldiers in Ghazni province.", "Ghazni AFG admin"},
  });
  CodedDocument doc = Code("Russian troops attacked Ukrainian soldiers near Kharkiv.");
  ASSERT_EQ(doc.events.size(), 1u);
  const Location& l = doc.events[0].location;
  EXPECT_EQ(l.admin1, "Kharkiv Oblast");
  EXPECT_EQ(l.country_name, "Ukraine");
  EXPECT_TRUE(l.has_coordinates);
  EXPECT_NEAR(l.lat, 49.98, 0.01);
  EXPECT_NEAR(l.lon, 36.25, 0.01);
  EXPECT_FALSE(l.from_dateline);
  EXPECT_EQ(doc.events[0].location.span.start, 48u);
  EXPECT_EQ(doc.events[0].location.span.end, 55u);
}

TEST_F(PlacesTest, NamesakesAreSettledByContextThenPopulation) {
  ExpectPlaces({
      {"Lebanese troops clashed with Hezbollah fighters in Tripoli.", "Tripoli LBN city"},
      {"Libyan forces attacked rebels in Tripoli.", "Tripoli LBY capital"},
      {"French police arrested protesters in Paris.", "Paris FRA capital"},
      // A town far smaller than its namesake needs a qualifier, whatever the actors.
      {"American police arrested protesters in Paris.", "Paris FRA capital"},
      {"American police arrested protesters in Paris, Texas.", "Paris USA city"},
      // Georgia the country or the US state.
      {"Georgian police detained opposition protesters in Georgia.",
       "Georgia GEO country"},
      {"The FBI arrested protesters in Georgia.", "Georgia USA admin"},
  });
}

TEST_F(PlacesTest, DatelinePlaceIsTheFallback) {
  const std::string text =
      "KYIV, March 3 (Reuters) - Russia attacked Ukraine. "
      "Ukrainian troops attacked Russian soldiers in Kharkiv.";
  CodedDocument doc = Code(text);
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].location.name, "Kyiv");
  EXPECT_TRUE(doc.events[0].location.from_dateline);
  EXPECT_EQ(doc.events[0].location.span.start, 0u);
  EXPECT_EQ(text.substr(0, doc.events[0].location.span.end), "KYIV, March 3 (Reuters) -");
  EXPECT_EQ(doc.events[1].location.name, "Kharkiv");
  EXPECT_FALSE(doc.events[1].location.from_dateline);
}

TEST_F(PlacesTest, NoPlaceMeansNoLocation) {
  ExpectPlaces({
      {"Russia attacked Ukraine.", ""},
      // A country that is an actor is not where the event happened.
      {"Russian troops attacked Ukraine.", ""},
      // "in northern Mozambique" rules out Palma, Spain (Palma, Mozambique is too small to keep).
      {"Islamist insurgents attacked the coastal town of Palma in northern Mozambique.",
       ""},
      // Ordinary words and months are not places, even capitalised after "in".
      {"Russia attacked Ukraine in March.", ""},
  });
}

TEST_F(PlacesTest, PeopleNamedLikeTownsAreNotPlaces) {
  ExpectPlaces({
      // Obama is a town in Japan; here it is the person the dictionaries know.
      {"Russia rejected the accusations made by the United States in Obama's speech.",
       ""},
      {"Russian troops attacked Ukrainian soldiers in Obama.", "Obama JPN city"},
      // An unknown longer name that starts like a town.
      {"China accused Japan in Victoria Nuland's presence.", ""},
      // After a title a name is a person's: Victoria and Eugene are not places, Florence is.
      {"Police detained protesters near Gen. Eugene Smith's home.", ""},
      {"Russia accused Ukraine at a meeting with President Victoria Smith in Florence.",
       "Florence ITA city"},
  });
}

TEST_F(PlacesTest, ExampleArticle) {
  std::ifstream in(std::string(DRAGOMAN_SOURCE_DIR) + "/examples/geneva-talks.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  Document d;
  d.id = "geneva-talks";
  d.text = ss.str();
  CodedDocument doc = coder_->Code(d);
  ASSERT_GE(doc.events.size(), 3u);
  size_t kharkiv = 0, geneva_sentence = 0, geneva_dateline = 0;
  for (const Event& e : doc.events) {
    ASSERT_TRUE(e.has_location);
    if (e.location.name == "Kharkiv") ++kharkiv;
    if (e.location.country == "CHE" && !e.location.from_dateline) ++geneva_sentence;
    if (e.location.country == "CHE" && e.location.from_dateline) ++geneva_dateline;
  }
  EXPECT_EQ(kharkiv, 1u);          // "shelling civilian areas in Kharkiv"
  EXPECT_EQ(geneva_sentence, 1u);  // "met ... in Geneva" (Switzerland, not Geneva, Illinois)
  EXPECT_GE(geneva_dateline, 1u);  // the rest take the dateline
}

// ---- Output formats ---------------------------------------------------------------------------

std::string Cli(const std::string& args) {
  std::string out;
  FILE* p = popen((std::string(DRAGOMAN_CLI) + " " + args + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::vector<std::string> SplitLine(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::stringstream ss(line);
  std::string f;
  while (std::getline(ss, f, sep)) fields.push_back(f);
  if (!line.empty() && line.back() == sep) fields.push_back("");
  return fields;
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> records;
  for (const std::string& line : SplitLine(out, '\n'))
    if (!line.empty()) records.push_back(nlohmann::json::parse(line));
  return records;
}

class PlacesOutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Gazetteer::Builtin()) GTEST_SKIP() << "no data/gazetteer.tsv";
    dir_ = ::testing::TempDir() + "/places_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(dir_);
    input_ = dir_ + "/in.jsonl";
    // The first event has a location, the second none.
    std::ofstream(input_) << "{\"id\":\"a\",\"date\":\"2022-03-03\",\"text\":\"Russian troops "
                             "attacked Ukrainian soldiers near Kharkiv.\"}\n"
                             "{\"id\":\"b\",\"date\":\"2022-03-03\",\"text\":\"Russia attacked "
                             "Ukraine.\"}\n";
  }
  // Column `name` of each data row of a table with a header row.
  std::vector<std::string> Column(const std::string& out, char sep, const std::string& name) {
    std::vector<std::string> lines = SplitLine(out, '\n');
    std::vector<std::string> values;
    if (lines.empty()) return values;
    auto strip = [](std::string s) {
      if (!s.empty() && s.back() == '\r') s.pop_back();
      return s;
    };
    std::vector<std::string> header = SplitLine(strip(lines[0]), sep);
    size_t col = std::find(header.begin(), header.end(), name) - header.begin();
    for (size_t i = 1; i < lines.size(); ++i) {
      if (lines[i].empty()) continue;
      std::vector<std::string> row = SplitLine(strip(lines[i]), sep);
      EXPECT_EQ(row.size(), header.size()) << lines[i];
      values.push_back(col < row.size() ? row[col] : "<missing>");
    }
    return values;
  }
  std::string dir_, input_;
};

TEST_F(PlacesOutputTest, JsonLinesAndPlover) {
  std::vector<nlohmann::json> events = JsonLines(Cli("code --quiet " + input_));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["location"], nlohmann::json::parse(R"({
      "name": "Kharkiv", "country": "UKR", "country_name": "Ukraine", "admin1": "Kharkiv Oblast",
      "lat": 49.9808, "lon": 36.2527, "kind": "city", "source": "sentence", "text": "Kharkiv",
      "start": 48, "end": 55})"));
  EXPECT_TRUE(events[1]["location"].is_null());

  std::vector<nlohmann::json> plover = JsonLines(Cli("code --quiet --format plover " + input_));
  ASSERT_EQ(plover.size(), 2u);
  EXPECT_EQ(plover[0]["event_loc"], nlohmann::json::parse(R"({
      "extracted_place": "Kharkiv", "resolved_place": "Kharkiv", "lat": 49.9808, "lon": 36.2527,
      "city": "Kharkiv", "province": "Kharkiv Oblast", "country": "Ukraine",
      "country_code": "UKR", "feature_class": "P", "resolution": 4, "start": 48, "end": 55})"));
  EXPECT_TRUE(plover[1]["event_loc"].is_null());
}

TEST_F(PlacesOutputTest, TableFormats) {
  std::string gdelt = Cli("code --quiet --format gdelt " + input_);
  EXPECT_EQ(Column(gdelt, '\t', "ActionGeo_Type"), (std::vector<std::string>{"4", ""}));
  EXPECT_EQ(Column(gdelt, '\t', "ActionGeo_FullName"),
            (std::vector<std::string>{"Kharkiv, Kharkiv Oblast, Ukraine", ""}));
  EXPECT_EQ(Column(gdelt, '\t', "ActionGeo_CountryCode"), (std::vector<std::string>{"UKR", ""}));
  EXPECT_EQ(Column(gdelt, '\t', "ActionGeo_Lat"), (std::vector<std::string>{"49.9808", ""}));
  EXPECT_EQ(Column(gdelt, '\t', "ActionGeo_Long"), (std::vector<std::string>{"36.2527", ""}));
  // The columns before stay where they were.
  EXPECT_EQ(SplitLine(SplitLine(gdelt, '\n')[0], '\t')[28], "ActionCharOffset");

  std::string phoenix = Cli("code --quiet --format phoenix " + input_);
  EXPECT_EQ(Column(phoenix, '\t', "LocationName"), (std::vector<std::string>{"Kharkiv", ""}));
  EXPECT_EQ(Column(phoenix, '\t', "StateName"), (std::vector<std::string>{"Kharkiv Oblast", ""}));
  EXPECT_EQ(Column(phoenix, '\t', "CountryCode"), (std::vector<std::string>{"UKR", ""}));
  EXPECT_EQ(Column(phoenix, '\t', "Lat"), (std::vector<std::string>{"49.9808", ""}));

  std::string csv = Cli("code --quiet --format csv " + input_);
  EXPECT_EQ(Column(csv, ',', "location_name"), (std::vector<std::string>{"Kharkiv", ""}));
  EXPECT_EQ(Column(csv, ',', "location_country"), (std::vector<std::string>{"UKR", ""}));
  EXPECT_EQ(Column(csv, ',', "location_lon"), (std::vector<std::string>{"36.2527", ""}));
  EXPECT_EQ(Column(csv, ',', "location_source"), (std::vector<std::string>{"sentence", ""}));
  EXPECT_EQ(Column(csv, ',', "location_start"), (std::vector<std::string>{"48", ""}));
  EXPECT_EQ(SplitLine(SplitLine(csv, '\n')[0], ',')[32], "meta");
}

TEST_F(PlacesOutputTest, SqliteColumns) {
  std::string db_path = dir_ + "/out.sqlite";
  Cli("code --quiet --format sqlite --output " + db_path + " " + input_);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT location_name, location_country, location_admin1, "
                               "location_lat, location_kind, location_source, location_start, "
                               "location_end FROM events ORDER BY id",
                               -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  auto text = [&](int c) {
    return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)));
  };
  EXPECT_EQ(text(0), "Kharkiv");
  EXPECT_EQ(text(1), "UKR");
  EXPECT_EQ(text(2), "Kharkiv Oblast");
  EXPECT_NEAR(sqlite3_column_double(stmt, 3), 49.98, 0.01);
  EXPECT_EQ(text(4), "city");
  EXPECT_EQ(text(5), "sentence");
  EXPECT_EQ(sqlite3_column_int(stmt, 6), 48);
  EXPECT_EQ(sqlite3_column_int(stmt, 7), 55);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_type(stmt, 0), SQLITE_NULL);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

}  // namespace
}  // namespace dragoman
