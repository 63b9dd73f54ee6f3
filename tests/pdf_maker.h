// Tiny valid PDFs made at test time, by hand: no PDF writer needed. Each text page is one
// text object in the standard Type 1 font Helvetica (never embedded); a "scan" page draws
// only an image, with no text operators at all, like a scanner's output.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace quorum::testing {

// Each page is a list of lines; `scanned` pages carry an image and no text.
inline std::string make_pdf(const std::vector<std::vector<std::string>>& pages, bool scanned = false) {
  std::vector<std::string> objects;  // object i+1
  const auto escape = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '(' || c == ')' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  };
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("");  // pages: filled below
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                    "/BitsPerComponent 8 /Length 4 >>\nstream\n\x10\x80\x80\x10\nendstream");
  std::string kids;
  for (const auto& lines : pages) {
    std::string content;
    if (scanned) {
      content = "q 400 0 0 500 100 200 cm /Im1 Do Q\n";
    } else {
      content = "BT /F1 12 Tf 14 TL 72 720 Td\n";
      for (const auto& line : lines) content += "(" + escape(line) + ") Tj T*\n";
      content += "ET\n";
    }
    const std::size_t page_obj = objects.size() + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                      "/XObject << /Im1 4 0 R >> >> /Contents " + std::to_string(page_obj + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    kids += std::to_string(page_obj) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace quorum::testing
