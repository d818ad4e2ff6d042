// The tabular formatters: GDELT-style event TSV, Phoenix TSV and CSV, one row per event after a
// header row (columns in docs/formats.md). TSV fields cannot hold tabs or line breaks, so those
// become spaces, as in GDELT's own files; CSV quotes fields per RFC 4180 instead. Invalid UTF-8
// becomes U+FFFD everywhere, as in the JSON formats.
#include <cstdio>
#include <vector>

#include "dragoman/output.h"
#include "output/formatters.h"

namespace dragoman {
namespace {

struct Civil {
  int year = 0, month = 0, day = 0;
  bool known = false;
};
Civil CivilOf(Day d) {
  Civil c;
  if (d == kNoDay) return c;
  CivilFromDay(d, &c.year, &c.month, &c.day);
  c.known = true;
  return c;
}

std::string Digits(int value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, value);
  return buf;
}

// Parts of an actor code: the first three letters ("" for "---"), the next three, the rest.
struct CodeParts {
  std::string_view entity, role, attribute;
};
CodeParts SplitCode(std::string_view code) {
  CodeParts p;
  p.entity = code.substr(0, std::min<size_t>(3, code.size()));
  if (p.entity == "---") p.entity = "";
  if (code.size() > 3) p.role = code.substr(3, 3);
  if (code.size() > 6) p.attribute = code.substr(6);
  return p;
}

// A row being built; Field() takes care of separators and escaping.
class Row {
 public:
  Row(char separator, std::string* out) : separator_(separator), out_(out) {}
  Row& Field(std::string_view value) {
    if (count_++) out_->push_back(separator_);
    if (separator_ == '\t') {
      size_t start = out_->size();
      AppendValidUtf8(value, out_);
      for (size_t i = start; i < out_->size(); ++i) {
        char& c = (*out_)[i];
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      }
    } else if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
      AppendValidUtf8(value, out_);
    } else {  // RFC 4180: enclose in quotes, double the quotes inside
      out_->push_back('"');
      std::string clean;
      AppendValidUtf8(value, &clean);
      for (char c : clean) {
        if (c == '"') out_->push_back('"');
        out_->push_back(c);
      }
      out_->push_back('"');
    }
    return *this;
  }
  Row& Field(uint64_t value) { return Field(std::to_string(value)); }
  void End() { out_->append(separator_ == ',' ? "\r\n" : "\n"); }

 private:
  char separator_;
  std::string* out_;
  int count_ = 0;
};

// Latitude and longitude, empty for a place without coordinates (a country).
void Coordinates(Row& row, const Location& l) {
  if (l.has_coordinates) row.Field(FormatCoordinate(l.lat)).Field(FormatCoordinate(l.lon));
  else row.Field("").Field("");
}

void HeaderRow(char separator, const std::vector<const char*>& names, std::string* out) {
  Row row(separator, out);
  for (const char* n : names) row.Field(n);
  row.End();
}

// ---- GDELT ------------------------------------------------------------------------------------
class GdeltFormatter : public RecordFormatter {
 public:
  void Header(std::string* out) override {
    HeaderRow('\t',
              {"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code",
               "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor1Type2Code",
               "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
               "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code", "IsRootEvent",
               "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
               "SOURCEURL", "MentionIdentifier", "SentenceID", "Actor1CharOffset",
               "Actor2CharOffset", "ActionCharOffset", "ActionGeo_Type", "ActionGeo_FullName",
               "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long"},
              out);
  }

  void Document(const OutputDocument& d, std::string* out) override {
    std::string url = MetaString(d.meta_json, "url");
    uint64_t number = d.first_event_number;
    for (uint32_t i : *d.events) {
      const Event& e = d.coded->events[i];
      Civil c = CivilOf(e.date);
      Row row('\t', out);
      row.Field(number++);
      if (c.known) {
        char fraction[32];
        std::snprintf(fraction, sizeof fraction, "%.4f", c.year + (c.month * 30 + c.day) / 365.0);
        row.Field(Digits(c.year, 4) + Digits(c.month, 2) + Digits(c.day, 2))
            .Field(Digits(c.year, 4) + Digits(c.month, 2))
            .Field(Digits(c.year, 4))
            .Field(fraction);
      } else {
        row.Field("").Field("").Field("").Field("");
      }
      Actor(row, d.document->text, e.source, true);
      Actor(row, d.document->text, e.target, e.has_target);
      std::string_view code = e.cameo;
      row.Field(e.sentence_index == 0 ? "1" : "0")
          .Field(code)
          .Field(code.substr(0, std::min<size_t>(3, code.size())))
          .Field(code.substr(0, std::min<size_t>(2, code.size())));
      if (e.info) row.Field(std::to_string(e.info->quad_class)).Field(FormatScore(e.info->goldstein));
      else row.Field("").Field("");
      row.Field(url)
          .Field(d.document->id)
          .Field(e.sentence_index + 1)
          .Field(e.source.span.start)
          .Field(e.has_target ? std::to_string(e.target.span.start) : std::string())
          .Field(e.verb.start);
      ActionGeo(row, e);
      row.End();
    }
  }

