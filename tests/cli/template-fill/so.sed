# Fill the blanks of templates/so.yaml as its comments say (made with
# --today 2026-11-23): Sở Văn hóa, Thể thao và Du lịch of an invented plan.
s/^number: \/KH-S…/number: 88\/KH-SVHTTDL/
s/^date: 2026-11 /date: 2026-11-25 /
s/tỉnh …/tỉnh Thái Nguyên/g
s/^issuer: Sở …/issuer: Sở Văn hóa, Thể thao và Du lịch/
s/^  Sở … ban hành/  Sở Văn hóa, Thể thao và Du lịch ban hành/
s/^place: …/place: Thái Nguyên/
s/…\/KH-UBND ngày …/215\/KH-UBND ngày 06 tháng 11 năm 2026/g
s/…\/KH-UBND/215\/KH-UBND/g
s/^  về … trong ngành …/  về phát triển du lịch cộng đồng trong ngành văn hóa, thể thao và du lịch/
s/subject: về …/subject: về phát triển du lịch cộng đồng/
s/Thái Nguyên về …\./Thái Nguyên về phát triển du lịch cộng đồng./
s/date: 2026-11  /date: 2026-11-06/
s/^      …$/      Khảo sát, xây dựng sản phẩm du lịch cộng đồng; tuyên truyền, quảng bá trên các nền tảng số./
s/^  name: …/  name: Lê Văn Cường/
