// Internal to the model: whether a Markdown body holds front matter that was not read as
// front matter, and would be published as text.
//
// The minutes of a meeting with private business keep a private item's actions in their
// front matter. Front matter is read only when '---' is the file's very first line; written
// anywhere else or in any other form (after a title, a comment or an empty front matter, in a
// quote, behind a no-break or zero-width space, between lines of other dashes, `***`, `___`
// or TOML's `+++`, keys in quotes, a flow mapping) it is body text, and its actions would be
// published. Every line is read with spaces of every kind removed, and a body is suspect when
// - its first line with text begins with dashes (a space or blank line before the front
//   matter, four dashes); or
// - a rule line (three or more of - * _ + = ~, or Unicode dashes and box-drawing lines) is
//   followed, before the next one, by a line beginning with one of `keys` (in quotes, brackets
//   or a quote's '>' too) and ':' or '=' or ']'; or
// - any line sets `item` to one of `private_items` (an action of a private item, in any of
//   YAML's or TOML's spellings: `item: "7"`, `{item: 7, ...}`, `item = '7'`).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::loader {

bool holds_unread_front_matter(std::string_view body, std::initializer_list<std::string_view> keys,
                               const std::vector<std::string>& private_items = {});

}  // namespace quorum::loader
