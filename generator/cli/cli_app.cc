#include "cli/cli_app.h"

#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/cli_docs.h"

#ifndef QUORUM_VERSION
#define QUORUM_VERSION "0.0.0"
#endif
#ifndef QUORUM_GIT_COMMIT
#define QUORUM_GIT_COMMIT "unknown"
#endif

namespace quorum {

std::string version_string() {
  return std::string("quorum ") + QUORUM_VERSION + " (commit " + QUORUM_GIT_COMMIT + ")";
}

std::unique_ptr<CLI::App> make_app(CliState& state, const std::string& executable) {
  auto app = std::make_unique<CLI::App>(
      "Quorum: a static site generator for committee papers, membership and decisions.\n"
      "Reads Markdown and YAML from a git repository and writes an accessible website.");
  app->name("quorum");
  app->set_version_flag("--version", version_string());
  app->require_subcommand(1);
  app->footer(
      "Exit status: 0 success, 1 content errors (each printed as path:line:column: error: message),\n"
      "2 usage errors.");

  state.build.executable = executable;
  state.build_cmd = app->add_subcommand("build", "Validate the content and write the site");
  CLI::App* build = state.build_cmd;
  build
      ->add_option("--source,-s", state.build.source,
                   "Folder holding site-config/ and content/ (default: current folder)")
      ->type_name("DIR");
  build->add_option("--out,-o", state.build.out, "Folder to write the site to (default: public)")
      ->type_name("DIR");
  build->add_option("--base-url", state.build.base_url, "Public address of the site, overriding site.yaml")
      ->type_name("URL");
  build
      ->add_option("--ref", state.build_ref,
                   "Build this git commit, branch or tag (default: HEAD when clean)")
      ->type_name("REF");
  build->add_flag("--working-tree", state.build.working_tree,
                  "Build the files as they are on disk, for a preview");
  build->add_flag("--clean", state.build.clean, "Render every page, ignoring what the last build left");

  state.check.executable = executable;
  state.check.check_only = true;
  state.check_cmd = app->add_subcommand("check", "Validate the content; write nothing");
  CLI::App* check = state.check_cmd;
  check->add_option("--source,-s", state.check.source, "Folder holding site-config/ and content/")
      ->type_name("DIR");
  check->add_option("--ref", state.check_ref, "Check this git commit, branch or tag")->type_name("REF");
  check->add_flag("--working-tree", state.check.working_tree, "Check the files as they are on disk");

  // Hidden (empty group): used at build time to generate quorum.1 and quorum.bash.
  state.man_cmd = app->add_subcommand("print-man", "Print the man page quorum(1) as roff")->group("");
  state.completion_cmd =
      app->add_subcommand("print-completion", "Print a shell completion script")->group("");
  state.completion_cmd->add_option("shell", state.completion_shell, "Shell (only bash)")
      ->check(CLI::IsMember({"bash"}));
  return app;
}

namespace {

// The running executable's real path, from which an installed copy finds its prefix's themes.
// argv[0] is only the name typed ("quorum", found on PATH) and would not lead there.
std::string executable_path(const char* argv0) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec && !self.empty()) return self.string();
  return argv0 != nullptr ? argv0 : "";
}

}  // namespace

int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err) {
  CliState state;
  const auto app = make_app(state, executable_path(argc > 0 ? argv[0] : nullptr));
  try {
    app->parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app->exit(e, out, err);
    return code == 0 ? kOk : kUsage;
  }
  if (state.man_cmd->parsed()) {
    out << man_page(*app, version_string());
    return kOk;
  }
  if (state.completion_cmd->parsed()) {
    out << bash_completion(*app);
    return kOk;
  }
  if (state.build_cmd->parsed()) {
    if (!state.build_ref.empty()) state.build.ref = state.build_ref;
    return run_build(state.build, out, err);
  }
  if (!state.check_ref.empty()) state.check.ref = state.check_ref;
  return run_build(state.check, out, err);
}

}  // namespace quorum
