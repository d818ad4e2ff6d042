// JSON Lines records: see include/dragoman/output.h and docs/output.md for every field.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "dragoman/output.h"
#include "text/swar.h"

namespace dragoman {
namespace {

// Length of a valid UTF-8 sequence at s[i], or 0.
size_t Utf8Length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n;
  uint32_t cp;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return n;
}

// `key` (such as ",\"start\":") and then an unsigned number, with no temporary strings.
void AppendKeyNumber(std::string_view key, uint64_t v, std::string* out) {
  out->append(key);
  char buf[24];
  out->append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// ",\"start\":S,\"end\":E" for a span.
void AppendStartEnd(Span span, std::string* out) {
  AppendKeyNumber(",\"start\":", span.start, out);
  AppendKeyNumber(",\"end\":", span.end, out);
}

void AppendSpanText(std::string_view text, Span span, std::string* out) {
  if (span.end > text.size() || span.start > span.end) {
    out->append("\"\"");
    return;
  }
  AppendJsonString(text.substr(span.start, span.end - span.start), out);
}

void AppendActor(const RecordContext& ctx, const ActorMention& a, std::string* out) {
  out->append("{\"code\":");
  AppendJsonString(a.code, out);
  out->append(",\"country\":");
  AppendJsonString(a.country, out);
  out->append(",\"sector\":");
  AppendJsonString(a.sector, out);
  out->append(",\"text\":");
  AppendSpanText(ctx.text, a.span, out);
  AppendStartEnd(a.span, out);
  out->append(",\"rule\":");
  AppendJsonString(a.rule, out);
  out->push_back('}');
}

// {"name", "country", "country_name", "admin1", "lat", "lon", "kind", "source", "text", "start",
// "end"} or null (docs/output.md, "location").
void AppendLocation(const RecordContext& ctx, const Event& e, std::string* out) {
  if (!e.has_location) {
    out->append("null");
    return;
  }
  const Location& l = e.location;
  out->append("{\"name\":");
  AppendJsonString(l.name, out);
  AppendJsonMember("country", l.country, out);
  AppendJsonMember("country_name", l.country_name, out);
  AppendJsonMember("admin1", l.admin1, out);
  AppendJsonCoordinates(l, out);
  AppendJsonMember("kind", l.kind, out);
  AppendJsonMember("source", l.from_dateline ? "dateline" : "sentence", out);
  out->append(",\"text\":");
  AppendSpanText(ctx.text, l.span, out);
  out->append(",\"start\":" + std::to_string(l.span.start) +
              ",\"end\":" + std::to_string(l.span.end));
  out->push_back('}');
}

void AppendHead(const RecordContext& ctx, std::string_view type, std::string* out) {
  out->append("{\"type\":");
  AppendJsonString(type, out);
  out->append(",\"doc_id\":");
  AppendJsonString(ctx.doc_id, out);
}

void AppendTail(const RecordContext& ctx, std::string* out) {
  if (!ctx.meta_json.empty()) {
    out->append(",\"meta\":");
    out->append(ctx.meta_json);
  }
  out->append("}\n");
}

}  // namespace

void AppendJsonNumber(double v, std::string* out) {
  // Goldstein scores and the like have one decimal: written without printf, as %g writes them.
  const double tenths = std::round(v * 10);
  if (std::fabs(v * 10 - tenths) < 1e-9 && std::fabs(tenths) < 1e6 &&
      !(tenths == 0 && std::signbit(v))) {  // %g writes -0 as "-0"
    long long n = static_cast<long long>(tenths);
    if (n < 0) {
      out->push_back('-');
      n = -n;
    }
    char buf[24];
    out->append(buf, std::to_chars(buf, buf + sizeof buf, n / 10).ptr);
    if (n % 10 != 0) {
      out->push_back('.');
      out->push_back(static_cast<char>('0' + n % 10));
    }
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  out->append(buf);
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    // A run of plain printable ASCII is copied whole; eight bytes a time while it lasts.
    size_t run = i;
    while (run + 8 <= s.size()) {
      const uint64_t v = text_internal::Load8(s.data() + run);
      if ((v & text_internal::kSwarHigh) != 0 || text_internal::SwarHasByte(v, '"') ||
          text_internal::SwarHasByte(v, '\\') || text_internal::SwarHasByteBelow(v, 0x20)) {
        break;
      }
      run += 8;
    }
    while (run < s.size()) {
      unsigned char b = static_cast<unsigned char>(s[run]);
      if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
      ++run;
    }
    if (run > i) {
      out->append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8Length(s, i);
      if (n == 0) {
        out->append("\xEF\xBF\xBD");  // U+FFFD
        ++i;
      } else {
        out->append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

void AppendEventRecord(const RecordContext& ctx, const Event& e, std::string* out) {
  AppendHead(ctx, "event", out);
  out->append(",\"date\":");
  AppendJsonString(FormatDay(e.date), out);
  AppendKeyNumber(",\"sentence\":{\"index\":", e.sentence_index, out);
  AppendStartEnd(e.sentence, out);
  out->push_back('}');
  out->append(",\"source\":");
  AppendActor(ctx, e.source, out);
  out->append(",\"target\":");
  if (e.has_target) AppendActor(ctx, e.target, out);
  else out->append("null");
  out->append(",\"cameo\":");
  AppendJsonString(e.cameo, out);
  if (e.info) {
    out->append(",\"quad_class\":" + std::to_string(e.info->quad_class));
    out->append(",\"goldstein\":");
    AppendJsonNumber(e.info->goldstein, out);
    out->append(",\"plover\":{\"event\":");
    AppendJsonString(e.info->plover_event, out);
    out->append(",\"mode\":");
    AppendJsonString(e.info->plover_mode, out);
    out->append(",\"context\":");
    AppendJsonString(e.info->plover_context, out);
    out->append("}");
  } else {
    out->append(",\"quad_class\":null,\"goldstein\":null,\"plover\":null");
  }
  out->append(",\"verb\":{\"text\":");
  AppendSpanText(ctx.text, e.verb, out);
  AppendStartEnd(e.verb, out);
  out->push_back('}');
  out->append(",\"negated\":");
  out->append(e.negated ? "true" : "false");
  out->append(",\"modality\":");
  AppendJsonString(e.modality, out);
  out->append(",\"rule\":");
  AppendJsonString(e.rule, out);
  out->append(",\"location\":");
  AppendLocation(ctx, e, out);
  AppendTail(ctx, out);
}

namespace {
// Four decimals, as printf's "%.4f" writes them (both round the exact binary value to nearest,
// ties to even), without printf's cost.
char* WriteCoordinate(double degrees, char* buf, char* end) {
  return std::to_chars(buf, end, degrees, std::chars_format::fixed, 4).ptr;
}
}  // namespace

std::string FormatCoordinate(double degrees) {
  char buf[400];  // room for any double in fixed notation
  return std::string(buf, WriteCoordinate(degrees, buf, buf + sizeof buf));
}

void AppendJsonMember(std::string_view name, std::string_view value, std::string* out) {
  out->push_back(',');
  AppendJsonString(name, out);
  out->push_back(':');
  AppendJsonString(value, out);
}

void AppendJsonCoordinates(const Location& l, std::string* out) {
  if (!l.has_coordinates) {
    out->append(",\"lat\":null,\"lon\":null");
    return;
  }
  char buf[400];
  out->append(",\"lat\":");
  out->append(buf, WriteCoordinate(l.lat, buf, buf + sizeof buf));
  out->append(",\"lon\":");
  out->append(buf, WriteCoordinate(l.lon, buf, buf + sizeof buf));
}

void AppendDocumentRecord(const RecordContext& ctx, const CodedDocument& doc,
                          std::string_view dictionaries, std::string* out) {
  AppendHead(ctx, "document", out);
  out->append(",\"date\":");
  AppendJsonString(FormatDay(doc.date), out);
  out->append(",\"sentences\":" + std::to_string(doc.sentences.size()) +
              ",\"events\":" + std::to_string(doc.events.size()) + ",\"discarded\":");
  out->append(doc.discarded ? "true" : "false");
  out->append(",\"dictionaries\":");
  AppendJsonString(dictionaries, out);
  out->append(",\"schema\":" + std::to_string(kOutputSchemaVersion));
  AppendTail(ctx, out);
}

void AppendEntityRecord(const RecordContext& ctx, const Entity& entity, std::string* out) {
  AppendHead(ctx, "entity", out);
  out->append(",\"name\":");
  AppendJsonString(entity.name, out);
  out->append(",\"code\":");
  AppendJsonString(entity.code, out);
  out->append(",\"variant_spelling\":");
  out->append(entity.variant_spelling ? "true" : "false");
  out->append(",\"mentions\":[");
  for (size_t i = 0; i < entity.mentions.size(); ++i) {
    if (i) out->push_back(',');
    out->append("{\"text\":");
    AppendSpanText(ctx.text, entity.mentions[i], out);
    AppendStartEnd(entity.mentions[i], out);
    out->push_back('}');
  }
  out->push_back(']');
  AppendTail(ctx, out);
}

void AppendQuoteRecord(const RecordContext& ctx, const Quote& q, std::string* out) {
  AppendHead(ctx, "quote", out);
  out->append(",\"text\":");
  AppendSpanText(ctx.text, q.span, out);
  AppendStartEnd(q.span, out);
  out->append(",\"speaker\":");
  if (q.speaker.end > q.speaker.start) {
    out->append("{\"name\":");
    AppendJsonString(q.speaker_name, out);
    out->append(",\"text\":");
    AppendSpanText(ctx.text, q.speaker, out);
    out->append(",\"code\":");
    AppendJsonString(q.speaker_code, out);
    AppendStartEnd(q.speaker, out);
    out->push_back('}');
  } else {
    out->append("null");
  }
  AppendTail(ctx, out);
}

void AppendWarningRecord(const RecordContext& ctx, const CoderWarning& w, std::string* out) {
  AppendHead(ctx, "warning", out);
  out->append(",\"kind\":");
  AppendJsonString(w.kind, out);
  out->append(",\"message\":");
  AppendJsonString(w.message, out);
  AppendStartEnd(w.span, out);
  AppendTail(ctx, out);
}

void AppendErrorRecord(std::string_view file, size_t line, std::string_view message,
                       std::string* out) {
  out->append("{\"type\":\"error\",\"file\":");
  AppendJsonString(file, out);
  out->append(",\"line\":" + std::to_string(line) + ",\"message\":");
  AppendJsonString(message, out);
  out->append("}\n");
}

}  // namespace dragoman