 private:
  // GDELT's ActionGeo columns. Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
  // FullName: "City, State, Country", "State, Country" or "Country". CountryCode is the ISO
  // alpha-3 code the actor columns use, not GDELT's FIPS 10-4 (docs/formats.md).
  static void ActionGeo(Row& row, const Event& e) {
    if (!e.has_location) {
      for (int k = 0; k < 5; ++k) row.Field("");
      return;
    }
    const Location& l = e.location;
    const bool us = l.country == "USA";
    int type = l.kind == "country" ? 1 : l.kind == "admin" ? (us ? 2 : 5) : (us ? 3 : 4);
    std::string full = l.name;
    if (!l.admin1.empty() && l.admin1 != l.name) full += ", " + l.admin1;
    if (!l.country_name.empty() && l.kind != "country") full += ", " + l.country_name;
    row.Field(std::to_string(type)).Field(full).Field(l.country);
    Coordinates(row, l);
  }

  static void Actor(Row& row, std::string_view text, const ActorMention& a, bool present) {
    if (!present) {
      for (int k = 0; k < 6; ++k) row.Field("");
      return;
    }
    std::string_view sector = a.sector;
    auto chunk = [&](size_t k) {
      return sector.size() > 3 * k ? sector.substr(3 * k, 3) : std::string_view();
    };
    row.Field(a.code).Field(SpanText(text, a.span)).Field(a.country);
    row.Field(chunk(0)).Field(chunk(1)).Field(chunk(2));
  }
};

