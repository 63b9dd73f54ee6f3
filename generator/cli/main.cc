// The `quorum` command line.
#include <iostream>

#ifdef QUORUM_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/cli_app.h"

// The command line itself (subcommands, options, help, version) is defined in cli_app.cc,
// shared with the man page and completion generators in cli_docs.cc.
int main(int argc, char** argv) {
#ifdef QUORUM_MIMALLOC
  // Linking mimalloc replaces malloc for the whole process; this call keeps a linker that
  // drops unused libraries (--as-needed) from dropping it.
  (void)mi_version();
#endif
  return quorum::run_cli(argc, argv, std::cout, std::cerr);
}
