# Fill the blanks of templates/bai-viet.yaml as its comments say (made with
# --today 2026-11-23): an invented article and an invented parent plan.
s/^number: -KH\/ĐU/number: 398-KH\/ĐU/
s/^date: 2026-11 /date: 2026-11-25 /
s/^superior: Đảng bộ …/superior: Đảng bộ Khối các cơ quan tỉnh Thái Nguyên/
s/^issuer: Đảng ủy …/issuer: Đảng ủy Sở Tài chính/
s/^place: …/place: Thái Nguyên/
s/…-KH\/…/120-KH\/ĐUK/g
s/ngày … của Ban Thường vụ …/ngày 10\/11\/2026 của Ban Thường vụ Đảng ủy Khối/
s/Ban Thường vụ …$/Ban Thường vụ Đảng ủy Khối/
s/    date: 2026-11  /    date: 2026-11-10/
s/“…” của đồng chí …/“Chuyển đổi số - động lực phát triển” của đồng chí Tổng Bí thư/g
s/“\*…\*” của đồng chí …\./“*Chuyển đổi số - động lực phát triển*” của đồng chí Tổng Bí thư./
s/Đảng ủy … xây dựng/Đảng ủy Sở Tài chính xây dựng/
s/chủ yếu của bài viết: …/chủ yếu của bài viết./
s/sinh hoạt hằng tháng; …/sinh hoạt hằng tháng./
s/Thường trực …,/Thường trực Đảng ủy Khối,/
s/^  name: …/  name: Phạm Thị Hoa/
