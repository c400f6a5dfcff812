# Fill the blanks of templates/tinh-uy.yaml as its comments say (made with
# --today 2026-11-23): Tỉnh ủy Thái Nguyên under an invented directive.
s/^number: -KH\/TU/number: 150-KH\/TU/
s/^date: 2026-11 /date: 2026-11-25 /
s/^issuer: Tỉnh ủy …/issuer: Tỉnh ủy Thái Nguyên/
s/^place: …/place: Thái Nguyên/
s/…-CT\/TW/52-CT\/TW/g
s/^  về …$/  về tăng cường công tác bảo vệ nền tảng tư tưởng của Đảng/
s/subject: về …/subject: về tăng cường công tác bảo vệ nền tảng tư tưởng của Đảng/
s/Ban Bí thư về …, /Ban Bí thư về tăng cường công tác bảo vệ nền tảng tư tưởng của Đảng, /
s/đến cán bộ, đảng viên; …/đến cán bộ, đảng viên./
s/ngày … của Ban Bí thư/ngày 10\/11\/2026 của Ban Bí thư/
s/    date: 2026-11  /    date: 2026-11-10/
s/^  name: …/  name: Nguyễn Văn An/
