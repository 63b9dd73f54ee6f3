// Internal to the model: whether a Markdown body holds front matter that was not read as
// front matter, and would be published as text.
//
// The minutes of a meeting with private business keep a private item's actions in their
// front matter. Front matter is read only when '---' is the file's very first line; written
// after a title, a comment or an empty front matter, or behind a no-break or zero-width space,
// it is body text, and its actions would be published. So a body is suspect when its first
// line with text begins with dashes (a space or blank line before the front matter, four
// dashes), or when anywhere a line of dashes, once spaces of every kind are removed, is
// followed before the next such line by a line that begins with one of `keys` and a colon
// (`actions:`), again ignoring spaces of every kind.
#pragma once

#include <initializer_list>
#include <string_view>

namespace quorum::loader {

bool holds_unread_front_matter(std::string_view body, std::initializer_list<std::string_view> keys);

}  // namespace quorum::loader
