// dragoman code [OPTIONS] [FILE...]: codes plain-text articles and JSON Lines records into events.
//
// A FILE ending in .jsonl (or "-" for standard input) holds one document a line:
// {"id": "...", "date": "YYYY-MM-DD", "text": "..."}; any other FILE is one plain-text article.
// A document that cannot be read becomes an "error" record naming file and line, and the rest go
// on; the exit status is then 1. Usage errors and unusable dictionaries exit with 2.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "dragoman/builtin.h"
#include "dragoman/coder.h"
#include "dragoman/output.h"
#include "flags.h"

namespace dragoman::cli {
namespace {

struct CodeFlags {
  Day date = kNoDay;
  std::string verbs, agents, discards, issues;
  std::vector<std::string> actors;
  std::string config;
  std::vector<std::pair<std::string, std::string>> sets;
  bool emit_all = false;
  bool help = false;
};

// Writes to standard output; remembers a closed pipe so the run can stop quietly.
class Output {
 public:
  bool Write(const std::string& s) {
    if (broken_) return false;
    if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) {
      broken_ = true;
      return false;
    }
    return true;
  }
  bool Flush() {
    if (!broken_ && std::fflush(stdout) != 0) broken_ = true;
    return !broken_;
  }
  bool broken() const { return broken_; }

 private:
  bool broken_ = false;
};

class Runner {
 public:
  Runner(const Coder& coder, const CodeFlags& flags, std::string dictionaries, Output* out)
      : coder_(coder), flags_(flags), dictionaries_(std::move(dictionaries)), out_(out) {}

  // Codes one document and writes its records.
  void CodeDocument(const Document& doc, std::string_view meta_json) {
    CodedDocument coded = coder_.Code(doc);
    RecordContext ctx{doc.id, doc.text, meta_json};
    std::string buf;
    if (flags_.emit_all) AppendDocumentRecord(ctx, coded, dictionaries_, &buf);
    for (const Event& e : coded.events) AppendEventRecord(ctx, e, &buf);
    if (flags_.emit_all) {
      for (const Entity& e : coded.entities) AppendEntityRecord(ctx, e, &buf);
      for (const Quote& q : coded.quotes) AppendQuoteRecord(ctx, q, &buf);
      for (const CoderWarning& w : coded.warnings) AppendWarningRecord(ctx, w, &buf);
    }
    out_->Write(buf);
  }

  void Error(const std::string& file, size_t line, const std::string& message) {
    ++errors_;
    std::string buf;
    AppendErrorRecord(file, line, message, &buf);
    out_->Write(buf);
    std::fprintf(stderr, "dragoman: %s:%zu: %s\n", file.c_str(), line, message.c_str());
  }

  void CodeTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Error(path, 0, std::string("cannot open: ") + std::strerror(errno));
      return;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    Document doc;
    size_t slash = path.find_last_of('/');
    doc.id = slash == std::string::npos ? path : path.substr(slash + 1);
    doc.text = ss.str();
    doc.date = flags_.date;
    CodeDocument(doc, "");
  }

