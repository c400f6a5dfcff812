# Fill the blanks of templates/ky-niem.yaml as its comments say (made with
# --today 2026-11-23): 82 years of the People's Army, an invented guide.
s/^number: -KH\/ĐU/number: 30-KH\/ĐU/
s/^date: 2026-11 /date: 2026-11-25 /
s/^superior: Đảng bộ tỉnh …/superior: Đảng bộ tỉnh Thái Nguyên/
s/^issuer: Đảng ủy xã …/issuer: Đảng ủy xã Định Hóa/
s/^place: …/place: Định Hóa/
s/(…\/…\/… - …\/…\/2026)/(22\/12\/1944 - 22\/12\/2026)/
s/…-HD\/…/55-HD\/BTGDVTU/g
s/ngày … của Ban Tuyên giáo/ngày 10\/11\/2026 của Ban Tuyên giáo/
s/    date: 2026-11  /    date: 2026-11-10/
s/kỷ niệm … năm Ngày …/kỷ niệm 82 năm Ngày thành lập Quân đội nhân dân Việt Nam/g
s/của Ngày …/của Ngày thành lập Quân đội nhân dân Việt Nam/g
s/date: 2027-01-22 /date: 2026-12-21 /
s/tập trung cao điểm trong tháng …\./tập trung cao điểm trong tháng 12./
s/^  name: …/  name: Hoàng Văn Đức/
