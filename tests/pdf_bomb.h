// A small PDF that inflates to a huge one: its one page's content stream (FlateDecode) holds a
// text string of `megabytes` MB of one letter, which poppler's lexer keeps whole in memory.
// Made in milliseconds: deflate after a full flush depends on nothing before it, so one
// compressed megabyte is repeated rather than compressing them all.
#pragma once

#include <zlib.h>

#include <string>

namespace quorum::testing {

inline std::string deflate_raw(const std::string& in, int flush, z_stream& z) {
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 16];
  do {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    deflate(&z, flush);
    out.append(buf, sizeof buf - z.avail_out);
  } while (z.avail_out == 0);
  return out;
}

inline std::string make_pdf_bomb(int megabytes) {
  const std::string head = "BT /F1 10 Tf 0.0001 0 0 1 10 10 Tm (";
  const std::string chunk(std::size_t{1} << 20, 'A');
  const std::string tail = ") Tj ET\n";
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  const std::string z_head = deflate_raw(head, Z_FULL_FLUSH, z);
  const std::string z_chunk = deflate_raw(chunk, Z_FULL_FLUSH, z);
  const std::string z_tail = deflate_raw(tail, Z_FINISH, z);
  deflateEnd(&z);
  std::string stream = "\x78\x01" + z_head;
  uLong adler = adler32(1, reinterpret_cast<const Bytef*>(head.data()), static_cast<uInt>(head.size()));
  const uLong chunk_adler =
      adler32(1, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
  for (int i = 0; i < megabytes; ++i) {
    stream += z_chunk;
    adler = adler32_combine(adler, chunk_adler, static_cast<z_off_t>(chunk.size()));
  }
  stream += z_tail;
  adler = adler32(adler, reinterpret_cast<const Bytef*>(tail.data()), static_cast<uInt>(tail.size()));
  for (int shift = 24; shift >= 0; shift -= 8) stream += static_cast<char>((adler >> shift) & 0xFF);

  const std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
      "/Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(stream.size()) + " /Filter /FlateDecode >>\nstream\n" + stream +
          "\nendstream"};
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 6\n0000000000 65535 f \n";
  for (int i = 0; i < 5; ++i) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", pdf.size());
    xref += entry;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t start = pdf.size();
  pdf += xref;
  pdf += "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + std::to_string(start) + "\n%%EOF\n";
  return pdf;
}

}  // namespace quorum::testing
