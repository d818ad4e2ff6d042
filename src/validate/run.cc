// Running a validation suite: find and load its dictionaries, build Coders for the options each
// record is coded under, code every judged record and judge it (JudgeSuite, judge.cc).
//
// Dictionaries are loaded once. A <Config> element mid-file changes the options of the records
// after it; since a Coder is immutable, a new one is compiled from a copy of the loaded
// DictionarySet whenever the options list differs from the previous record's. The PETRARCH-1
// suite switches about a dozen times, which costs a few compilations of small dictionaries.
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dragoman/validate.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;

bool SameOptions(const std::vector<SuiteOption>& a, const std::vector<SuiteOption>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].value != b[i].value || a[i].line != b[i].line) return false;
  }
  return true;
}

bool IsFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

class Resolver {
 public:
  Resolver(const ValidationSuite& suite, const ValidationOptions& options) {
    fs::path suite_dir = fs::path(suite.path).parent_path();
    if (suite_dir.empty()) suite_dir = ".";
    dirs_.push_back(suite_dir);
    for (const std::string& d : options.dictionary_dirs) dirs_.emplace_back(d);
    // PETRARCH's own layout: data/text/<suite> beside data/dictionaries/.
    dirs_.push_back(suite_dir / ".." / "dictionaries");
    dirs_.push_back(suite_dir / ".." / ".." / "dictionaries");
  }

  Result<std::string> Find(const std::string& name) const {
    fs::path p(name);
    if (p.is_absolute()) {
      if (IsFile(p)) return name;
      return Status::NotFound("dictionary file " + name + " named by the suite does not exist");
    }
    std::string tried;
    for (const fs::path& dir : dirs_) {
      fs::path candidate = (dir / p).lexically_normal();
      if (IsFile(candidate)) return candidate.string();
      tried += (tried.empty() ? "" : ", ") + dir.lexically_normal().string();
    }
    return Status::NotFound("dictionary file " + name + " named by the suite is not in " + tried +
                            " (give --dictionaries DIR, or the file with --verbs/--actors/"
                            "--agents/--discards)");
  }

 private:
  std::vector<fs::path> dirs_;
};

struct DictionaryFile {
  std::string path;
  DictionaryKind kind;
};

Result<std::vector<DictionaryFile>> PlanDictionaries(const ValidationSuite& suite,
                                                     const ValidationOptions& options) {
  const SuiteEnvironment& env = suite.environment;
  // A suite that names no dictionary at all is coded with the PETRARCH-2 production set.
  bool use_production =
      env.verbs.empty() && env.actors.empty() && env.agents.empty() && env.discards.empty();
  std::string verbs = use_production ? "CAMEO.2.0.txt" : env.verbs;
  std::vector<std::string> actors = env.actors;
  if (use_production) {
    actors = {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
              "Phoenix.MilNonState.actors.txt"};
  }
  std::string agents = use_production ? "Phoenix.agents.txt" : env.agents;
  std::string discards = use_production ? "Phoenix.discards.txt" : env.discards;
  // PETRARCH-2 reads its coding ontology for negation; the production set has one too.
  std::string ontology = use_production ? "PETR.Internal.Coding.Ontology.txt" : env.ontology;

  Resolver resolver(suite, options);
  std::vector<DictionaryFile> plan;
  auto add = [&](const std::string& override_path, const std::string& named, DictionaryKind kind,
                 const char* what, bool required) -> Status {
    if (!override_path.empty()) {
      plan.push_back({override_path, kind});
      return Status::Ok();
    }
    if (named.empty()) {
      if (!required) return Status::Ok();
      return Status::InvalidArgument(suite.path + ": the suite names no " + std::string(what) +
                                     " file; give one with --" + what);
    }
    Result<std::string> found = resolver.Find(named);
    if (!found.ok()) return found.status();
    plan.push_back({*found, kind});
    return Status::Ok();
  };
  if (Status st = add(options.verbs, verbs, DictionaryKind::kVerbs, "verbs", true); !st.ok()) {
    return st;
  }
  if (!options.actors.empty()) {
    for (const std::string& a : options.actors) plan.push_back({a, DictionaryKind::kActors});
  } else {
    if (actors.empty()) {
      return Status::InvalidArgument(suite.path +
                                     ": the suite names no actors file; give one with --actors");
    }
    for (const std::string& a : actors) {
      if (Status st = add("", a, DictionaryKind::kActors, "actors", true); !st.ok()) return st;
    }
  }
  if (Status st = add(options.agents, agents, DictionaryKind::kAgents, "agents", false); !st.ok()) {
    return st;
  }
  if (Status st = add(options.discards, discards, DictionaryKind::kDiscards, "discards", false);
      !st.ok()) {
    return st;
  }
  if (!ontology.empty()) {
    // Optional: a missing ontology only means negated codes are dropped.
    Result<std::string> found = resolver.Find(ontology);
    if (found.ok()) plan.push_back({*found, DictionaryKind::kOntology});
  }
  return plan;
}

}  // namespace

Result<ValidationReport> RunValidationSuite(const ValidationSuite& suite,
                                            const ValidationOptions& options) {
  Result<std::vector<DictionaryFile>> plan = PlanDictionaries(suite, options);
  if (!plan.ok()) return plan.status();
  DictionarySet dictionaries;
  std::vector<std::string> loaded;
  for (const DictionaryFile& file : *plan) {
    if (Status st = LoadDictionary(file.path, file.kind, &dictionaries); !st.ok()) return st;
    loaded.push_back(file.path);
  }

  std::vector<std::string> warnings;
  if (!dictionaries.warnings.empty()) {
    const DictionaryWarning& w = dictionaries.warnings.front();
    warnings.push_back(std::to_string(dictionaries.warnings.size()) +
                       " dictionary warnings, the first: " + w.file + ":" + std::to_string(w.line) +
                       ": " + w.message);
  }

  Status failure;
  std::unique_ptr<Coder> coder;
  std::vector<SuiteOption> coder_options_from;
  std::set<uint32_t> warned_lines;
  auto code = [&](const SuiteRecord& record) -> std::vector<SuiteEvent> {
    if (!failure.ok()) return {};
    if (coder == nullptr || !SameOptions(record.options, coder_options_from)) {
      CoderOptions coder_options = options.coder_options;
      for (const SuiteOption& o : record.options) {
        Status st = SetCoderOption(&coder_options, o.name, o.value);
        if (!st.ok() && warned_lines.insert(o.line).second) {
          warnings.push_back(suite.path + ":" + std::to_string(o.line) + ": <Config option=\"" +
                             o.name + "\" value=\"" + o.value + "\"> ignored: " + st.message());
        }
      }
      coder.reset();  // free the old matcher before compiling the next
      Result<std::unique_ptr<Coder>> created =
          Coder::Create(DictionarySet(dictionaries), CameoTable(), coder_options);
      if (!created.ok()) {
        failure = created.status();
        return {};
      }
      coder = std::move(created).value();
      coder_options_from = record.options;
    }
    if (record.text.empty()) {
      warnings.push_back(suite.path + ":" + std::to_string(record.line) + ": record '" +
                         record.id + "' has an empty <Text>");
    }
    // PETRARCH stops at a tree it cannot read (bad_input_parse): nothing is coded.
    if (record.unbalanced_parse) return {};
    return SuiteEventsFromDocument(coder->CodeSentence(record.text, record.date));
  };
  ValidationReport report = JudgeSuite(suite, code, options.ignore_include);
  if (!failure.ok()) return failure;
  report.dictionaries = std::move(loaded);
  report.warnings = std::move(warnings);
  return report;
}

}  // namespace dragoman
