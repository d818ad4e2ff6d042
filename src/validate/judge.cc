// Judging validation records and formatting the report (rules in docs/validate.md).
//
// Both families match expected and coded events one to one on exact (source, target, code)
// strings, ignoring order. The UD-PETRARCH family (validation.py) first drops events with a null
// "---" source or target on both sides and duplicate coded triples (PETRARCH-2 keeps one event per
// triple and sentence); PETRARCH-1 compares the multisets as they are. Counting follows
// validation.py for both, so the tables of the two families read the same way.
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "dragoman/validate.h"

namespace dragoman {
namespace {

bool IsNullEvent(const SuiteEvent& e) { return e.source == "---" || e.target == "---"; }

std::string Triple(const SuiteEvent& e) { return e.source + " " + e.target + " " + e.code; }

double Percent(int num, int den) { return den == 0 ? 0.0 : 100.0 * num / den; }

void Add(CategoryStats* into, const RecordVerdict& v) {
  if (!v.judged) {
    ++into->skipped;
    return;
  }
  ++into->records;
  if (v.passed) ++into->passed;
  into->correct += v.correct;
  into->uncoded += v.uncoded;
  into->extra += v.extra;
}

std::string Format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string Format(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return "";
  if (static_cast<size_t>(n) < sizeof buf) return std::string(buf, n);
  std::string out(static_cast<size_t>(n) + 1, '\0');
  va_start(ap, fmt);
  std::vsnprintf(out.data(), out.size(), fmt, ap);
  va_end(ap);
  out.resize(n);
  return out;
}

std::string StatsRow(const CategoryStats& c) {
  return Format("%-12s %7d %7d %7d %7.1f%% %7d %7d %7d %6.1f%% %6.1f%% %6.1f%%\n",
                c.category.c_str(), c.records, c.skipped, c.passed, Percent(c.passed, c.records),
                c.correct, c.uncoded, c.extra, c.tp_percent(), c.fn_percent(), c.fp_percent());
}

bool Contains(const std::vector<SuiteEvent>& events, const SuiteEvent& e) {
  for (const SuiteEvent& x : events) {
    if (SameEvent(x, e)) return true;
  }
  return false;
}

}  // namespace

bool SameEvent(const SuiteEvent& a, const SuiteEvent& b) {
  return a.source == b.source && a.target == b.target && a.code == b.code;
}

double CategoryStats::tp_percent() const { return Percent(correct, correct + uncoded); }
double CategoryStats::fn_percent() const { return Percent(uncoded, correct + uncoded); }
double CategoryStats::fp_percent() const { return Percent(extra, records); }

RecordVerdict JudgeRecord(SuiteFormat format, const SuiteRecord& record,
                          const std::vector<SuiteEvent>& coded) {
  std::vector<SuiteEvent> expected;
  std::vector<SuiteEvent> got;
  if (format == SuiteFormat::kUniversalPetrarch) {
    for (const SuiteEvent& e : record.expected) {
      if (!IsNullEvent(e)) expected.push_back(e);
    }
    for (const SuiteEvent& e : coded) {
      if (!IsNullEvent(e) && !Contains(got, e)) got.push_back(e);
    }
  } else {
    expected = record.expected;
    got = coded;
  }
  RecordVerdict v;
  v.judged = true;
  std::vector<bool> used(got.size(), false);
  for (const SuiteEvent& e : expected) {
    bool found = false;
    for (size_t i = 0; i < got.size(); ++i) {
      if (!used[i] && SameEvent(got[i], e)) {
        used[i] = true;
        found = true;
        break;
      }
    }
    if (found) {
      ++v.correct;
    } else {
      v.missing.push_back(e);
    }
  }
  for (size_t i = 0; i < got.size(); ++i) {
    if (!used[i]) v.unexpected.push_back(got[i]);
  }
  v.uncoded = static_cast<int>(v.missing.size());
  v.extra = static_cast<int>(v.unexpected.size());
  // A record that expects nothing (noevents, error=, or only null events) and codes nothing is
  // one correct answer, as validation.py counts "no events" records.
  if (expected.empty() && got.empty()) v.correct = 1;
  v.passed = v.missing.empty() && v.unexpected.empty();
  return v;
}

std::vector<SuiteEvent> SuiteEventsFromDocument(const CodedDocument& document) {
  std::vector<SuiteEvent> out;
  if (document.discarded) return out;
  for (const Event& e : document.events) {
    SuiteEvent s;
    s.source = e.source.code.empty() ? "---" : e.source.code;
    s.target = !e.has_target || e.target.code.empty() ? "---" : e.target.code;
    s.code = e.cameo;
    s.rule = e.rule;
    out.push_back(std::move(s));
  }
  return out;
}

ValidationReport JudgeSuite(const ValidationSuite& suite, const SuiteCodeFunction& code,
                            bool ignore_include) {
  ValidationReport report;
  report.format = suite.format;
  report.total.category = "TOTAL";
  const std::vector<std::string>& include = suite.environment.include;
  std::map<std::string, size_t> index;
  for (const SuiteRecord& record : suite.records) {
    RecordResult result;
    bool judged = record.evaluate;
    if (judged && suite.format == SuiteFormat::kUniversalPetrarch && !ignore_include &&
        !include.empty()) {
      judged = std::find(include.begin(), include.end(), record.category) != include.end();
    }
    if (judged) {
      result.coded = code(record);
      result.verdict = JudgeRecord(suite.format, record, result.coded);
    }
    std::string category = record.category.empty() ? "(none)" : record.category;
    auto [it, inserted] = index.emplace(category, report.categories.size());
    if (inserted) {
      report.categories.emplace_back();
      report.categories.back().category = category;
    }
    Add(&report.categories[it->second], result.verdict);
    Add(&report.total, result.verdict);
    report.results.push_back(std::move(result));
  }
  return report;
}

std::string FormatReport(const ValidationSuite& suite, const ValidationReport& report,
                         bool verbose) {
  std::string out;
  out += Format(
      "suite: %s (%s, %zu records)\n", suite.path.c_str(),
      suite.format == SuiteFormat::kPetrarch1 ? "PETRARCH-1 unit tests" : "UD-PETRARCH validation",
      suite.records.size());
  if (!report.dictionaries.empty()) {
    out += "dictionaries:";
    for (const std::string& d : report.dictionaries) out += " " + d;
    out += "\n";
  }
  out += "\n";
  out += Format("%-12s %7s %7s %7s %8s %7s %7s %7s %7s %7s %7s\n", "category", "records", "skipped",
                "passed", "%passed", "correct", "uncoded", "extra", "TP", "FN", "FP");
  for (const CategoryStats& c : report.categories) out += StatsRow(c);
  out += StatsRow(report.total);

  if (verbose) {
    bool ud = suite.format == SuiteFormat::kUniversalPetrarch;
    for (size_t i = 0; i < suite.records.size() && i < report.results.size(); ++i) {
      const SuiteRecord& r = suite.records[i];
      const RecordResult& res = report.results[i];
      if (!res.verdict.judged || res.verdict.passed) continue;
      out += Format("\nFAILED %s [%s] line %u, %s\n", r.id.c_str(), r.category.c_str(), r.line,
                    FormatDay(r.date).c_str());
      out += "  text: " + r.text + "\n";
      if (!r.options.empty()) {
        out += "  options:";
        for (const SuiteOption& o : r.options) out += " " + o.name + "=" + o.value;
        out += "\n";
      }
      if (r.noevents) out += "  expected: no events\n";
      if (!r.error.empty()) out += "  expected: error=" + r.error + " (no events)\n";
      for (const SuiteEvent& e : r.expected) {
        const char* mark = ud && IsNullEvent(e)               ? "  (ignored: null actor)"
                           : Contains(res.verdict.missing, e) ? "  MISSING"
                                                              : "";
        out += "  expected: " + Triple(e) + mark + "\n";
      }
      if (res.coded.empty()) out += "  coded:    nothing\n";
      for (const SuiteEvent& e : res.coded) {
        const char* mark = ud && IsNullEvent(e)                  ? "  (ignored: null actor)"
                           : Contains(res.verdict.unexpected, e) ? "  EXTRA"
                                                                 : "";
        out += "  coded:    " + Triple(e) + mark;
        if (!e.rule.empty()) out += "  rule: " + e.rule;
        out += "\n";
      }
    }
  }
  out += "\n";
  for (const std::string& w : report.warnings) out += "warning: " + w + "\n";
  out += Format("%d passed, %d failed\n", report.passed(), report.failed());
  return out;
}

}  // namespace dragoman
