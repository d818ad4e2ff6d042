// dragoman compile [DICTIONARY FLAGS] [--sample TEXT|DATE]... [--samples FILE] --output OUT.bundle
//
// Reads a dictionary set (the given files, or the built-in set when none is given) and the CAMEO
// table, codes the sample sentences with it, and writes everything into one bundle file
// (include/dragoman/bundle.h, docs/bundle.md) that `dragoman code --bundle` loads. The written
// bundle is then loaded back and self-checked, so a bundle that compile accepted always loads.
// Exit status: 0 written, 2 usage errors, unusable dictionaries or samples, or a write error.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "dragoman/builtin.h"
#include "dragoman/bundle.h"
#include "dragoman/coder.h"
#include "flags.h"

namespace dragoman::cli {
namespace {

constexpr char kUsage[] =
    "usage: dragoman compile [--verbs F] [--actors F]... [--agents F] [--discards F] [--issues F]\n"
    "                        [--sample 'TEXT|YYYY-MM-DD']... [--samples FILE.jsonl] --output OUT\n";

constexpr char kHelpText[] =
    "Compiles a dictionary set into one bundle file for 'dragoman code --bundle OUT'. With any of\n"
    "--verbs, --actors, --agents, --discards, --issues, --ontology exactly those dictionaries are\n"
    "compiled; with none, the built-in set. The bundle records the files it was built from (size\n"
    "and FNV-1a hash) and sample sentences with the events this dragoman codes from them; loading\n"
    "the bundle codes them again and refuses the bundle if the events differ. Without --sample or\n"
    "--samples a few built-in sentences are used. The same inputs give a byte-identical bundle\n"
    "(--created adds a text of your choice, e.g. a date). Details: docs/bundle.md.\n\n";

struct CompileFlags {
  std::string verbs, agents, discards, issues, ontology, cameo, output, created;
  std::vector<std::string> actors;
  std::vector<std::string> sample_args;
  std::vector<std::string> sample_files;
  bool quiet = false;
  bool help = false;
};

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError(path + ": read error");
  return Status::Ok();
}

// "TEXT|YYYY-MM-DD" or "TEXT" (undated: the text's dateline, if any).
Status ParseSampleArg(const std::string& arg, std::string* text, Day* date) {
  *text = arg;
  *date = kNoDay;
  size_t bar = arg.rfind('|');
  if (bar == std::string::npos) return Status::Ok();
  Result<Day> d = ParseIsoDay(arg.substr(bar + 1));
  if (!d.ok()) return Status::InvalidArgument("--sample '" + arg + "': " + d.status().message());
  *text = arg.substr(0, bar);
  *date = d.value();
  return Status::Ok();
}

// JSON Lines: {"text": "...", "date": "YYYY-MM-DD"} per line; "date" may be absent.
Status ReadSampleFile(const std::string& path, std::vector<std::pair<std::string, Day>>* out) {
  std::string content;
  if (Status s = ReadFile(path, &content); !s.ok()) return s;
  size_t pos = 0, line_no = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(line_no) + ": ";
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
      return Status::InvalidArgument(where + "expected {\"text\": ..., \"date\": \"YYYY-MM-DD\"}");
    Day date = kNoDay;
    if (j.contains("date") && !j["date"].is_null()) {
      if (!j["date"].is_string()) return Status::InvalidArgument(where + "\"date\" is not a string");
      Result<Day> d = ParseIsoDay(j["date"].get<std::string>());
      if (!d.ok()) return Status::InvalidArgument(where + d.status().message());
      date = d.value();
    }
    out->emplace_back(j["text"].get<std::string>(), date);
  }
  return Status::Ok();
}

int Fail(const Status& s) {
  std::fprintf(stderr, "dragoman compile: %s\n", s.ToString().c_str());
  return 2;
}

}  // namespace

