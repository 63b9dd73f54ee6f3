#include "model/loader.h"

#include "model/urls.h"

namespace quorum::loader {

void load_document(Context& ctx, const std::string& path) {
  auto file = read_markdown_file(ctx, path);
  Document d;
  const auto slash = path.rfind('/');
  d.id = id_from_name(ctx, path.substr(slash + 1, path.size() - slash - 4), path, "document");
  d.pos = {path, 1, 1};
  if (!file) {
    // The reason is reported; keep the id so references to it are not also called missing.
    ctx.model.documents.emplace(d.id, std::move(d));
    return;
  }
  if (!file->front) {
    ctx.diags.error({path, 1, 1}, "a document starts with front matter between '---' lines, "
                                  "with at least 'title' and 'kind'");
  } else {
    YamlFields f(*file->front, file->front_source, "document '" + d.id + "'", ctx.diags);
    d.title = f.text("title", Need::required);
    d.kind = f.choice("kind", {"strategy", "plan", "policy", "annual-report", "other"},
                      Need::required);
    d.owner = f.text("owner");
    d.status = f.choice("status", kPaperStatuses, Need::optional, PaperStatus::approved);
    d.version = f.text("version");
    d.period = f.text("period");
    d.approved_at = f.text("approved_at");
    d.supersedes = f.text("supersedes");
    d.topics = f.text_list("topics");
    for (const auto& item : f.items("attachments")) {
      YamlFields af(item, f.source(), "attachment", ctx.diags);
      DocumentAttachment a;
      a.pos = af.pos_of("file");
      a.title = af.text("title");
      const std::string file_text = af.text("file", Need::required);
      a.file = resolve_relative(path, file_text);
      if (!file_text.empty() && a.file.empty()) {
        ctx.diags.error(a.pos, "the attachment '" + file_text +
                                   "' leads outside the repository; attachments must be files "
                                   "inside it, named relative to this document");
      }
      if (a.title.empty()) a.title = file_text.substr(file_text.rfind('/') + 1);
      af.finish();
      d.attachments.push_back(std::move(a));
    }
    f.finish();
  }
  d.body = std::move(file->body);
  ctx.model.documents.emplace(d.id, std::move(d));
}

}  // namespace quorum::loader
