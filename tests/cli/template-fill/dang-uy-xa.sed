# Fill the blanks of templates/dang-uy-xa.yaml as its comments say (made
# with --today 2026-11-23): Đảng ủy xã Phú Bình under an invented plan.
s/^number: -KH\/ĐU/number: 25-KH\/ĐU/
s/^date: 2026-11 /date: 2026-11-25 /
s/^superior: Đảng bộ tỉnh …/superior: Đảng bộ tỉnh Thái Nguyên/
s/^issuer: Đảng ủy xã …/issuer: Đảng ủy xã Phú Bình/
s/^place: …/place: Phú Bình/
s/…-KH\/TU/160-KH\/TU/g
s/^  về …$/  về xây dựng nông thôn mới kiểu mẫu/
s/subject: về …/subject: về xây dựng nông thôn mới kiểu mẫu/
s/Tỉnh ủy về …, /Tỉnh ủy về xây dựng nông thôn mới kiểu mẫu, /
s/trong sinh hoạt chi bộ; …/trong sinh hoạt chi bộ./
s/ngày … của Ban Thường vụ Tỉnh ủy/ngày 10\/11\/2026 của Ban Thường vụ Tỉnh ủy/
s/    date: 2026-11  /    date: 2026-11-10/
s/^  name: …/  name: Trần Văn Bình/
