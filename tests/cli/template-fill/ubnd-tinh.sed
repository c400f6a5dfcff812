# Fill the blanks of templates/ubnd-tinh.yaml as its comments say (made with
# --today 2026-11-23): a Thái Nguyên plan under an invented decision.
s/^number: \/KH-UBND/number: 45\/KH-UBND/
s/^date: 2026-11 /date: 2026-11-25 /
s/Ủy ban nhân dân tỉnh …/Ủy ban nhân dân tỉnh Thái Nguyên/
s/^place: …/place: Thái Nguyên/
s/…\/QĐ-TTg ngày …/1234\/QĐ-TTg ngày 10 tháng 11 năm 2026/g
s/…\/QĐ-TTg/1234\/QĐ-TTg/g
s/subject: về …/subject: về phát triển thương mại điện tử/
s/Thủ tướng Chính phủ về …\./Thủ tướng Chính phủ về phát triển thương mại điện tử./
s/date: 2026-11  /date: 2026-11-10/
s/Nhân dân trên địa bàn tỉnh; …/Nhân dân trên địa bàn tỉnh./
s/Sở …/Sở Công Thương/g
s/"Lưu: VT, …\."/"Lưu: VT, CT."/
s/^  name: …/  name: Nguyễn Văn An/
