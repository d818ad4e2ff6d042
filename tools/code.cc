// dragoman code [OPTIONS] [FILE...]: codes plain-text articles and JSON Lines records into events.
//
// A thin front end: it parses flags, loads the dictionaries, builds the Coder and hands the run to
// pipeline::RunCorpus (src/pipeline/corpus_run.h), which reads files, directories, standard input
// and .gz/.zst input (src/io), codes on --threads cores, and writes --format to standard output
// or --output FILE (src/output/writer.h). A document that cannot be read becomes an "error"
// record naming file and line, and the rest go on; the exit status is then 1. Usage errors,
// unusable dictionaries and output that cannot be written exit with 2; an interrupted run (Ctrl-C)
// with 130 after finishing whole records.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "dragoman/builtin.h"
#include "dragoman/bundle.h"
#include "dragoman/coder.h"
#include "dragoman/gazetteer.h"
#include "flags.h"
#include "pipeline/corpus_run.h"

namespace dragoman::cli {
namespace {

struct CodeFlags {
  Day date = kNoDay;
  std::string verbs, agents, discards, issues;
  std::vector<std::string> actors;
  std::string bundle;
  std::string config;
  std::vector<std::pair<std::string, std::string>> sets;
  bool emit_all = false;
  bool help = false;
  int threads = 0;
  bool quiet = false;
  std::string output;
  bool resume = false;
  OutputFormat format = OutputFormat::kJsonLines;
  pipeline::Dedup dedup = pipeline::Dedup::kStory;
};

// Set by SIGINT/SIGTERM; the run then stops after whole records. The handler is reset after the
// first signal, so a second Ctrl-C ends the process at once.
std::atomic<bool> g_stop{false};
extern "C" void OnStopSignal(int) { g_stop.store(true); }

void InstallStopHandlers() {
  struct sigaction sa = {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART | SA_RESETHAND;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
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
      {"--bundle", "FILE", "dictionaries and CAMEO table from a bundle made by 'dragoman compile' "
       "(instead of --verbs, --actors, ...)", set_string(&f.bundle)},
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
      {"--format", "FORMAT",
       "jsonl (default), plover, gdelt, phoenix, csv, or sqlite (needs --output); docs/formats.md",
       [&](std::string_view v, std::string* err) {
         if (!ParseOutputFormat(v, &f.format)) *err = "--format takes jsonl, plover, gdelt, phoenix, csv or sqlite";
         return err->empty();
       }},
      {"--output", "FILE", "write to FILE instead of standard output (resumable: FILE.progress)",
       set_string(&f.output)},
      {"--resume", nullptr, "continue the interrupted run that wrote --output FILE",
       [&](std::string_view, std::string*) {
         f.resume = true;
         return true;
       }},
      {"--dedup", "none|story|day",
       "keep every event (none), one (source, target, code) per story (story, the default), or "
       "one per day across the run (day)",
       [&](std::string_view v, std::string* err) {
         if (!pipeline::ParseDedup(v, &f.dedup)) *err = "--dedup takes none, story or day";
         return err->empty();
       }},
      {"--threads", "N", "coder threads (default: all cores)",
       [&](std::string_view v, std::string* err) {
         char* end = nullptr;
         std::string s(v);
         long n = std::strtol(s.c_str(), &end, 10);
         if (s.empty() || *end || n < 1 || n > 1024) *err = "--threads takes a number from 1 to 1024";
         else f.threads = static_cast<int>(n);
         return err->empty();
       }},
      {"--quiet", nullptr, "no progress line and no summary on standard error",
       [&](std::string_view, std::string*) {
         f.quiet = true;
         return true;
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
    std::printf("usage: dragoman code [OPTIONS] [FILE...]\n\nFILE: article.txt, records.jsonl, a "
                "directory (every *.txt and *.jsonl below it), any of them .gz or .zst, or - for JSON "
                "Lines on standard input (the default).\n\n%s",
                FlagHelp(table).c_str());
    return 0;
  }
  if (f.resume && f.output.empty()) {
    std::fprintf(stderr, "dragoman code: --resume needs --output FILE\n");
    return 2;
  }
  if (f.format == OutputFormat::kSqlite && f.output.empty()) {
    std::fprintf(stderr, "dragoman code: --format sqlite needs --output FILE\n");
    return 2;
  }
  if (files.empty()) files.push_back("-");

  // Dictionaries: a bundle, exactly the given ones, or the built-in set.
  DictionarySet dict;
  std::string names;
  bool user = !f.verbs.empty() || !f.actors.empty() || !f.agents.empty() || !f.discards.empty() ||
              !f.issues.empty();
  if (user && !f.bundle.empty()) {
    std::fprintf(stderr, "dragoman code: --bundle replaces --verbs, --actors, --agents, --discards "
                         "and --issues; give one or the other\n");
    return 2;
  }
  // The gazetteer (event locations, about 10 ms) is read on another core while the dictionaries
  // load; whoever needs it first (the bundle's self-check, the first document) waits for it.
  std::jthread gazetteer([] { Gazetteer::Builtin(); });  // joined on every return
  Result<LoadedBundle> bundle = Status::NotFound("no bundle");
  Status status;
  if (!f.bundle.empty()) {
    bundle = LoadBundle(f.bundle);
    status = bundle.status();
  } else if (user) {
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
  // Oddities in the user's dictionaries (the built-in set is checked by its tests).
  if (user && !f.quiet) {
    constexpr size_t kShown = 10;
    for (size_t i = 0; i < dict.warnings.size() && i < kShown; ++i) {
      const DictionaryWarning& w = dict.warnings[i];
      std::fprintf(stderr, "dragoman: %s:%u: warning: %s\n", w.file.c_str(), w.line,
                   w.message.c_str());
    }
    if (dict.warnings.size() > kShown)
      std::fprintf(stderr, "dragoman: %zu more dictionary warnings\n", dict.warnings.size() - kShown);
  }
  for (const std::string& file : dict.files) {
    if (!names.empty()) names += ",";
    names += user ? file : "builtin:" + file.substr(file.find_last_of('/') + 1);
  }
  if (bundle.ok()) names = bundle->provenance.dictionaries;
  Result<CameoTable> cameo = bundle.ok() ? CameoTable() : LoadBuiltinCameoTable();
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
  // Entity records and text warnings are only written by --emit all.
  options.article_records = f.emit_all;
  // A bundle checks itself as its Coder is built (bundle.h).
  Result<std::unique_ptr<Coder>> coder =
      bundle.ok() ? CreateBundleCoder(std::move(bundle).value(), options)
                  : Coder::Create(std::move(dict), std::move(cameo).value(), options);
  if (!coder.ok()) {
    std::fprintf(stderr, "dragoman code: %s\n", coder.status().ToString().c_str());
    return 2;
  }

  pipeline::CorpusRunOptions run;
  run.inputs = files;
  run.date = f.date;
  run.output.format = f.format;
  run.output.path = f.output;
  run.output.emit_all = f.emit_all;
  run.output.dictionaries = names;
  run.dedup = f.dedup;
  run.resume = f.resume;
  run.threads = f.threads;
  run.progress = !f.quiet;
  run.summary = !f.quiet;
  run.stop = &g_stop;
  // Options that change the coding are part of what a resumed run must match.
  run.identity = "config=" + f.config;
  for (const auto& [name, value] : f.sets) run.identity += "\nset=" + name + "=" + value;
  InstallStopHandlers();
  Result<pipeline::CorpusRunResult> result = pipeline::RunCorpus(*coder.value(), run);
  // The process ends next: freeing the coder's dictionaries and tables one by one costs more than
  // loading a bundle takes to check itself (about 12 M instructions), and the system takes the
  // memory back anyway. (Kept reachable from a static, so leak checkers do not report it.)
  static Coder* const kept_until_exit = coder.value().release();
  static_cast<void>(kept_until_exit);
  if (!result.ok()) {
    std::fprintf(stderr, "dragoman code: %s\n", result.status().ToString().c_str());
    return 2;
  }
  switch (result->end) {
    case pipeline::CorpusRunResult::End::kBrokenPipe: return 0;  // the reader went away
    case pipeline::CorpusRunResult::End::kInterrupted: return 130;
    case pipeline::CorpusRunResult::End::kComplete: break;
  }
  return result->totals.errors ? 1 : 0;
}

}  // namespace dragoman::cli