  void CodeJsonLines(std::istream& in, const std::string& name) {
    std::string line;
    size_t number = 0;
    while (!out_->broken() && std::getline(in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) {
        Error(name, number, "not a JSON object");
        continue;
      }
      auto text = j.find("text");
      if (text == j.end() || !text->is_string()) {
        Error(name, number, "no \"text\" string");
        continue;
      }
      Document doc;
      doc.text = text->get<std::string>();
      if (auto id = j.find("id"); id != j.end() && id->is_string()) doc.id = id->get<std::string>();
      else if (id != j.end() && id->is_number()) doc.id = id->dump();
      else doc.id = name + ":" + std::to_string(number);
      doc.date = flags_.date;
      if (auto d = j.find("date"); d != j.end() && d->is_string()) {
        Result<Day> day = ParseIsoDay(d->get<std::string>());
        if (!day.ok()) {
          Error(name, number, "bad \"date\": " + day.status().message());
          continue;
        }
        doc.date = day.value();
      }
      nlohmann::json meta = nlohmann::json::object();
      for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "id" && it.key() != "date" && it.key() != "text") meta[it.key()] = it.value();
      std::string meta_json =
          meta.empty() ? std::string() : meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      CodeDocument(doc, meta_json);
    }
  }

  size_t errors() const { return errors_; }

 private:
  const Coder& coder_;
  const CodeFlags& flags_;
  std::string dictionaries_;
  Output* out_;
  size_t errors_ = 0;
};

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int RunCode(int argc, char** argv) {
  CodeFlags f;
  auto set_string = [](std::string* target) {
    return [target](std::string_view v, std::string*) {
      *target = std::string(v);
      return true;
    };
  };
  const std::vector<Flag> table = {
      {"--date", "YYYY-MM-DD", "date of plain-text articles (default: their dateline)",
       [&](std::string_view v, std::string* err) {
         Result<Day> d = ParseIsoDay(v);
         if (!d.ok()) *err = "--date: " + d.status().message();
         else f.date = d.value();
         return d.ok();
       }},
      {"--verbs", "FILE", "verb dictionary (TABARI, PETRARCH-1 or PETRARCH-2 format)", set_string(&f.verbs)},
      {"--actors", "FILE", "actor dictionary; repeat for several files",
       [&](std::string_view v, std::string*) {
         f.actors.emplace_back(v);
         return true;
       }},
      {"--agents", "FILE", "agent dictionary", set_string(&f.agents)},
      {"--discards", "FILE", "discard dictionary", set_string(&f.discards)},
      {"--issues", "FILE", "issue dictionary", set_string(&f.issues)},
      {"--config", "FILE", "a PETRARCH config (PETR_config.ini)", set_string(&f.config)},
      {"--set", "NAME=VALUE", "set a PETRARCH option (require_dyad, new_actor_length, comma_*)",
       [&](std::string_view v, std::string* err) {
         size_t eq = v.find('=');
         if (eq == std::string_view::npos) {
           *err = "--set expects NAME=VALUE";
           return false;
         }
         f.sets.emplace_back(std::string(v.substr(0, eq)), std::string(v.substr(eq + 1)));
         return true;
       }},
      {"--emit", "events|all", "what to write: events (default), or also document and warning records",
       [&](std::string_view v, std::string* err) {
         if (v == "events") f.emit_all = false;
         else if (v == "all") f.emit_all = true;
         else *err = "--emit takes events or all";
         return v == "events" || v == "all";
       }},
      {"--help", nullptr, "show this help",
       [&](std::string_view, std::string*) {
         f.help = true;
         return true;
       }},
  };
  std::vector<std::string> files;
  std::string error;
  if (!ParseFlags(table, argc, argv, 1, &files, &error)) {
    std::fprintf(stderr, "dragoman code: %s\n\nusage: dragoman code [OPTIONS] [FILE...]\n%s",
                 error.c_str(), FlagHelp(table).c_str());
    return 2;
  }
  if (f.help) {
    std::printf("usage: dragoman code [OPTIONS] [FILE...]\n\nFILE: article.txt, records.jsonl, "
                "or - for JSON Lines on standard input (the default).\n\n%s",
                FlagHelp(table).c_str());
    return 0;
  }
  if (files.empty()) files.push_back("-");

  // Dictionaries: exactly the given ones, or the built-in set.
  DictionarySet dict;
  std::string names;
  bool user = !f.verbs.empty() || !f.actors.empty() || !f.agents.empty() || !f.discards.empty() ||
              !f.issues.empty();
  Status status;
  if (user) {
    auto load = [&](const std::string& path, DictionaryKind kind) {
      if (path.empty() || !status.ok()) return;
      status = LoadDictionary(path, kind, &dict);
    };
    load(f.verbs, DictionaryKind::kVerbs);
    for (const std::string& a : f.actors) load(a, DictionaryKind::kActors);
    load(f.agents, DictionaryKind::kAgents);
    load(f.discards, DictionaryKind::kDiscards);
    load(f.issues, DictionaryKind::kIssues);
  } else {
    status = LoadBuiltinDictionaries(&dict);
  }
  if (!status.ok()) {
    std::fprintf(stderr, "dragoman code: %s\n", status.ToString().c_str());
    return 2;
  }
  for (const std::string& file : dict.files) {
    if (!names.empty()) names += ",";
    names += user ? file : "builtin:" + file.substr(file.find_last_of('/') + 1);
  }
  Result<CameoTable> cameo = LoadBuiltinCameoTable();
  if (!cameo.ok()) {
    std::fprintf(stderr, "dragoman code: %s\n", cameo.status().ToString().c_str());
    return 2;
  }
  CoderOptions options;
  if (!f.config.empty()) {
    if (Status s = LoadPetrarchConfig(f.config, &options); !s.ok()) {
      std::fprintf(stderr, "dragoman code: %s\n", s.ToString().c_str());
      return 2;
    }
  }
  for (const auto& [name, value] : f.sets) {
    if (Status s = SetCoderOption(&options, name, value); !s.ok()) {
      std::fprintf(stderr, "dragoman code: --set: %s\n", s.message().c_str());
      return 2;
    }
  }
  Result<std::unique_ptr<Coder>> coder =
      Coder::Create(std::move(dict), std::move(cameo).value(), options);
  if (!coder.ok()) {
    std::fprintf(stderr, "dragoman code: %s\n", coder.status().ToString().c_str());
    return 2;
  }

  Output out;
  Runner runner(*coder.value(), f, names, &out);
  for (const std::string& file : files) {
    if (out.broken()) break;
    if (file == "-") {
      runner.CodeJsonLines(std::cin, "<stdin>");
    } else if (EndsWith(file, ".jsonl")) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        runner.Error(file, 0, std::string("cannot open: ") + std::strerror(errno));
        continue;
      }
      runner.CodeJsonLines(in, file);
    } else {
      runner.CodeTextFile(file);
    }
  }
  out.Flush();
  if (out.broken()) return 0;  // the reader went away: not an error
  return runner.errors() ? 1 : 0;
}

}  // namespace dragoman::cli