// ---- Phoenix ----------------------------------------------------------------------------------
// The Phoenix pipeline's quad classes by CAMEO root (phoenix_pipeline postprocess.py): 0 neutral
// (roots 01, 02), 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict. Note 09, 16 → 3 and 14 → 4, unlike the GDELT convention.
int PhoenixQuad(std::string_view code) {
  static constexpr int kByRoot[21] = {-1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3,
                                      3,  3, 3, 4, 4, 3, 4, 4, 4, 4};
  if (code.size() < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9') return -1;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 1 && root <= 20 ? kByRoot[root] : -1;
}

// Phoenix's Lat, Lon, LocationName, StateName, CountryCode.
void Place(Row& row, const Event& e) {
  if (!e.has_location) {
    for (int k = 0; k < 5; ++k) row.Field("");
    return;
  }
  const Location& l = e.location;
  Coordinates(row, l);
  row.Field(l.name).Field(l.admin1).Field(l.country);
}

class PhoenixFormatter : public RecordFormatter {
 public:
  void Header(std::string* out) override {
    HeaderRow('\t',
              {"EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
               "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
               "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode",
               "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName",
               "CountryCode", "SentenceID", "URLs", "NewsSources"},
              out);
  }

  void Document(const OutputDocument& d, std::string* out) override {
    std::string url = MetaString(d.meta_json, "url");
    std::string source = MetaString(d.meta_json, "source");
    if (source.empty()) source = MetaString(d.meta_json, "publication");
    uint64_t number = d.first_event_number;
    for (uint32_t i : *d.events) {
      const Event& e = d.coded->events[i];
      Civil c = CivilOf(e.date);
      Row row('\t', out);
      row.Field(number++);
      if (c.known) {
        row.Field(Digits(c.year, 4) + Digits(c.month, 2) + Digits(c.day, 2))
            .Field(std::to_string(c.year))
            .Field(std::to_string(c.month))
            .Field(std::to_string(c.day));
      } else {
        row.Field("").Field("").Field("").Field("");
      }
      for (int k = 0; k < 2; ++k) {
        bool present = k == 0 || e.has_target;
        std::string_view code = !present ? std::string_view() : k == 0 ? e.source.code : e.target.code;
        CodeParts p = SplitCode(code);
        row.Field(code).Field(p.entity).Field(p.role).Field(p.attribute);
      }
      std::string_view code = e.cameo;
      int quad = PhoenixQuad(code);
      row.Field(code)
          .Field(code.substr(0, std::min<size_t>(2, code.size())))
          .Field(quad < 0 ? std::string() : std::to_string(quad))
          .Field(e.info ? FormatScore(e.info->goldstein) : std::string())
          .Field("");  // Issues
      Place(row, e);
      row.Field(d.document->id + "_" + std::to_string(e.sentence_index + 1))
          .Field(url)
          .Field(source);
      row.End();
    }
  }
};

// ---- CSV --------------------------------------------------------------------------------------
class CsvFormatter : public RecordFormatter {
 public:
  void Header(std::string* out) override {
    HeaderRow(',',
              {"event_id", "doc_id", "date", "sentence_index", "sentence_start", "sentence_end",
               "source_code", "source_country", "source_sector", "source_text", "source_start",
               "source_end", "source_rule", "target_code", "target_country", "target_sector",
               "target_text", "target_start", "target_end", "target_rule", "cameo", "root_code",
               "quad_class", "goldstein", "plover_event", "plover_mode", "plover_context",
               "verb_text", "verb_start", "verb_end", "negated", "rule", "meta", "location_name",
               "location_country", "location_admin1", "location_lat", "location_lon",
               "location_kind", "location_source", "location_start", "location_end"},
              out);
  }

  void Document(const OutputDocument& d, std::string* out) override {
    std::string_view text = d.document->text;
    uint64_t number = d.first_event_number;
    for (uint32_t i : *d.events) {
      const Event& e = d.coded->events[i];
      Row row(',', out);
      row.Field(number++)
          .Field(d.document->id)
          .Field(FormatDay(e.date))
          .Field(e.sentence_index)
          .Field(e.sentence.start)
          .Field(e.sentence.end);
      Actor(row, text, e.source, true);
      Actor(row, text, e.target, e.has_target);
      std::string_view code = e.cameo;
      row.Field(code).Field(code.substr(0, std::min<size_t>(2, code.size())));
      if (e.info) {
        row.Field(std::to_string(e.info->quad_class))
            .Field(FormatScore(e.info->goldstein))
            .Field(e.info->plover_event)
            .Field(e.info->plover_mode)
            .Field(e.info->plover_context);
      } else {
        row.Field("").Field("").Field("").Field("").Field("");
      }
      row.Field(SpanText(text, e.verb))
          .Field(e.verb.start)
          .Field(e.verb.end)
          .Field(e.negated ? "true" : "false")
          .Field(e.rule)
          .Field(d.meta_json);
      Location(row, e);
      row.End();
    }
  }

 private:
  static void Location(Row& row, const Event& e) {
    if (!e.has_location) {
      for (int k = 0; k < 9; ++k) row.Field("");
      return;
    }
    const dragoman::Location& l = e.location;
    row.Field(l.name).Field(l.country).Field(l.admin1);
    Coordinates(row, l);
    row.Field(l.kind)
        .Field(l.from_dateline ? "dateline" : "sentence")
        .Field(l.span.start)
        .Field(l.span.end);
  }

  static void Actor(Row& row, std::string_view text, const ActorMention& a, bool present) {
    if (!present) {
      for (int k = 0; k < 7; ++k) row.Field("");
      return;
    }
    row.Field(a.code)
        .Field(a.country)
        .Field(a.sector)
        .Field(SpanText(text, a.span))
        .Field(a.span.start)
        .Field(a.span.end)
        .Field(a.rule);
  }
};

}  // namespace

std::unique_ptr<RecordFormatter> CreateTableFormatter(const OutputOptions& options) {
  switch (options.format) {
    case OutputFormat::kGdelt: return std::make_unique<GdeltFormatter>();
    case OutputFormat::kPhoenix: return std::make_unique<PhoenixFormatter>();
    case OutputFormat::kCsv: return std::make_unique<CsvFormatter>();
    default: return nullptr;
  }
}

}  // namespace dragoman
