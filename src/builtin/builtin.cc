// Locating and loading the built-in data/ directory.
#include "dragoman/builtin.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace dragoman {
namespace fs = std::filesystem;

std::string DataDirectory() {
  if (const char* env = std::getenv("DRAGOMAN_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "dragoman";
    if (fs::exists(installed / "cameo.tsv", ec)) return installed.string();
  }
  return DRAGOMAN_DATA_DIR;
}

Status LoadBuiltinDictionaries(DictionarySet* set) {
  const fs::path dir = DataDirectory();
  if (Status s = LoadDictionary((dir / "verbs.txt").string(), DictionaryKind::kVerbs, set); !s.ok())
    return s;
  std::vector<fs::path> actor_files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "actors", ec))
    if (entry.path().extension() == ".txt") actor_files.push_back(entry.path());
  if (ec) return Status::NotFound((dir / "actors").string() + ": " + ec.message());
  std::sort(actor_files.begin(), actor_files.end());
  for (const fs::path& f : actor_files)
    if (Status s = LoadDictionary(f.string(), DictionaryKind::kActors, set); !s.ok()) return s;
  if (Status s = LoadDictionary((dir / "agents.txt").string(), DictionaryKind::kAgents, set); !s.ok())
    return s;
  if (fs::exists(dir / "discards.txt", ec))
    if (Status s = LoadDictionary((dir / "discards.txt").string(), DictionaryKind::kDiscards, set);
        !s.ok())
      return s;
  if (fs::exists(dir / "issues.txt", ec))
    if (Status s = LoadDictionary((dir / "issues.txt").string(), DictionaryKind::kIssues, set);
        !s.ok())
      return s;
  return Status::Ok();
}

Result<CameoTable> LoadBuiltinCameoTable() {
  return CameoTable::Load((fs::path(DataDirectory()) / "cameo.tsv").string());
}

}  // namespace dragoman
