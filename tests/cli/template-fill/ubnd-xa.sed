# Fill the blanks of templates/ubnd-xa.yaml as its comments say (made with
# --today 2026-11-23): a commune of Thái Nguyên under an invented plan.
s/^number: \/KH-UBND/number: 12\/KH-UBND/
s/^date: 2026-11 /date: 2026-11-25 /
s/Ủy ban nhân dân xã …/Ủy ban nhân dân xã Phú Bình/
s/^place: …/place: Phú Bình/
s/tỉnh …/tỉnh Thái Nguyên/g
s/…\/KH-UBND ngày …/210\/KH-UBND ngày 05 tháng 11 năm 2026/g
s/…\/KH-UBND/210\/KH-UBND/g
s/^  về … trên địa bàn xã/  về chuyển đổi số trên địa bàn xã/
s/subject: về …/subject: về chuyển đổi số năm 2027/
s/Thái Nguyên về …\./Thái Nguyên về chuyển đổi số năm 2027./
s/date: 2026-11  /date: 2026-11-05/
s/tổ dân phố; …/tổ dân phố./
s/^  name: …/  name: Trần Thị Bình/
