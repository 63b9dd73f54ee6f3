// Words for the codes content uses: what a reader sees instead of `non-pecuniary`.
#pragma once

#include <string>

#include "model/statuses.h"

namespace quorum {

std::string role_label(const std::string& role);              // "vice-chair" -> "Vice-chair"
std::string role_plural(const std::string& role);             // "member" -> "Members"
int role_rank(const std::string& role);                       // chair first, secretariat last
std::string committee_kind_label(const std::string& kind);    // "joint-committee" -> "Joint committee"
std::string status_label(MeetingStatus status);  // cancelled -> "Cancelled"
std::string status_label(PaperStatus status);    // draft -> "Draft"
std::string interest_category_label(const std::string& c);    // "corporate-tenancies" -> "Corporate tenancies"
std::string declaration_kind_label(const std::string& kind);  // "pecuniary" -> "Disclosable pecuniary interest"
std::string document_kind_label(const std::string& kind);
std::string organisation_kind_label(const std::string& kind);
// Paragraphs 1 to 7 of Schedule 12A to the Local Government Act 1972.
std::string exempt_paragraph_description(const std::string& paragraph);
std::string file_size_words(std::size_t bytes);  // "2.3 MB", "14 KB"
std::string file_type_label(const std::string& name);  // "PDF", "CSV", "Excel spreadsheet"

}  // namespace quorum
