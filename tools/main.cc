// dragoman: the command-line front end. Parses the subcommand and hands over to its file.
#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dragoman code|validate [OPTIONS] [FILE...]\n");
    return 2;
  }
  std::fprintf(stderr, "dragoman: unknown command '%s'\n", argv[1]);
  return 2;
}
