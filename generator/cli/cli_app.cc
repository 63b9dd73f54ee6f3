#include "cli/cli_app.h"

#include <filesystem>
#include <iostream>
#include <map>
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

namespace {

// Options `build` and `check` share for what they report and how.
void add_report_options(CLI::App& command, BuildRequest& request) {
  command.add_flag("--publishing-rules", request.publishing_rules,
                   "Also warn when an agenda was published fewer than five clear working days before its "
                   "meeting, or minutes are still a draft after the next meeting");
  const std::map<std::string, DiagnosticStyle> styles{{"text", DiagnosticStyle::text},
                                                      {"github", DiagnosticStyle::github}};
  command
      .add_option("--format", request.style,
                  "How to print errors: text (path:line:column: message) or github (GitHub Actions "
                  "annotations on the changed lines)")
      ->type_name("text|github")
      ->transform(CLI::CheckedTransformer(styles, CLI::ignore_case));
}

// Options `build` and `check` share for how they run: threads and what they say meanwhile.
void add_run_options(CLI::App& command, BuildRequest& request) {
  request.progress = true;  // drawn only when stderr is a terminal
  command
      .add_option("--jobs,-j", request.jobs,
                  "Render on N threads (default: one per core); the output is the same for any N")
      ->type_name("N")
      ->check(CLI::Range(1, 1024));
  command.add_flag("--verbose", request.verbose, "Print how long each stage took, and what was counted");
}

}  // namespace

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
  build->add_flag("--force", state.build.force,
                  "Write into an --out folder that holds files Quorum did not write (never the repository)");
  add_report_options(*build, state.build);
  add_run_options(*build, state.build);

  state.check.executable = executable;
  state.check.check_only = true;
  state.check_cmd = app->add_subcommand("check", "Validate the content; write nothing");
  CLI::App* check = state.check_cmd;
  check->add_option("--source,-s", state.check.source, "Folder holding site-config/ and content/")
      ->type_name("DIR");
  check->add_option("--ref", state.check_ref, "Check this git commit, branch or tag")->type_name("REF");
  check->add_flag("--working-tree", state.check.working_tree, "Check the files as they are on disk");
  add_report_options(*check, state.check);
  add_run_options(*check, state.check);

  state.new_cmd = app->add_subcommand(
      "new", "Start a committee, meeting, report, person or document from a skeleton file");
  CLI::App* fresh = state.new_cmd;
  fresh->add_option("what", state.fresh.what, "What to make: committee, meeting, report, person or document")
      ->required()
      ->check(CLI::IsMember(new_kinds()));
  fresh->add_option("args", state.fresh.args,
                    "committee ID | meeting COMMITTEE YYYY-MM-DD | report COMMITTEE/MEETING SLUG | person ID | "
                    "document ID");
  fresh->add_option("--source,-s", state.fresh.source, "Folder holding site-config/ and content/")
      ->type_name("DIR");
  fresh->add_option("--name", state.fresh.name, "Name of a committee or person")->type_name("TEXT");
  fresh->add_option("--title", state.fresh.title, "Title of a report or document")->type_name("TEXT");
  fresh->add_option("--kind", state.fresh.kind, "Kind of committee (default committee) or document (default other)")
      ->type_name("KIND");
  fresh->add_option("--parent", state.fresh.parent, "Committee a new committee reports to")->type_name("ID");
  fresh->add_option("--time", state.fresh.time, "Start time of a meeting")->type_name("HH:MM");
  fresh->add_option("--venue", state.fresh.venue, "Venue of a meeting")->type_name("TEXT");
  fresh->add_option("--item", state.fresh.item, "Agenda item of a report (default: a new item at the end)")
      ->type_name("N");

  state.serve.build.executable = executable;
  state.serve.build.out.clear();  // default: a private folder under the system temp folder
  state.serve_cmd = app->add_subcommand(
      "serve", "Preview the working tree on 127.0.0.1, rebuilding and reloading as files change");
  CLI::App* serve = state.serve_cmd;
  serve->add_option("--source,-s", state.serve.build.source, "Folder holding site-config/ and content/")
      ->type_name("DIR");
  serve->add_option("--port,-p", state.serve.port, "Port on 127.0.0.1 (default: 8000; 0: any free port)")
      ->type_name("N");
  serve
      ->add_option("--out,-o", state.serve.build.out,
                   "Folder to build the preview in (default: one under the system temp folder)")
      ->type_name("DIR");

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
  if (state.new_cmd->parsed()) return run_new(state.fresh, out, err);
  if (state.build_cmd->parsed()) {
    if (!state.build_ref.empty()) state.build.ref = state.build_ref;
    return run_build(state.build, out, err);
  }
  if (state.serve_cmd->parsed()) return run_serve(state.serve, out, err);
  if (!state.check_ref.empty()) state.check.ref = state.check_ref;
  return run_build(state.check, out, err);
}

}  // namespace quorum
