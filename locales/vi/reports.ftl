## Reports (src/features/reports/) and the public page /minhbach (src/features/transparency/page.ts).

report-nav = Báo cáo
report-filter-area = Quận/huyện hoặc phường/xã
report-filter-ward = Phường/xã
report-filter-level = Cấp học
report-filter-all = Tất cả
report-area-district = { $name } (quận/huyện)
report-area-ward = { $name } (phường/xã)
report-none = Chưa có số liệu.
report-export-csv = Tải CSV
report-export-xlsx = Tải Excel (XLSX)
report-status = Trạng thái
report-kind-device = Thiết bị
report-kind-connectivity = Kết nối mạng
report-figure = Chỉ số
report-count = Số lượng
report-vnd = Số tiền (đồng)
report-requests-title = Yêu cầu theo trạng thái
report-devices-title = Thiết bị: cần, đã nhận ủng hộ, đã trao
report-devices-needed = Còn cần (yêu cầu thiết bị đang chờ)
report-devices-pledged = Nhà hảo tâm đã hứa
report-devices-received = Đã nhận về
report-devices-matched = Đã ghép cho học sinh
report-devices-handedOver = Đã trao tận tay
report-money-title = Tiền ủng hộ
report-money-pledgedVnd = Đã hứa ủng hộ
report-money-receivedVnd = Đã nhận
report-money-spentVnd = Đã chi mua thiết bị, gói cước
report-connectivity-title = Yêu cầu kết nối mạng theo nhà mạng và phường/xã
report-carrier = Nhà mạng
report-ward = Phường/xã
report-waits-title = Thời gian chờ, từ lúc gửi yêu cầu đến lúc nhận thiết bị, theo tuần
report-week = Tuần
report-median-days = Trung vị (ngày)
report-handovers = Số lượt trao
report-weekly =
    📊 Tổng kết tuần { $week } (từ { $from }):
    • Yêu cầu mới: { $devices } thiết bị, { $connectivity } kết nối mạng
    • Thiết bị đã trao: { $handed }, chờ trung vị { $median } ngày
    • Yêu cầu thiết bị còn chờ: { $waiting }
    Xem chi tiết ở mục Báo cáo trên trang quản lý.

minhbach-title = Minh bạch: ChoEm đã nhận và trao những gì
minhbach-intro = { $pledges } lượt ủng hộ. Số liệu chỉ tính đến cấp học, không nêu tên học sinh.
minhbach-totals = Tổng cộng
minhbach-money-pledged = Tiền đã hứa ủng hộ
minhbach-money-received = Tiền đã nhận
minhbach-devices-received = Thiết bị đã nhận
minhbach-devices-delivered = Thiết bị đã trao
minhbach-data-received = Gói cước đã nhận
minhbach-by-level = Theo cấp học
minhbach-level = Cấp học
minhbach-pledges = Lượt ủng hộ
minhbach-money = Tiền
minhbach-devices = Thiết bị
minhbach-data = Gói cước
minhbach-none = Chưa có phần quà nào được trao về trường.
minhbach-donors = Bảng vinh danh nhà hảo tâm
minhbach-no-donors = Chưa có nhà hảo tâm nào đồng ý nêu tên.
minhbach-donors-note = Chỉ nêu tên những nhà hảo tâm đã đồng ý. Cảm ơn tất cả các nhà hảo tâm, kể cả những người ẩn danh.
