# Fill the blanks of templates/dang-uy-co-quan.yaml as its comments say
# (made with --today 2026-11-23): under an invented plan of the Tỉnh ủy.
s/^number: -KH\/ĐU/number: 40-KH\/ĐU/
s/^date: 2026-11 /date: 2026-11-25 /
s/^superior: Đảng bộ tỉnh …/superior: Đảng bộ tỉnh Thái Nguyên/
s/^place: …/place: Thái Nguyên/
s/…-KH\/TU/165-KH\/TU/g
s/^  của Ban Thường vụ Tỉnh ủy về …$/  của Ban Thường vụ Tỉnh ủy về phòng, chống lãng phí/
s/subject: về …/subject: về phòng, chống lãng phí/
s/Tỉnh ủy về …, /Tỉnh ủy về phòng, chống lãng phí, /
s/kết hợp trực tuyến; …/kết hợp trực tuyến./
s/ngày … của Ban Thường vụ Tỉnh ủy/ngày 10\/11\/2026 của Ban Thường vụ Tỉnh ủy/
s/    date: 2026-11  /    date: 2026-11-10/
s/^  name: …/  name: Lê Thị Cúc/
