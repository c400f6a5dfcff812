# Fill the blanks of templates/nghi-quyet.yaml as its comments say (made
# with --today 2026-11-23): an invented resolution and guide.
s/^number: -KH\/ĐU/number: 45-KH\/ĐU/
s/^date: 2026-11 /date: 2026-11-25 /
s/^superior: Đảng bộ …/superior: Đảng bộ tỉnh Thái Nguyên/
s/^issuer: Đảng ủy …/issuer: Đảng ủy xã Phú Bình/
s/^place: …/place: Phú Bình/
s/…-NQ\/… ngày … của … về …/12-NQ\/TU ngày 05\/11\/2026 của Ban Chấp hành Đảng bộ tỉnh về phát triển kinh tế nông nghiệp/
s/…-NQ\/… của … về …\./12-NQ\/TU của Ban Chấp hành Đảng bộ tỉnh về phát triển kinh tế nông nghiệp./
s/…-NQ\/… của …$/12-NQ\/TU của Ban Chấp hành Đảng bộ tỉnh/
s/…-NQ\/…; …/12-NQ\/TU./
s/…-NQ\/…/12-NQ\/TU/g
s/…-HD\/… ngày … của Ban Tuyên giáo …/60-HD\/BTGDVTU ngày 10\/11\/2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy/
s/…-HD\/…/60-HD\/BTGDVTU/
s/    issuer: Ban Tuyên giáo …/    issuer: Ban Tuyên giáo và Dân vận Tỉnh ủy/
s/    issuer: …/    issuer: Ban Chấp hành Đảng bộ tỉnh/
s/subject: về …/subject: về phát triển kinh tế nông nghiệp/
s/Đảng ủy … xây dựng/Đảng ủy xã Phú Bình xây dựng/
s/    date: 2026-11  /    date: 2026-11-05/
s/^    date: 2026-11$/    date: 2026-11-10/
s/Ban Tuyên giáo …,/Ban Tuyên giáo và Dân vận Tỉnh ủy,/
s/^  name: …/  name: Vũ Văn Giang/
