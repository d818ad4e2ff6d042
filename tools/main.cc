// dragoman: the command-line front end. Dispatches to one file per subcommand (commands.h).
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "commands.h"

namespace {

constexpr char kUsage[] =
    "usage: dragoman COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "commands:\n"
    "  code       code news text into events (JSON Lines on standard output)\n"
    "  validate   run a PETRARCH validation suite and report how many records pass\n"
    "  compile    compile dictionaries into one self-checking bundle for 'code --bundle'\n"
    "\n"
    "'dragoman COMMAND --help' describes a command's options.\n";

}  // namespace

int main(int argc, char** argv) {
  // A closed output pipe is not an error: writes fail with EPIPE and the command exits quietly.
  std::signal(SIGPIPE, SIG_IGN);
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string_view command = argv[1];
  if (command == "code") return dragoman::cli::RunCode(argc - 1, argv + 1);
  if (command == "validate") return dragoman::cli::RunValidate(argc - 1, argv + 1);
  if (command == "compile") return dragoman::cli::RunCompile(argc - 1, argv + 1);
  std::fprintf(stderr, "dragoman: unknown command '%s'\n\n%s", argv[1], kUsage);
  return 2;
}