int RunCompile(int argc, char** argv) {
  CompileFlags f;
  auto set_string = [](std::string* target) {
    return [target](std::string_view v, std::string*) {
      *target = std::string(v);
      return true;
    };
  };
  auto add_string = [](std::vector<std::string>* target) {
    return [target](std::string_view v, std::string*) {
      target->emplace_back(v);
      return true;
    };
  };
  auto set_true = [](bool* target) {
    return [target](std::string_view, std::string*) { return *target = true; };
  };
  const std::vector<Flag> table = {
      {"--verbs", "FILE", "verb dictionary (TABARI, PETRARCH-1 or PETRARCH-2 format)", set_string(&f.verbs)},
      {"--actors", "FILE", "actor dictionary; repeat for several files", add_string(&f.actors)},
      {"--agents", "FILE", "agent dictionary", set_string(&f.agents)},
      {"--discards", "FILE", "discard dictionary", set_string(&f.discards)},
      {"--issues", "FILE", "issue dictionary", set_string(&f.issues)},
      {"--ontology", "FILE", "PETRARCH-2 coding ontology (negation of codes)", set_string(&f.ontology)},
      {"--cameo", "FILE", "CAMEO reference table (default: the built-in data/cameo.tsv)",
       set_string(&f.cameo)},
      {"--sample", "TEXT|YYYY-MM-DD", "a self-check sample (repeatable; the date may be left out)",
       add_string(&f.sample_args)},
      {"--samples", "FILE", "self-check samples as JSON Lines {\"text\", \"date\"} (repeatable)",
       add_string(&f.sample_files)},
      {"--created", "TEXT", "a note for the provenance, e.g. a date (default: none)",
       set_string(&f.created)},
      {"--output", "FILE", "the bundle to write (also -o FILE)", set_string(&f.output)},
      {"--quiet", nullptr, "no summary on standard error", set_true(&f.quiet)},
      {"--help", nullptr, "show this help", set_true(&f.help)},
  };
  std::vector<std::string> positional;
  std::string error;
  bool parsed = ParseFlags(table, argc, argv, 1, &positional, &error);
  // "-o FILE": the flag parser only knows "--" flags, so it arrives as two positional words.
  if (parsed) {
    for (size_t i = 0; i < positional.size(); ++i) {
      if (positional[i] == "-o" && i + 1 < positional.size()) {
        f.output = positional[i + 1];
        ++i;
      } else {
        error = "unexpected argument '" + positional[i] + "'";
        parsed = false;
        break;
      }
    }
  }
  if (!parsed) {
    std::fprintf(stderr, "dragoman compile: %s\n\n%s%s", error.c_str(), kUsage,
                 FlagHelp(table).c_str());
    return 2;
  }
  if (f.help) {
    std::printf("%s\n%s%s", kUsage, kHelpText, FlagHelp(table).c_str());
    return 0;
  }
  if (f.output.empty()) {
    std::fprintf(stderr, "dragoman compile: --output FILE is required\n\n%s", kUsage);
    return 2;
  }

  // Dictionaries: exactly the given ones, or the built-in set (as `dragoman code` chooses).
  DictionarySet dict;
  const bool user = !f.verbs.empty() || !f.actors.empty() || !f.agents.empty() ||
                    !f.discards.empty() || !f.issues.empty() || !f.ontology.empty();
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
    load(f.ontology, DictionaryKind::kOntology);
  } else {
    status = LoadBuiltinDictionaries(&dict);
  }
  if (!status.ok()) return Fail(status);
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

  // Provenance: every source file's size and hash, and the names output records will give.
  BundleProvenance provenance;
  provenance.created = f.created;
  std::string cameo_path = f.cameo.empty() ? DataDirectory() + "/cameo.tsv" : f.cameo;
  std::vector<std::string> sources = dict.files;
  sources.push_back(cameo_path);
  std::string cameo_text;
  for (const std::string& path : sources) {
    std::string bytes;
    if (Status s = ReadFile(path, &bytes); !s.ok()) return Fail(s);
    provenance.sources.push_back(BundleSource{path, bytes.size(), Fnv1a64(bytes)});
    if (&path == &sources.back()) cameo_text = std::move(bytes);
  }
  for (const std::string& file : dict.files) {
    if (!provenance.dictionaries.empty()) provenance.dictionaries += ",";
    provenance.dictionaries += user ? file : "builtin:" + file.substr(file.find_last_of('/') + 1);
  }
  Result<CameoTable> cameo = CameoTable::Parse(cameo_text, cameo_path);
  if (!cameo.ok()) return Fail(cameo.status());

  // Samples, coded now with the options the self-check uses.
  std::vector<std::pair<std::string, Day>> texts;
  for (const std::string& arg : f.sample_args) {
    std::string text;
    Day date;
    if (Status s = ParseSampleArg(arg, &text, &date); !s.ok()) return Fail(s);
    texts.emplace_back(std::move(text), date);
  }
  for (const std::string& path : f.sample_files)
    if (Status s = ReadSampleFile(path, &texts); !s.ok()) return Fail(s);
  if (f.sample_args.empty() && f.sample_files.empty()) {
    for (const BuiltinSampleText& s : DefaultBundleSamples())
      texts.emplace_back(s.text, ParseIsoDay(s.date).value());
  }
  Result<std::unique_ptr<Coder>> coder =
      Coder::Create(dict, std::move(cameo).value(), BundleSampleOptions());
  if (!coder.ok()) return Fail(coder.status());
  std::vector<BundleSample> samples;
  size_t events = 0;
  for (auto& [text, date] : texts) {
    samples.push_back(CodeSample(*coder.value(), std::move(text), date));
    events += samples.back().expected.size();
  }

  if (Status s = WriteBundle(dict, cameo_text, samples, provenance, f.output); !s.ok())
    return Fail(s);
  // Load it back: a bundle that compile accepted must load and pass its own self-check.
  Result<LoadedBundle> loaded = LoadBundle(f.output);
  if (!loaded.ok()) return Fail(loaded.status());
  if (Result<std::unique_ptr<Coder>> check = CreateBundleCoder(std::move(loaded).value());
      !check.ok())
    return Fail(check.status());

  if (!f.quiet) {
    std::ifstream written(f.output, std::ios::binary | std::ios::ate);
    std::fprintf(stderr,
                 "dragoman compile: wrote %s (%lld bytes): %zu files, %zu actor phrases, %zu "
                 "agent phrases, %zu verb forms, %zu samples with %zu events\n",
                 f.output.c_str(), static_cast<long long>(written.tellg()), dict.files.size(),
                 dict.actor_phrases.size(), dict.agent_phrases.size(), dict.verb_forms.size(),
                 samples.size(), events);
    if (events == 0)
      std::fprintf(stderr, "dragoman compile: warning: the samples give no events, so the "
                           "self-check can only notice new events; give --sample sentences these "
                           "dictionaries code\n");
  }
  return 0;
}

}  // namespace dragoman::cli
